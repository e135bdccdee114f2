import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// What needs the person, on screen: the NEEDS YOU group, filters by state, the agent detail.
@Suite struct TruthScreenTests {
    func demo() throws -> (TemporaryWorkspace, AppState) {
        let (workspace, snapshot) = try Fixtures.demo()
        return (workspace, Fixtures.state(snapshot))
    }

    func names(_ state: AppState) -> [String] {
        state.list.rows.compactMap { row in
            switch row {
            case .header(let title, let count): return "\(title) (\(count))"
            case .stub(let index): return state.snapshot.stubs[index].featureName
            case .session(let index, _): return state.snapshot.sessions[index].name
            case .attention(let index): return "! " + state.snapshot.sessions[index].name
            case .remote: return nil
            }
        }
    }

    @Test func needsYouComesFirstWorstFirst() throws {
        let (_, state) = try demo()
        #expect(Array(names(state).prefix(3)) == ["NEEDS YOU (2)", "! api-migration-phase1", "! search-index-rebuild-phase1"],
                "blocked (mobile-app) before unverified (an orchestrator complete without its output)")
        #expect(state.board.worst(".coderef/sessions/api-migration-phase1")?.note == "Waiting for the v2 auth endpoint")
        GoldenFile.check(Render.screen(state), "truth-needs-you")
    }

    @Test func filtersMatchStatusWordsAndWhatTheEvidenceSays() throws {
        var (_, state) = try demo()
        state.setFilter("blocked")
        #expect(names(state) == ["NEEDS YOU (1)", "! api-migration-phase1", "ACTIVE (1)", "api-migration"])
        state.setFilter("unverified")
        #expect(names(state).contains("! search-index-rebuild-phase1"))
        #expect(!names(state).contains("api-migration"))
        state.setFilter("in_progress")
        #expect(names(state).contains("search-index-rebuild"), "a session with an agent in progress")
    }

    @Test func bangShowsOnlyWhatNeedsYouAndAgainEverything() throws {
        var (_, state) = try demo()
        let everything = state.list.rows.count
        Fixtures.press(&state, .character("!"))
        #expect(state.filter == "needs")
        #expect(!names(state).contains("auth-token-rotation"))
        #expect(names(state).contains("! api-migration-phase1"))
        Fixtures.press(&state, .character("!"))
        #expect(state.filter.isEmpty && state.list.rows.count == everything)
    }

    @Test func enterOnAnAgentOpensItsDetailAndAsksForItsHistory() throws {
        var (workspace, state) = try demo()
        state.context = AppContext(layout: WorkspaceLayout(root: "/demo"))
        _ = workspace
        Fixtures.press(&state, .enter)  // on the NEEDS YOU row: the blocked agent it names
        #expect(state.selectedAgent?.agentId == "mobile-app")
        let effects = Reducer.reduce(&state, .key(.enter))
        #expect(effects == [.loadAgentDetail(session: ".coderef/sessions/api-migration-phase1", agent: "mobile-app", output: nil)])
        guard case .agentDetail(let view)? = state.overlay else { Issue.record("the agent detail should be open"); return }
        #expect(view.history == nil)
        let history = [StatusHistory.Entry(time: Fixtures.now.addingTimeInterval(-600), session: view.sessionPath, agent: "mobile-app", from: "in_progress", to: "blocked", note: "Waiting for the v2 auth endpoint")]
        _ = Reducer.reduce(&state, .agentDetailLoaded(session: view.sessionPath, agent: "mobile-app", history: history, preview: nil))
        let screen = Render.screen(state).description
        #expect(screen.contains("Waiting for the v2 auth endpoint"))
        #expect(screen.contains("in_progress → blocked"))
        #expect(screen.contains("task_1"))
        GoldenFile.check(Render.screen(state), "truth-agent-detail")
        #expect(Reducer.reduce(&state, .key(.character("e"))) == [.edit(path: "/demo/.coderef/sessions/api-migration-phase1/mobile-app/communication.json")],
                "no output yet: e opens the agent's own file")
        Fixtures.press(&state, .escape)
        #expect(state.overlay == nil)
    }

    @Test func aStatusChangeIsHighlightedAndNotified() throws {
        let (workspace, snapshot) = try Fixtures.demo()
        var settings = HubSettings()
        settings.notifyDesktop = true
        var state = AppState(snapshot: snapshot, size: Size(width: 120, height: 40), now: Fixtures.now, context: AppContext(layout: WorkspaceLayout(root: workspace.root), settings: settings))
        var changed = snapshot
        let index = try #require(changed.sessions.firstIndex { $0.name == "api-migration-phase1" })
        let agent = try #require(changed.sessions[index].agents.firstIndex { $0.agentId == "web-client" })
        changed.sessions[index].agents[agent].status = Status("failed")
        changed.sessions[index].agents[agent].notes = "build broke"
        let effects = Reducer.reduce(&state, .snapshotLoaded(changed))
        #expect(effects.contains(.notify(title: "sessions-hub", body: "api-migration-phase1: web-client failed — build broke")))
        // (The history is the workspace thread's to write: ScreenScenarioTests checks it there.)
        #expect(state.board.worst(".coderef/sessions/api-migration-phase1")?.reason == .failed)
        #expect(NotificationEscapes.desktop(title: "t", body: "x\u{1B}]52;c;AAAA\u{07}", insideTmux: false).filter { $0 == 0x1B }.count == 2,
                "only the notification's own escapes: an agent's note cannot smuggle one in")
    }
}

/// Text of any length: wrapping and fitting look only at what can be shown.
@Suite struct LongTextTests {
    @Test func aHugeWordWrapsIntoTheLinesAskedFor() {
        let huge = String(repeating: "x", count: 2_000_000)
        let lines = TextFit.wrap(huge, width: 40, maxLines: 3)
        #expect(lines == Array(repeating: String(repeating: "x", count: 40), count: 3))
        #expect(TextFit.pad(huge, 10) == String(repeating: "x", count: 9) + "…")
    }

    @Test func wordsStillBreakAtSpacesAndLongWordsStartTheirOwnLine() {
        // A path is broken after a separator, never inside a name (no more `instructions.j|son`).
        #expect(TextFit.wrap("write /a/very/long/path/that/does/not/fit then done", width: 12) ==
                ["write", "/a/very/", "long/path/", "that/does/", "not/fit then", "done"])
        #expect(TextFit.wrap("/tmp/ws/.coderef/sessions/api-migration-phase1/instructions.json", width: 40) ==
                ["/tmp/ws/.coderef/sessions/", "api-migration-phase1/instructions.json"])
    }

    @Test func aStubWithATwentyMegabyteDescriptionDraws() throws {
        let workspace = try TemporaryWorkspace("long-text")
        let description = String(repeating: "é", count: 20 * 1024 * 1024 / 2)
        _ = try workspace.write("coderef/working/long/stub.json", #"{"feature_name": "long", "status": "planning", "description": ""# + description + "\"}")
        var state = Fixtures.state(workspace.load())
        Fixtures.press(&state, .character("g"))
        let screen = Render.screen(state).description
        #expect(screen.contains("éééééééé"))
    }
}

@Suite struct WideLayoutTests {
    @Test func theListGrowsWithAWideTerminal() throws {
        #expect(ScreenLayout(size: Size(width: 250, height: 70)).listBox.width == 105)
        #expect(ScreenLayout(size: Size(width: 120, height: 40)).listBox.width == 50)
        let workspace = try TemporaryWorkspace("wide")
        _ = try workspace.write("coderef/working/a-feature-name-long-enough-to-be-cut-at-sixty-columns-wide/stub.json", #"{"status": "planning"}"#)
        let state = Fixtures.state(workspace.load(), width: 250, height: 70)
        #expect(Render.screen(state).description.contains("a-feature-name-long-enough-to-be-cut-at-sixty-columns-wide"))
    }
}
