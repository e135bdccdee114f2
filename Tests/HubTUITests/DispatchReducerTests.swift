import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// `d`, `D` and the waves that follow, in the reducer: what is asked for, confirmed and shown.
@Suite struct DispatchReducerTests {
    func wavesState(insideTmux: Bool = true) throws -> (TemporaryWorkspace, AppState) {
        let workspace = try TemporaryWorkspace("dispatch-reducer")
        try workspace.write("coderef/sessions/waves-phase1/communication.json", """
        {"workorder_id": "WO-WAVES-001", "agents": [
          {"agent_id": "first", "status": "not_started"}, {"agent_id": "second", "status": "not_started"},
          {"agent_id": "last", "status": "not_started", "depends_on": ["first", "second"]}]}
        """)
        let snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: workspace.root)).load()
        var state = AppState(snapshot: snapshot, size: Size(width: 120, height: 40), now: Fixtures.now,
                             context: AppContext(layout: WorkspaceLayout(root: workspace.root), insideTmux: insideTmux))
        _ = Reducer.reduce(&state, .resize(state.size))
        Fixtures.press(&state, .enter)
        #expect(state.detailSession?.name == "waves-phase1")
        return (workspace, state)
    }

    @Test func outsideTmuxDispatchExplainsAndAsksForNothing() throws {
        var (_, state) = try wavesState(insideTmux: false)
        #expect(Reducer.reduce(&state, .key(.character("D"))).isEmpty)
        #expect(state.message?.isError == true && state.message?.text.contains("inside tmux") == true)
    }

    @Test func capitalDAsksForTheFirstWaveThenOffersTheNext() throws {
        var (workspace, state) = try wavesState()
        let effects = Reducer.reduce(&state, .key(.character("D")))
        guard case .planDispatch(let ask)? = effects.first else { Issue.record("D planned nothing: \(effects)"); return }
        #expect(ask.agents == ["first", "second"] && !ask.nextWave)
        let session = try #require(state.detailSession)
        let proposal = try DispatchProposal.make(session: session, agentIds: ask.agents, nextWave: false, records: [:], settings: HubSettings(), root: workspace.root,
                                                 trust: nil, home: nil, paneIsOpen: { _ in false }).get()
        _ = Reducer.reduce(&state, .dispatchPlanned(.success(proposal)))
        #expect(state.overlay == .confirmDispatch(proposal))
        #expect(Render.screen(state).description.contains("Dispatch?"))
        #expect(Reducer.reduce(&state, .key(.enter)) == [.dispatch(proposal.targets)])
        #expect(state.overlay == nil && state.dispatchesInFlight == 2)

        for id in ["first", "second"] {
            _ = Reducer.reduce(&state, .dispatched(DispatchResult(sessionPath: session.path, agentId: id, pane: "%\(id.count)", window: "\(id.count)", outcome: .submitted, at: Fixtures.now, longForm: false)))
        }
        #expect(state.dispatchesInFlight == 0)
        #expect(Render.screen(state).description.contains("window 5, submitted"))
        // The first wave completes (written by the agents): NEEDS YOU says the next one is ready;
        // no dialog opens by itself.
        var done = state.snapshot
        for index in 0..<2 { done.sessions[0].agents[index].status = Status("complete") }
        let next = Reducer.reduce(&state, .snapshotLoaded(done))
        #expect(!next.contains { if case .planDispatch = $0 { return true } else { return false } })
        #expect(state.overlay == nil)
        let item = try #require(state.board.items.first { $0.reason == .waveReady })
        #expect(item.session == session.path && item.note == "wave 2 ready: last (D)")
        // D hands it out (after the person's yes, as for the first wave).
        guard case .planDispatch(let wave)? = Reducer.reduce(&state, .key(.character("D"))).last else { Issue.record("D planned nothing"); return }
        #expect(wave.agents == ["last"])
    }

    @Test func typedNotSubmittedNeedsYouAtOnce() throws {
        var (_, state) = try wavesState()
        let session = try #require(state.detailSession)
        _ = Reducer.reduce(&state, .dispatched(DispatchResult(sessionPath: session.path, agentId: "first", pane: "%3", window: "3", outcome: .typedNotSubmitted, at: Fixtures.now, longForm: false)))
        #expect(state.message?.isError == true)
        _ = Reducer.reduce(&state, .snapshotLoaded(state.snapshot))
        #expect(state.board.bySession[session.path]?.contains { $0.agent == "first" && $0.reason == .notPickedUp } == true)
        #expect(Render.screen(state).description.contains("⚠ typed, not submitted"))
    }

    @Test func gOnADispatchedAgentGoesToItsPane() throws {
        var (_, state) = try wavesState()
        let session = try #require(state.detailSession)
        _ = Reducer.reduce(&state, .dispatched(DispatchResult(sessionPath: session.path, agentId: "first", pane: "%7", window: "2", outcome: .submitted, at: Fixtures.now, longForm: false)))
        #expect(state.focus == .detail && state.selectedAgent?.agentId == "first")
        #expect(Reducer.reduce(&state, .key(.character("g"))) == [.goToPane("%7")])
        // Elsewhere g is still the first row.
        Fixtures.press(&state, .down)
        #expect(Reducer.reduce(&state, .key(.character("g"))).isEmpty && state.selectedAgent?.agentId == "first")
    }

    @Test func capitalDOnAStartedStubDispatchesItsLatestSession() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = AppState(snapshot: snapshot, size: Size(width: 120, height: 40), now: Fixtures.now,
                             context: AppContext(layout: WorkspaceLayout(root: snapshot.root), insideTmux: true))
        _ = Reducer.reduce(&state, .resize(state.size))
        Fixtures.press(&state, .down, .down)
        guard case .stub(let stub) = state.detail else { Issue.record("a stub row"); return }
        #expect(stub.featureName == "api-migration")
        let effects = Reducer.reduce(&state, .key(.character("D")))
        guard case .planDispatch(let ask)? = effects.first else { Issue.record("nothing planned: \(effects)"); return }
        #expect(ask.session.name == "api-migration-phase1" && ask.agents == ["docs-writer"])
    }
}
