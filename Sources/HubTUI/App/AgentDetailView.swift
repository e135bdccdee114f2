import HubCore

/// The agent detail overlay's state: whose, how far it is scrolled, and what the runtime read for
/// it (the hub's history of the agent's status changes and the first lines of its output file).
struct AgentDetailView: Equatable, Sendable {
    var sessionPath: String
    var agentId: String
    var scroll = 0
    var history: [StatusHistory.Entry]?
    var preview: [String]?
    /// The last lines of its tmux pane, when it was dispatched and the pane is open.
    var paneLines: [String]?

    init(sessionPath: String, agentId: String) {
        self.sessionPath = sessionPath
        self.agentId = agentId
    }
}
