import Foundation

/// One far session in full, read back from what its hub's `get_session` sent: its agents with
/// status, note, tasks and what each is doing there (and in which tmux pane). Anything missing or
/// of another type is left out; text is kept as sent and sanitised by whoever draws it.
public struct RemoteSession: Equatable, Sendable {
    public struct Agent: Equatable, Sendable {
        public var id: String
        public var isOrchestrator: Bool
        public var status: String?
        public var bucket: StatusBucket
        public var note: String?
        public var tasksDone: Int?
        public var tasksTotal: Int?
        /// `working`, `waiting`, `idle`, `exited`... as the far side read it.
        public var activity: String?
        public var activityDetail: String?
        /// The far tmux pane it runs in (`%12`), when the far side knows one; only a pane id is kept.
        public var pane: String?
    }

    public var name: String
    public var path: String
    public var agents: [Agent]

    public init?(_ value: JSONValue) {
        guard let name = value["name"]?.stringValue, let path = value["path"]?.stringValue else { return nil }
        self.name = name
        self.path = path
        var agents: [Agent] = []
        if let orchestrator = value["orchestrator"], let agent = Self.agent(orchestrator, orchestrator: true) { agents.append(agent) }
        agents += (value["agents"]?.arrayValue ?? []).compactMap { Self.agent($0, orchestrator: false) }
        self.agents = agents
    }

    static func agent(_ value: JSONValue, orchestrator: Bool) -> Agent? {
        guard let id = value["agent_id"]?.stringValue else { return nil }
        let pane = value["activity"]?["pane"]?.stringValue ?? value["dispatch"]?["pane"]?.stringValue
        return Agent(id: id, isOrchestrator: orchestrator, status: value["status"]?.stringValue,
                     bucket: StatusBucket(rawValue: value["bucket"]?.stringValue ?? "") ?? .other, note: value["note"]?.stringValue,
                     tasksDone: value["tasks_done"]?.intValue, tasksTotal: value["tasks_total"]?.intValue,
                     activity: value["activity"]?["state"]?.stringValue, activityDetail: value["activity"]?["detail"]?.stringValue,
                     pane: pane.flatMap(ShellQuote.paneId))
    }
}
