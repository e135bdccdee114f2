/// Answering an agent where it runs: the one operation behind `sessions-hub send`, MCP
/// `send_to_agent` and the screen's `1`–`9` / `r`. Text is delivered like a dispatch (bracketed
/// paste, Enter, proof) and recorded in the hand-off log; keys are pressed and checked.
public enum AgentAnswer {
    public enum Payload: Equatable, Sendable {
        case text(String)
        case keys([String])
    }

    public struct Outcome: Equatable, Sendable {
        public var pane: String
        public var delivered: Bool
        /// `submitted`, `pressed`, `not taken`, `failed`.
        public var word: String
        /// One sentence for the person.
        public var sentence: String
    }

    public struct NoPane: Error, CustomStringConvertible {
        public var agentId: String
        public var description: String {
            "\(TerminalText.sanitize(agentId)) has no live tmux pane the hub knows of (dispatch it, or start it in tmux with the hooks installed)"
        }
    }

    /// The agent's pane (where it was dispatched, or what its own state names), when it is live.
    public static func pane(of agent: AgentState, in session: Session, snapshot: WorkspaceSnapshot, tmux: TmuxClient) throws(NoPane) -> String {
        guard let pane = AgentPane.of(agent, in: session, snapshot: snapshot), tmux.paneIsOpen(pane) else { throw NoPane(agentId: agent.agentId) }
        return pane
    }

    /// Sends `payload` to `pane`; a text reply is recorded like a dispatch.
    public static func send(_ payload: Payload, to pane: String, agentId: String, sessionPath: String, dispatcher: Dispatcher, root: String) -> Outcome {
        let name = TerminalText.sanitize(agentId)
        switch payload {
        case .text(let text):
            let result = dispatcher.send(text, to: pane, agentId: agentId, sessionPath: sessionPath)
            try? HandoffLog.record(root: root, dispatch: result)
            let delivered = result.outcome.delivered
            return Outcome(pane: pane, delivered: delivered, word: delivered ? "submitted" : result.outcome.word,
                           sentence: delivered ? "\(name): reply delivered and submitted" : result.sentence)
        case .keys(let keys):
            let pressed = keys.joined(separator: " ")
            do {
                let taken = try dispatcher.sendKeys(keys, to: pane)
                return Outcome(pane: pane, delivered: taken, word: taken ? "pressed" : "not taken",
                               sentence: taken ? "\(name): pressed \(pressed) in its pane" : "\(name): pressed \(pressed) again and again; its pane did not change (it may not be reading keys: look with g, or its window)")
            } catch {
                return Outcome(pane: pane, delivered: false, word: "failed", sentence: "\(name): nothing was pressed: \(error.message)")
            }
        }
    }
}
