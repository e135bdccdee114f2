import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

@Suite struct StartAndYankReducerTests {
    func demo() throws -> (TemporaryWorkspace, AppState) {
        let (workspace, snapshot) = try Fixtures.demo()
        var state = AppState(snapshot: snapshot, size: Size(width: 120, height: 40), now: Fixtures.now, context: AppContext(layout: WorkspaceLayout(root: workspace.root)))
        _ = Reducer.reduce(&state, .resize(state.size))
        return (workspace, state)
    }

    func select(_ state: inout AppState, stub name: String) {
        while case .stub(let stub) = state.detail, stub.featureName == name { return }
        Fixtures.press(&state, .character("g"))
        for _ in 0..<state.list.rows.count {
            if case .stub(let stub) = state.detail, stub.featureName == name { return }
            Fixtures.press(&state, .down)
        }
    }

    @Test func sAsksThenEnterStartsTheSession() throws {
        var (_, state) = try demo()
        select(&state, stub: "parallel-docs-audit")
        Fixtures.press(&state, .character("S"))
        guard case .confirmStart(let plan)? = state.overlay else { Issue.record("expected the confirm dialog, got \(String(describing: state.overlay))"); return }
        #expect(plan.workorderId == "WO-PARALLEL-DOCS-AUDIT-001")
        #expect(plan.agents == ["docs-writer", "api-server", "web-client"])
        let screen = Render.screen(state).description
        #expect(screen.contains("Start a session?") && screen.contains(".coderef/sessions/parallel-docs-audit-phase1/"))
        let effects = Reducer.reduce(&state, .key(.enter))
        #expect(effects == [.startSession(plan)])
        #expect(state.overlay == nil)

        let reload = Reducer.reduce(&state, .sessionStarted(.success(plan.displayFolder)))
        #expect(reload == [.reload])
        #expect(state.pendingSelection == "session:" + plan.displayFolder)
    }

    @Test func escapeCancelsAndAFailureShowsADialog() throws {
        var (_, state) = try demo()
        select(&state, stub: "parallel-docs-audit")
        Fixtures.press(&state, .character("S"), .escape)
        #expect(state.overlay == nil)
        #expect(state.message?.text == "nothing was created")
        _ = Reducer.reduce(&state, .sessionStarted(.failure(StartFailure("disk full"))))
        #expect(state.overlay == .error("disk full"))
        Fixtures.press(&state, .enter)
        #expect(state.overlay == nil)
    }

    @Test func aStubWithoutAgentsOpensThePicker() throws {
        var (_, state) = try demo()
        select(&state, stub: "dark-mode-toggle")
        Fixtures.press(&state, .character("S"))
        guard case .pickAgents(_, let candidates, _, _)? = state.overlay else { Issue.record("expected the picker"); return }
        #expect(candidates.contains("web-client"))
        Fixtures.press(&state, .enter)
        #expect(state.message?.text.contains("choose at least one") == true)
        let index = candidates.firstIndex(of: "web-client")!
        for _ in 0..<index { Fixtures.press(&state, .down) }
        Fixtures.press(&state, .character(" "), .enter)
        guard case .confirmStart(let plan)? = state.overlay else { Issue.record("expected the confirm dialog"); return }
        #expect(plan.agents == ["web-client"])
    }

    @Test func yCopiesTheSelectedAgentsOneLinerAndRecordsTheHandoff() throws {
        var (_, state) = try demo()
        Fixtures.press(&state, .enter, .down, .down)
        let session = try #require(state.detailSession)
        let agent = try #require(state.selectedAgent)
        let effects = Reducer.reduce(&state, .key(.character("y")))
        let expected = CopyRequest(text: OneLiner.short(session: session, agent: agent), what: "one-liner for web-client", sessionPath: session.path, agents: ["web-client"])
        #expect(effects == [.copy(expected)])
        _ = Reducer.reduce(&state, .copyFinished(expected, .success(.tmux), at: Fixtures.now))
        #expect(state.message?.text == "copied one-liner for web-client (tmux (load-buffer -w))")
        #expect(state.snapshot.handoffs[session.path]?["web-client"] == Fixtures.now)

        Fixtures.press(&state, .character("L"))
        guard case .copy(let long)? = Reducer.reduce(&state, .key(.character("y"))).first else { Issue.record("no copy"); return }
        #expect(long.text.hasPrefix("## SESSION: WO-API-MIGRATION-001"))
        guard case .copy(let all)? = Reducer.reduce(&state, .key(.character("Y"))).first else { Issue.record("no copy"); return }
        #expect(all.agents.count == 5)
        _ = Reducer.reduce(&state, .copyFinished(all, .failure(.nothingWorked([])), at: Fixtures.now))
        #expect(state.message?.isError == true)
    }

    @Test func notPickedUpIsFlaggedOnTheRow() throws {
        var (_, state) = try demo()
        Fixtures.press(&state, .enter)
        let session = try #require(state.detailSession)
        state.snapshot.handoffs[session.path] = ["docs-writer": Fixtures.now.addingTimeInterval(-3600), "web-client": Fixtures.now.addingTimeInterval(-120)]
        let screen = Render.screen(state).description
        #expect(screen.contains("⚠ 1h"), "docs-writer is still not started an hour after its hand-off")
        #expect(screen.contains("2m ago"))
        GoldenFile.check(Render.screen(state), "demo-handoffs")
    }
}

@Suite struct AdvanceReducerTests {
    @Test func aAsksToStartTheNextPhase() throws {
        let (workspace, _) = try Fixtures.demo()
        let snapshot = workspace.load() // real paths: the planner checks the folder lies in the workspace
        var state = AppState(snapshot: snapshot, size: Size(width: 120, height: 40), now: Fixtures.now, context: AppContext(layout: WorkspaceLayout(root: workspace.root)))
        _ = Reducer.reduce(&state, .resize(state.size))
        Fixtures.press(&state, .down, .enter, .character("a"))
        guard case .confirmStart(let plan)? = state.overlay else { Issue.record("expected the confirm dialog"); return }
        #expect(plan.sessionName == "search-index-rebuild-phase3")
        #expect(Render.screen(state).description.contains("Start phase 3?"))
        #expect(Reducer.reduce(&state, .key(.enter)) == [.startSession(plan)])
    }
}

@Suite struct ArchiveReducerTests {
    @Test func capitalAAsksThenArchives() throws {
        let (workspace, _) = try Fixtures.demo()
        var state = AppState(snapshot: workspace.load(), size: Size(width: 120, height: 40), now: Fixtures.now, context: AppContext(layout: WorkspaceLayout(root: workspace.root)))
        _ = Reducer.reduce(&state, .resize(state.size))
        Fixtures.press(&state, .character("G"), .character("A"))
        guard case .confirmArchive(let plan)? = state.overlay else { Issue.record("expected the archive dialog"); return }
        #expect(plan.displayTo == "coderef/archived/dark-mode-toggle")
        #expect(Render.screen(state).description.contains("Archive dark-mode-toggle?"))
        #expect(Reducer.reduce(&state, .key(.character("y"))) == [.archive(plan)])
        #expect(Reducer.reduce(&state, .archived(.success("dark-mode-toggle"))) == [.reload])
        #expect(state.message?.text == "archived dark-mode-toggle")
    }
}
