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

    @Test func sAsksForAPlanThenEnterStartsTheSession() throws {
        var (_, state) = try demo()
        select(&state, stub: "parallel-docs-audit")
        // The reducer does not plan (planning looks at the disk): it asks the runtime to.
        let effects = Reducer.reduce(&state, .key(.character("S")))
        guard case .plan(let request)? = effects.first, case .start(let stub, nil, false) = request.kind else { Issue.record("expected a plan request, got \(effects)"); return }
        #expect(stub.featureName == "parallel-docs-audit")
        #expect(state.overlay == nil)
        guard case .success(.start(let plan)) = request.plan() else { Issue.record("the plan failed"); return }
        _ = Reducer.reduce(&state, .planned(.success(.start(plan))))
        #expect(state.overlay == .confirmStart(plan))
        #expect(Reducer.reduce(&state, .key(.enter)) == [.startSession(plan)])
        #expect(state.overlay == nil)
        let reload = Reducer.reduce(&state, .sessionStarted(.success(plan.displayFolder)))
        #expect(reload == [.reload])
        #expect(state.pendingSelection == .session(plan.displayFolder))
    }

    @Test func escapeCancelsAndAFailureShowsADialog() throws {
        var (_, state) = try demo()
        select(&state, stub: "parallel-docs-audit")
        Fixtures.press(&state, .character("S"))
        _ = Reducer.reduce(&state, .planned(.failure(PlanFailure("nothing to plan"))))
        #expect(state.overlay == .error("nothing to plan"))
        Fixtures.press(&state, .escape)
        #expect(state.overlay == nil)
        guard case .plan(let request)? = Reducer.reduce(&state, .key(.character("S"))).first, case .success(let planned) = request.plan() else { Issue.record("no plan"); return }
        _ = Reducer.reduce(&state, .planned(.success(planned)))
        Fixtures.press(&state, .escape)
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
        Fixtures.press(&state, .character(" "))
        let effects = Reducer.reduce(&state, .key(.enter))
        guard case .plan(let request)? = effects.first, case .start(_, let agents, false) = request.kind else { Issue.record("expected a plan request"); return }
        #expect(agents == ["web-client"])
        #expect(state.overlay == nil)
    }

    @Test func yCopiesTheSelectedAgentsOneLinerAndRecordsTheHandoff() throws {
        var (_, state) = try demo()
        Fixtures.press(&state, .enter)
        let session = try #require(state.detailSession)
        state.agentIndex = try #require(session.everyone.firstIndex { $0.agentId == "web-client" })
        let agent = try #require(state.selectedAgent)
        let effects = Reducer.reduce(&state, .key(.character("y")))
        let expected = CopyRequest(text: OneLiner.short(session: session, agent: agent), what: "one-liner for web-client", sessionPath: session.path, agents: ["web-client"])
        #expect(effects == [.copy(expected)])
        _ = Reducer.reduce(&state, .copyFinished(expected, .success(.tmux), at: Fixtures.now))
        #expect(state.message?.text == "one-liner for web-client: copied into tmux's buffer (and the terminal's clipboard when tmux forwards it)")
        #expect(state.snapshot.handoffs[session.path]?["web-client"] == Fixtures.now)

        Fixtures.press(&state, .character("L"))
        guard case .copy(let long)? = Reducer.reduce(&state, .key(.character("y"))).first else { Issue.record("no copy"); return }
        #expect(long.text.hasPrefix("## SESSION: WO-API-MIGRATION-001"))
        guard case .copy(let all)? = Reducer.reduce(&state, .key(.character("Y"))).first else { Issue.record("no copy"); return }
        #expect(all.agents.count == 5)
        _ = Reducer.reduce(&state, .copyFinished(all, .failure(.nothingWorked([])), at: Fixtures.now))
        #expect(state.message?.isError == true)
    }

    /// A one-liner that sends the agent to an instructions file that is not there says so.
    @Test func yWarnsWhenTheInstructionsFileDoesNotExist() throws {
        let workspace = try TemporaryWorkspace("yank-no-instructions")
        try workspace.write("coderef/sessions/bare-phase1/communication.json", #"{"workorder_id": "WO-BARE-001", "agents": [{"agent_id": "coder", "status": "not_started"}]}"#)
        let snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: workspace.root)).load()
        var state = AppState(snapshot: snapshot, size: Size(width: 120, height: 40), now: Fixtures.now, context: AppContext(layout: WorkspaceLayout(root: workspace.root)))
        _ = Reducer.reduce(&state, .resize(state.size))
        Fixtures.press(&state, .enter)
        // Asked before copying; Enter (a reflex) cancels, nothing reaches the clipboard.
        #expect(Reducer.reduce(&state, .key(.character("y"))).isEmpty)
        guard case .confirmCopy(let asked)? = state.overlay else { Issue.record("no question before the copy"); return }
        #expect(asked.warning?.contains("instructions file (bare-phase1/instructions.json) does not exist") == true)
        #expect(Render.screen(state).description.contains("y copy   Enter/Esc/n cancel"))
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(state.overlay == nil && state.message?.text == "nothing was copied")
        // y goes ahead, and the warning comes with the result.
        _ = Reducer.reduce(&state, .key(.character("y")))
        guard case .copy(let request)? = Reducer.reduce(&state, .key(.character("y"))).first else { Issue.record("no copy"); return }
        #expect(request == asked)
        _ = Reducer.reduce(&state, .copyFinished(request, .success(.tmux), at: Fixtures.now))
        #expect(state.message?.isError == true && state.message?.text.contains("does not exist") == true)
        // With the file there, no warning.
        try workspace.write("coderef/sessions/bare-phase1/instructions.json", #"{"agent_instructions": {"coder": {"steps": ["write it"]}}}"#)
        state.snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: workspace.root)).load()
        guard case .copy(let fine)? = Reducer.reduce(&state, .key(.character("y"))).first else { Issue.record("no copy"); return }
        #expect(fine.warning == nil)
    }

    @Test func notPickedUpIsFlaggedOnTheRow() throws {
        var (_, state) = try demo()
        Fixtures.press(&state, .enter)
        let session = try #require(state.detailSession)
        // Two hours after the moment the demo describes: web-client's start was written 2h 8m ago.
        state.now = Fixtures.now.addingTimeInterval(2 * 3600)
        state.snapshot.handoffs[session.path] = ["docs-writer": state.now.addingTimeInterval(-3600), "web-client": state.now.addingTimeInterval(-120)]
        let screen = Render.screen(state).description
        #expect(screen.contains("not picked up 1h"), "docs-writer is still not started an hour after its hand-off")
        #expect(screen.contains("in_progress     2h missing    1/3 ⚠ stale 2h"), "web-client in progress since a start written two hours ago: the word stays, the age and the note say stale")
        GoldenFile.check(Render.screen(state), "demo-handoffs")
    }
}

/// `C`: a finished session closed in its own file, asked first.
@Suite struct CloseSessionReducerTests {
    @Test func cAsksWhatItWritesAndEnterWritesIt() throws {
        let workspace = try TemporaryWorkspace("close-key")
        try workspace.write("coderef/sessions/ship-phase1/communication.json", """
        {"workorder_id": "WO-SHIP-001", "status": "in_progress", "agents": [{"agent_id": "a", "status": "complete"}]}
        """)
        try workspace.write("coderef/sessions/open-phase1/communication.json", """
        {"workorder_id": "WO-OPEN-001", "status": "in_progress", "agents": [{"agent_id": "a", "status": "in_progress"}]}
        """)
        let snapshot = workspace.load()
        var state = AppState(snapshot: snapshot, size: Size(width: 120, height: 40), now: Fixtures.now, context: AppContext(layout: WorkspaceLayout(root: workspace.root)))
        _ = Reducer.reduce(&state, .resize(state.size))
        state.selectedRow = try #require(state.row(of: .session("coderef/sessions/ship-phase1"), near: nil))
        #expect(Render.screen(state).description.contains("file says: in_progress (C closes it)"))
        #expect(Reducer.reduce(&state, .key(.character("C"))).isEmpty)
        guard case .confirmClose(let close)? = state.overlay else { Issue.record("C asks first"); return }
        #expect(close.summary == "status in_progress → complete")
        #expect(Render.screen(state).description.contains("Close ship-phase1?"))
        #expect(Reducer.reduce(&state, .key(.enter)) == [.closeSession(close)] && state.overlay == nil)
        // A session still at work: nothing to close, and why.
        state.selectedRow = try #require(state.row(of: .session("coderef/sessions/open-phase1"), near: nil))
        #expect(Reducer.reduce(&state, .key(.character("C"))).isEmpty && state.overlay == nil)
        #expect(state.message?.text.contains("not every agent is complete (0/1)") == true)
    }
}

/// The screen's own hand-offs and dispatches stay shown until the files say them too.
@Suite struct OptimisticTests {
    @Test func aReloadThatLandsBeforeTheWriteDoesNotTakeAHandOffBack() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot)
        let session = ".coderef/sessions/api-migration-phase1"
        let request = CopyRequest(text: "x", what: "one-liner for web-client", sessionPath: session, agents: ["web-client"])
        _ = Reducer.reduce(&state, .copyFinished(request, .success(.tmux), at: Fixtures.now))
        #expect(state.snapshot.handoffs[session]?["web-client"] == Fixtures.now)
        // The workspace thread's next snapshot does not have it yet (the log is written a moment later).
        _ = Reducer.reduce(&state, .snapshotLoaded(snapshot, touched: TouchedItems(handoffs: true)))
        #expect(state.snapshot.handoffs[session]?["web-client"] == Fixtures.now, "still shown")
        #expect(!state.optimistic.isEmpty)
        // The log says it: nothing is kept beside the snapshot any more.
        var written = snapshot
        written.handoffs[session, default: [:]]["web-client"] = Fixtures.now
        _ = Reducer.reduce(&state, .snapshotLoaded(written, touched: TouchedItems(handoffs: true)))
        #expect(state.optimistic.isEmpty && state.snapshot.handoffs[session]?["web-client"] == Fixtures.now)
    }
}

extension OptimisticTests {
    /// A dispatch that settles what a NEEDS YOU row was about (the next wave handed out) keeps the
    /// selection on that session, not on whatever row slid under the cursor.
    @Test func aDispatchThatSettlesASelectedNeedsYouRowKeepsTheSelection() throws {
        let workspace = try TemporaryWorkspace("optimistic-selection")
        try workspace.write("coderef/sessions/a-blocked-phase1/communication.json", #"{"agents": [{"agent_id": "x", "status": "blocked", "notes": "stuck"}]}"#)
        try workspace.write("coderef/sessions/wave-phase1/communication.json", #"""
        {"agents": [{"agent_id": "first", "status": "complete"}, {"agent_id": "last", "status": "not_started", "depends_on": ["first"]}]}
        """#)
        var snapshot = try Fixtures.snapshot(of: workspace.root, fileAge: 60)
        let wave = "coderef/sessions/wave-phase1"
        snapshot.dispatches[wave] = ["first": DispatchRecord(at: Fixtures.now.addingTimeInterval(-600), pane: "%1", window: "1", form: "short", outcome: "submitted")]
        var state = Fixtures.state(snapshot)
        state.selectedRow = try #require(state.list.rows.firstIndex(of: .attention(try #require(snapshot.sessions.firstIndex { $0.path == wave }))))
        #expect(state.board.worst(wave)?.reason == .waveReady)
        let result = DispatchResult(sessionPath: wave, agentId: "last", pane: "%2", window: "2", outcome: .submitted, at: Fixtures.now, longForm: false)
        _ = Reducer.reduce(&state, .dispatched(result))
        #expect(state.board.worst(wave) == nil, "the wave was handed out")
        #expect(state.selectedIdentity == .session(wave), "the selection followed its session, got \(String(describing: state.selectedIdentity))")
    }
}

/// `w` lists archived workorders only when `H` shows archived items.
@Suite struct ArchivedWorkordersViewTests {
    @Test func archivedWorkordersWaitForH() throws {
        var snapshot = WorkspaceSnapshot(root: "/w")
        var old = Workorder(workorderId: "WO-OLD-001", path: "coderef/ARCHIVED/old/plan.json", status: Status("complete"))
        old.archived = true
        snapshot.workorders = [old, Workorder(workorderId: "WO-LIVE-001", path: "coderef/workorder/live/plan.json", status: Status("in_progress"))]
        let view = WorkordersView()
        #expect(view.rows(snapshot).map(\.workorderId) == ["WO-LIVE-001"])
        #expect(Set(view.rows(snapshot, archived: true).map(\.workorderId)) == ["WO-OLD-001", "WO-LIVE-001"])
        var state = Fixtures.state(snapshot)
        _ = Reducer.reduce(&state, .key(.character("w")))
        #expect(!Render.screen(state).description.contains("WO-OLD-001"))
        _ = Reducer.reduce(&state, .key(.escape))
        _ = Reducer.reduce(&state, .key(.character("H")))
        _ = Reducer.reduce(&state, .key(.character("w")))
        #expect(Render.screen(state).description.contains("WO-OLD-001"))
    }
}
