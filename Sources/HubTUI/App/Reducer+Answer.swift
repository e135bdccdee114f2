import HubCore

/// `1`–`9` and `r` on an agent at work in tmux: answer its prompt, or type it a reply, from the hub.
/// Both ask first; the keys or text go to the agent's pane at the edge (`Dispatcher`).
extension Reducer {
    /// The selected agent, when it runs in a pane the hub knows (dispatched there, or named by its
    /// own state).
    static func agentAtWork(_ state: AppState) -> (Session, AgentState, String)? {
        guard state.focus == .detail, let session = state.detailSession, let agent = state.selectedAgent,
              let pane = AgentPane.of(agent, in: session, snapshot: state.snapshot) else { return nil }
        if state.snapshot.activity(of: agent, in: session)?.state == .exited { return nil }
        return (session, agent, pane)
    }

    /// A digit: press it in the waiting agent's pane (Claude Code, Codex and Gemini take a digit as
    /// the choice at once), after saying what it answers.
    static func answer(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard case .character(let character) = key, let digit = character.wholeNumberValue, (1...9).contains(digit) else { return [] }
        guard let (session, agent, pane) = agentAtWork(state) else {
            flash(&state, "select an agent at work in tmux in the agents pane (Enter on a session), then press the number of its answer")
            return []
        }
        let activity = state.snapshot.activity(of: agent, in: session)
        guard activity?.state == .waiting else {
            flash(&state, "\(agent.agentId) is not waiting for an answer (\(activity?.phrase ?? "its state is unknown")); r types it a reply")
            return []
        }
        state.overlay = .answer(AnswerAsk(sessionPath: session.path, agentId: agent.agentId, pane: pane, asks: activity?.detail, keys: [String(digit)]))
        return []
    }

    /// `r` on an agent at work: a reply to type; elsewhere `r` reloads.
    static func replyOrReload(_ state: inout AppState) -> [Effect] {
        guard let (session, agent, pane) = agentAtWork(state) else {
            flash(&state, "reloading…")
            return [.reload]
        }
        state.overlay = .answer(AnswerAsk(sessionPath: session.path, agentId: agent.agentId, pane: pane, asks: state.snapshot.activity(of: agent, in: session)?.detail))
        return []
    }

    static func answerKey(_ state: inout AppState, _ ask: AnswerAsk, _ key: Key, keymap: Keymap) -> [Effect] {
        var ask = ask
        // A reply is typed text: only Enter sends and Esc cancels; a numbered answer is a yes/no dialog.
        let answer = ask.isReply ? (key == .enter ? Confirmation.yes : (key == .escape ? .no : .neither)) : Confirmation(key, keymap: keymap)
        switch (answer, key) {
        case (.no, _):
            state.overlay = nil
            flash(&state, "nothing was sent to \(ask.agentId)")
            return []
        case (.yes, _):
            if ask.isReply && ask.text.trimmingCharacters(in: .whitespaces).isEmpty {
                flash(&state, "type the reply first (Esc cancels)")
                return []
            }
            state.overlay = nil
            flash(&state, "sending to \(ask.agentId)…")
            return [.answer(ask)]
        case (_, .backspace) where ask.isReply, (_, .delete) where ask.isReply:
            ask.text = String(ask.text.dropLast())
        case (_, .character(let character)) where ask.isReply && TerminalText.isPrintable(String(character)):
            ask.text.append(character)
        default:
            break
        }
        state.overlay = .answer(ask)
        return []
    }
}
