import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// `z`, `x`, `m`, `M`, `u` on the screen: which agent a verdict is about, what asks first, what runs.
@Suite struct TriageReducerTests {
    @Test func snoozeAndDismissOnANeedsYouRowNameItsWorstItemsAgent() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot, width: 120, height: 40)
        // The first row: api-migration-phase1 in NEEDS YOU, the blocked mobile-app its worst item.
        let worst = try #require(state.board.worst(".coderef/sessions/api-migration-phase1"))
        #expect(worst.agent == "mobile-app" && worst.reason == .blocked)
        var effects = Reducer.reduce(&state, .key(.character("z")))
        #expect(effects == [.triage(TriageAsk(sessionPath: ".coderef/sessions/api-migration-phase1", agent: "mobile-app", request: .snooze, snapshot: snapshot))])
        effects = Reducer.reduce(&state, .key(.character("x")))
        #expect(effects == [.triage(TriageAsk(sessionPath: ".coderef/sessions/api-migration-phase1", agent: "mobile-app", request: .dismiss(.blocked), snapshot: snapshot))])
        effects = Reducer.reduce(&state, .key(.character("u")))
        #expect(effects == [.undoTriage(snapshot)])
        _ = Reducer.reduce(&state, .triaged("mobile-app: snoozed until its evidence changes (u undoes)", failed: false))
        #expect(state.message?.text.contains("snoozed") == true)
    }

    @Test func aMarkAsksFirstAndNamesTheSelectedAgent() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot, width: 120, height: 40)
        // In the list, the worst item's agent; m asks before writing.
        var effects = Reducer.reduce(&state, .key(.character("m")))
        #expect(effects.isEmpty)
        guard case .confirmMark(let ask)? = state.overlay else { Issue.record("m asks first"); return }
        #expect(ask.agent == "mobile-app" && ask.request == .mark("complete"))
        effects = Reducer.reduce(&state, .key(.escape))
        #expect(effects.isEmpty && state.overlay == nil, "Esc writes nothing")
        // In the agents pane: the selected agent, back to in_progress.
        Fixtures.press(&state, .enter)
        #expect(state.focus == .detail)
        let selected = try #require(state.selectedAgent?.agentId)
        _ = Reducer.reduce(&state, .key(.character("M")))
        guard case .confirmMark(let second)? = state.overlay else { Issue.record("M asks first"); return }
        #expect(second.agent == selected && second.request == .mark("in_progress"))
        effects = Reducer.reduce(&state, .key(.enter))
        #expect(effects == [.triage(second)] && state.overlay == nil)
    }

    @Test func yAndEnterOnANeedsYouRowActOnTheAgentTheReasonNames() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot, width: 120, height: 40)
        guard case .attention? = state.selectedListRow else { Issue.record("the first row is in NEEDS YOU"); return }
        let session = try #require(state.detailSession)
        // mobile-app is blocked, and not the session's first agent: y copies its one-liner, not the first's.
        #expect(session.everyone.first { !$0.isOrchestrator }?.agentId != "mobile-app")
        guard case .copy(let request)? = Reducer.reduce(&state, .key(.character("y"))).first else { Issue.record("y copies"); return }
        #expect(request.agents == ["mobile-app"] && request.what == "one-liner for mobile-app")
        // Enter selects the agent a blocked reason names (not only a waiting one).
        Fixtures.press(&state, .enter)
        #expect(state.focus == .detail && state.selectedAgent?.agentId == "mobile-app")
    }
}
