import HubCore

/// `z` snooze, `x` dismiss, `m`/`M` mark, `u` undo: working off NEEDS YOU. The verdict applies to
/// the selected agent in the agents pane, else to what the selected session's worst item names.
extension Reducer {
    static func triage(_ state: inout AppState, _ command: Command) -> [Effect] {
        if command == .undoTriage { return [.undoTriage(state.snapshot)] }
        guard let (session, agent) = triageTarget(state) else {
            flash(&state, "select a session in NEEDS YOU (or an agent in the agents pane) first")
            return []
        }
        switch command {
        case .snooze:
            return [.triage(TriageAsk(sessionPath: session.path, agent: agent, request: .snooze, snapshot: state.snapshot))]
        case .dismiss:
            let worst = state.board.bySession[session.path]?.first { $0.agent == agent }
            return [.triage(TriageAsk(sessionPath: session.path, agent: agent, request: .dismiss(worst?.reason), snapshot: state.snapshot))]
        default:
            guard let agent else {
                flash(&state, "select the agent to mark (Tab to the agents pane)")
                return []
            }
            let word = command == .markComplete ? "complete" : "in_progress"
            state.overlay = .confirmMark(TriageAsk(sessionPath: session.path, agent: agent, request: .mark(word), snapshot: state.snapshot))
            return []
        }
    }

    /// The session and agent a verdict is about: the agent selected in the agents pane; in the list,
    /// the agent the session's worst item names (nil: the session's own item).
    static func triageTarget(_ state: AppState) -> (Session, String?)? {
        if state.focus == .detail, let session = state.detailSession, let agent = state.selectedAgent { return (session, agent.agentId) }
        let session: Session?
        switch state.selectedListRow {
        case .attention(let index)?, .session(let index, _)?: session = state.snapshot.sessions[index]
        default: session = state.detailSession
        }
        guard let session else { return nil }
        return (session, state.board.worst(session.path)?.agent)
    }

    static func confirmMarkKey(_ state: inout AppState, _ ask: TriageAsk, _ key: Key, keymap: Keymap) -> [Effect] {
        answerDialog(&state, key, keymap: keymap, nothing: "nothing was written") { _ in [.triage(ask)] }
    }
}
