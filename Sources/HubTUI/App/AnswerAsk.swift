import HubCore

/// An answer to an agent at work in tmux: keys to press (a numbered prompt's choice), or text to
/// type and submit (a reply). The dialog shows it before anything is sent.
struct AnswerAsk: Equatable, Sendable {
    var sessionPath: String
    var agentId: String
    var pane: String
    /// What the agent is waiting for, as its state says (`permission prompt`).
    var asks: String?
    /// tmux key names, when answering by keys.
    var keys: [String]
    /// The reply being typed, when answering by text.
    var text: String
    var isReply: Bool { keys.isEmpty }

    init(sessionPath: String, agentId: String, pane: String, asks: String?, keys: [String] = [], text: String = "") {
        self.sessionPath = sessionPath
        self.agentId = agentId
        self.pane = pane
        self.asks = asks
        self.keys = keys
        self.text = text
    }
}
