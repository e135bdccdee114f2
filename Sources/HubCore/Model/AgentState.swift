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
    /// When the root file's claim was made (its entry's own times, else the file's time) and when
    /// the agent's own file made its claim: both dates of a `conflict`.
    public var rootClaimedAt: Date?
    public var ownClaimedAt: Date?
    /// The agent's own file exists but cannot be read or parsed (perhaps being written).
    public var unreadable = false
    /// Its output is a JSON file that does not parse: why, in a few words.
    public var outputInvalid: String?
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
    public var startedAt: String?
    /// `updated_at` / `last_updated`, as written.
    public var updatedAt: String?
    /// The agent's tasks as its nested file lists them (empty when it lists none).
    public var tasks: [AgentTask]
    /// `outputs.files_created` and `outputs.primary_output`, as written.
    public var filesCreated: [String]
    public var primaryOutput: String?
    public var dependsOn: [String]
    /// `phase_gate.criteria[]`: what must hold before the next phase (strings, or objects with
    /// `criterion`/`description` and `met`/`status`).
    public var gateCriteria: [GateCriterion] = []
    /// `execution_wave` as written (1 = first); nil: computed from `depends_on` when needed.
    public var executionWave: Int?
    public var workordersCreated: [WorkorderReference]
    public var isOrchestrator: Bool
    /// When the evidence of this agent's own work last changed: the newest of its nested file's and
    /// its output file's modification times and its `completed_at`/`started_at`/`updated_at`. Never
    /// the shared communication.json's time (one agent's edit would age every agent). nil: unknown.
    public var lastChange: Date?

    public init(agentId: String, status: Status = .unknown, isOrchestrator: Bool = false) {
        self.agentId = agentId
        self.status = status
        self.isOrchestrator = isOrchestrator
        self.dependsOn = []
        self.instructionSteps = []
        self.workordersCreated = []
        self.tasks = []
        self.filesCreated = []
    }

    public var outputExists: Bool { outputResolved != nil }
}

/// One task of an agent (`tasks[]` in its nested file).
public struct AgentTask: Equatable, Sendable {
    public var id: String?
    public var description: String?
    public var status: Status

    public init(id: String?, description: String?, status: Status) {
        self.id = id
        self.description = description
        self.status = status
    }
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

/// One criterion of an agent's `phase_gate`.
public struct GateCriterion: Equatable, Sendable {
    public var text: String
    public var met: Bool
    public init(text: String, met: Bool) {
        self.text = text
        self.met = met
    }
}
