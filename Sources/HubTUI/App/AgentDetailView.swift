import HubCore

/// The agent detail overlay's state: whose, how far it is scrolled, and what the runtime read for
/// it (the hub's history of the agent's status changes and the first lines of its output file).
public struct AgentDetailView: Equatable, Sendable {
    public var sessionPath: String
    public var agentId: String
    public var scroll = 0
    public var history: [StatusHistory.Entry]?
    public var preview: [String]?
    /// The last lines of its tmux pane, when it was dispatched and the pane is open.
    public var paneLines: [String]?

    public init(sessionPath: String, agentId: String) {
        self.sessionPath = sessionPath
        self.agentId = agentId
    }
}
