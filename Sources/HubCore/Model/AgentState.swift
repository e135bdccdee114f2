import Foundation

/// One agent's state in a session, merged from the session's communication.json entry and, when it
/// exists, the agent's own nested `<session>/<agent>/communication.json` (whose status wins).
public struct AgentState: Equatable, Sendable {
    public var agentId: String
    public var role: String?
    public var agentPath: String?
    public var status: Status
    /// The root file's status for this agent when a nested file overrides it with another word.
    public var rootStatus: Status?
    /// The output file as written in the file (may be a Windows path).
    public var outputFile: String?
    /// The output file found on this machine, absolute; nil when it does not exist here.
    public var outputResolved: String?
    public var tasksDone: Int?
    public var tasksTotal: Int?
    /// The agent's nested communication.json, relative to the root.
    public var nestedFile: String?
    /// The agent's own instructions.json in the nested layout, relative to the root, and its steps.
    public var instructionsFile: String?
    public var instructionSteps: [String]
    public var notes: String?
    public var completedAt: String?
    public var dependsOn: [String]
    public var workordersCreated: [WorkorderReference]
    public var isOrchestrator: Bool
    /// When the evidence of this agent's work last changed: the newest modification time of its
    /// nested file, its output file and (when it has no nested file) the session's communication.json.
    public var lastChange: Date?

    public init(agentId: String, status: Status = .unknown, isOrchestrator: Bool = false) {
        self.agentId = agentId
        self.status = status
        self.isOrchestrator = isOrchestrator
        self.dependsOn = []
        self.instructionSteps = []
        self.workordersCreated = []
    }

    public var outputExists: Bool { outputResolved != nil }
}

/// The orchestrator is an agent with a coordinating role; it is kept apart from `agents` and shown once.
public typealias Orchestrator = AgentState

/// A workorder an agent says it created: `"WO-ID (path/)"` or `{workorder_id|id, location|plan_path}`.
public struct WorkorderReference: Equatable, Sendable {
    public var workorderId: String
    public var location: String?

    public init(workorderId: String, location: String?) {
        self.workorderId = workorderId
        self.location = location
    }
}
