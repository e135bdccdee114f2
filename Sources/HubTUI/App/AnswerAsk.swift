import HubCore

/// An answer to an agent at work in tmux: keys to press (a numbered prompt's choice), or text to
/// type and submit (a reply). The dialog shows it before anything is sent.
public struct AnswerAsk: Equatable, Sendable {
    public var sessionPath: String
    public var agentId: String
    public var pane: String
    /// What the agent is waiting for, as its state says (`permission prompt`).
    public var asks: String?
    /// tmux key names, when answering by keys.
    public var keys: [String]
    /// The reply being typed, when answering by text.
    public var text: String
    public var isReply: Bool { keys.isEmpty }

    public init(sessionPath: String, agentId: String, pane: String, asks: String?, keys: [String] = [], text: String = "") {
        self.sessionPath = sessionPath
        self.agentId = agentId
        self.pane = pane
        self.asks = asks
        self.keys = keys
        self.text = text
    }
}
