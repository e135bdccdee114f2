import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// Every phase reachable from its stub (`[` / `]`); a one-liner too long for the pane read in full (`O`);
/// one pane at a time on a narrow terminal.
@Suite struct PhaseAndOneLinerTests {
    /// The search-index-rebuild stub, opened on its latest phase.
    func searchIndexOpened(width: Int = 120, height: Int = 40) throws -> AppState {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot, width: width, height: height)
        Fixtures.press(&state, .down, .down, .down, .enter)
        #expect(state.detailSession?.workorderId == "WO-SEARCH-INDEX-REBUILD-002")
        return state
    }

    @Test func bracketsStepThroughTheFeaturesPhases() throws {
        var state = try searchIndexOpened()
        Fixtures.press(&state, .character("["))
        #expect(state.detailSession?.workorderId == "WO-SEARCH-INDEX-REBUILD-001")
        #expect(state.message?.text.hasPrefix("phase 1 of 2") == true)
        Fixtures.press(&state, .character("["))
        #expect(state.detailSession?.workorderId == "WO-SEARCH-INDEX-REBUILD-001")
        #expect(state.message?.text == "this is the first phase")
        Fixtures.press(&state, .character("]"))
        #expect(state.detailSession?.workorderId == "WO-SEARCH-INDEX-REBUILD-002")
    }

    @Test func oReadsTheWholeOneLinerInTheViewer() throws {
        var state = try searchIndexOpened()
        Fixtures.press(&state, .character("L"), .character("O"))
        guard case .file(let view)? = state.overlay else { Issue.record("O opened no viewer"); return }
        let session = try #require(state.detailSession)
        let agent = try #require(state.selectedAgent)
        #expect(view.title.hasPrefix("One-liner (long) for \(agent.agentId)"))
        #expect(view.lines.joined(separator: "\n") == OneLiner.long(session: session, agent: agent))
        #expect(view.path == nil)
    }

    @Test func aLongOneLinerSaysHowToReadTheRest() throws {
        var state = try searchIndexOpened(width: 100, height: 24)
        Fixtures.press(&state, .character("L"))
        let screen = Render.screen(state).description
        #expect(screen.contains("more: O reads it in full"))
    }

    @Test func narrowTerminalsShowOnePaneAndEscapeGoesBack() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot, width: 80, height: 24)
        #expect(state.layout.singlePane && state.layout.showsList && !state.layout.showsDetail)
        Fixtures.press(&state, .character("G"), .enter)
        // A stub with no session: its detail, full width (in two panes Enter only flashes a message).
        #expect(state.focus == .detail && !state.layout.showsList)
        #expect(Render.screen(state).description.contains("Stub · Esc list"))
        Fixtures.press(&state, .escape)
        #expect(state.focus == .list && state.layout.showsList)
        // A new snapshot does not throw the stub's detail back to the list.
        Fixtures.press(&state, .enter)
        _ = Reducer.reduce(&state, .snapshotLoaded(snapshot))
        #expect(state.focus == .detail)
    }

    @Test func tShowsTheFeaturesTimelineLeftToRight() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot)
        Fixtures.press(&state, .down, .down, .down, .character("t"))
        let screen = Render.screen(state).description
        #expect(screen.contains("Timeline of search-index-rebuild"))
        #expect(screen.contains("✓ stub → ✓ phase 1 2/2 → ◐ phase 2 0/2"))
        #expect(screen.contains("WO-SEARCH-INDEX-REBUILD-001"))
        // Every phase can be chosen and opened from here: the cursor starts on the latest.
        #expect(state.overlay == .timeline(cursor: 1))
        Fixtures.press(&state, .up, .enter)
        #expect(state.overlay == nil && state.focus == .detail)
        #expect(state.detailSession?.workorderId == "WO-SEARCH-INDEX-REBUILD-001")
        Fixtures.press(&state, .character("t"), .escape)
        #expect(state.overlay == nil)
    }
}
