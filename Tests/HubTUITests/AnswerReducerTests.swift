import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// `1`–`9` and `r` on an agent at work: what is asked, what is sent, and what the screen shows.
@Suite struct AnswerReducerTests {
    /// A session with one agent waiting on a permission prompt in pane %7, the agents pane focused.
    func waitingState(_ activity: Activity? = Activity(state: .waiting, detail: "permission prompt", source: .stateFile, since: Fixtures.now, pane: "%7")) throws -> (TemporaryWorkspace, AppState) {
        let workspace = try TemporaryWorkspace("answer-reducer")
        try workspace.write("coderef/sessions/ask-phase1/communication.json", """
        {"workorder_id": "WO-ASK-001", "agents": [{"agent_id": "coder", "status": "in_progress"}]}
        """)
        var snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: workspace.root)).load()
        if let activity { snapshot.activities = [snapshot.sessions[0].path: ["coder": activity]] }
        var state = AppState(snapshot: snapshot, size: Size(width: 120, height: 40), now: Fixtures.now,
                             context: AppContext(layout: WorkspaceLayout(root: workspace.root), insideTmux: true))
        _ = Reducer.reduce(&state, .resize(state.size))
        Fixtures.press(&state, .enter)
        #expect(state.focus == .detail && state.selectedAgent?.agentId == "coder")
        return (workspace, state)
    }

    @Test func aDigitAsksThenPressesItInTheAgentsPane() throws {
        var (_, state) = try waitingState()
        #expect(Reducer.reduce(&state, .key(.character("1"))).isEmpty, "nothing is sent before the person says so")
        guard case .answer(let ask)? = state.overlay else { Issue.record("no dialog: \(String(describing: state.overlay))"); return }
        #expect(ask.keys == ["1"] && ask.pane == "%7" && ask.asks == "permission prompt")
        let screen = Render.screen(state).description
        #expect(screen.contains("Answer coder?") && screen.contains("It asks: permission prompt"))
        #expect(Reducer.reduce(&state, .key(.enter)) == [.answer(ask)])
        #expect(state.overlay == nil)
        _ = Reducer.reduce(&state, .answered("coder: pressed 1 in its pane", failed: false))
        #expect(state.message?.text == "coder: pressed 1 in its pane")
    }

    @Test func escapeSendsNothingAndAnAgentNotWaitingIsNotAnswered() throws {
        var (_, state) = try waitingState()
        _ = Reducer.reduce(&state, .key(.character("2")))
        #expect(Reducer.reduce(&state, .key(.escape)).isEmpty && state.overlay == nil)
        var (_, working) = try waitingState(Activity(state: .working, detail: "Bash", source: .hook, since: Fixtures.now, pane: "%7"))
        #expect(Reducer.reduce(&working, .key(.character("1"))).isEmpty && working.overlay == nil)
        #expect(working.message?.text.contains("not waiting for an answer (working: Bash)") == true)
    }

    @Test func rTypesAReplyToAnAgentAtWorkAndReloadsElsewhere() throws {
        var (_, state) = try waitingState(Activity(state: .idle, source: .stateFile, since: Fixtures.now, pane: "%7"))
        #expect(Reducer.reduce(&state, .key(.character("r"))).isEmpty)
        for character in "go on" { _ = Reducer.reduce(&state, .key(.character(character))) }
        guard case .answer(let ask)? = state.overlay else { Issue.record("no reply form"); return }
        #expect(ask.isReply && ask.text == "go on")
        #expect(Reducer.reduce(&state, .key(.enter)) == [.answer(ask)])
        var (_, unknown) = try waitingState(nil)
        #expect(Reducer.reduce(&unknown, .key(.character("r"))) == [.reload], "no pane known: r reloads")
    }

    @Test func theAgentRowShowsWhatTheAgentDoesBesideItsFile() throws {
        let (_, state) = try waitingState()
        let screen = Render.screen(state).description
        #expect(screen.contains("◆ waiting: permission"), "\(screen)")
        #expect(screen.contains("◆ ask-phase1  waiting coder: permission prompt"), "NEEDS YOU names the agent and what it asks")
        #expect(screen.contains("waiting"), "the NEEDS YOU board names the reason")
    }
}
