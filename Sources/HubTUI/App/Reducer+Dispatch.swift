import Foundation
import HubCore

/// `d`, `D` and `g`: handing agents their work in tmux and going to an agent's window. A later
/// wave becoming ready is a NEEDS YOU reason (`wave_ready`), never a dialog that opens by itself. Planning and dispatching run at the edge; results come back as actions.
extension Reducer {
    /// `d`: the agent selected in the agents pane.
    static func dispatchSelected(_ state: inout AppState) -> [Effect] {
        guard let session = state.detailSession else {
            flash(&state, "select a session, then an agent in its agents pane (D dispatches every ready agent)")
            return []
        }
        guard state.focus == .detail, let agent = state.selectedAgent else {
            flash(&state, "Enter the agents pane and select the agent to dispatch (D dispatches every ready agent)")
            return []
        }
        guard canDispatch(&state) else { return [] }
        return [.planDispatch(DispatchAsk(session: session, agents: [agent.agentId], nextWave: false, records: state.snapshot.dispatches[session.path] ?? [:], projects: state.snapshot.projects))]
    }

    /// `D`: every agent that has not started and whose dependencies are complete.
    static func dispatchReady(_ state: inout AppState) -> [Effect] {
        // On a stub row: its latest session (as `a` advances it).
        var latest: Session?
        if case .stub(let stub) = state.detail { latest = state.sessions(of: stub).last }
        guard let session = state.detailSession ?? latest else {
            flash(&state, "select a session (or a started stub) to dispatch its agents; S starts one from a stub")
            return []
        }
        guard canDispatch(&state) else { return [] }
        let step = WaveFollower.next(session, handled: delivered(state, session))
        guard case .dispatch(let ready, _) = step else {
            if let why = WaveFollower.why(step) {
                flash(&state, "no agent is ready: \(why) (NEEDS YOU says when the next wave is ready)")
            } else {
                flash(&state, "every agent of \(session.name) has started or was dispatched (d dispatches one again)")
            }
            return []
        }
        return [.planDispatch(DispatchAsk(session: session, agents: ready, nextWave: false, records: state.snapshot.dispatches[session.path] ?? [:], projects: state.snapshot.projects))]
    }

    static func canDispatch(_ state: inout AppState) -> Bool {
        guard state.context.insideTmux else {
            flash(&state, "dispatch opens agents in tmux windows beside this one: run sessions-hub inside tmux (or use `sessions-hub dispatch --tmux-session NAME`)", isError: true)
            return false
        }
        return true
    }

    /// Agents already handed their work (delivered), so `D` does not hand it twice.
    static func delivered(_ state: AppState, _ session: Session) -> Set<String> {
        DispatchRecord.delivered(state.snapshot.dispatches[session.path] ?? [:])
    }

    static func dispatchPlanned(_ state: inout AppState, _ result: Result<DispatchProposal, PlanFailure>) {
        switch result {
        case .success(let proposal):
            state.overlay = .confirmDispatch(proposal)
        case .failure(let failure):
            state.overlay = .error(failure.message)
        }
    }

    /// Enter/y on the confirm dialog.
    static func confirmDispatch(_ state: inout AppState, _ proposal: DispatchProposal) -> [Effect] {
        state.overlay = nil
        state.dispatchesInFlight += proposal.targets.count
        flash(&state, "dispatching \(proposal.targets.map(\.agentId).joined(separator: ", "))… (each waits until its agent is ready)")
        return [.dispatch(proposal.targets)]
    }

    /// Esc/n: nothing runs.
    static func cancelDispatch(_ state: inout AppState, _ proposal: DispatchProposal) {
        state.overlay = nil
        flash(&state, "nothing dispatched")
    }

    static func dispatched(_ state: inout AppState, _ result: DispatchResult) {
        state.dispatchesInFlight = max(0, state.dispatchesInFlight - 1)
        // Shown at once; the hand-off log's change confirms it a moment later.
        let record = DispatchRecord(at: result.at, pane: result.pane, window: result.window, form: result.longForm ? "long" : "short", outcome: result.outcome.word)
        withSelectionKept(&state) { state in
            state.noteDispatch(record, session: result.sessionPath, agent: result.agentId)
            if result.outcome.delivered { state.noteHandoff(session: result.sessionPath, agents: [result.agentId], at: result.at) }
        }
        flash(&state, result.sentence, isError: !result.outcome.delivered)
    }

    /// `g` in the agents pane on an agent that was dispatched into a pane.
    static func dispatchedPaneOfSelection(_ state: AppState) -> String? {
        guard state.focus == .detail, state.context.insideTmux, let session = state.detailSession, let agent = state.selectedAgent else { return nil }
        return AgentPane.of(agent, in: session, snapshot: state.snapshot)
    }
}
