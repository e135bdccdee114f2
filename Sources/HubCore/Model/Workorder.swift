import Foundation

/// A workorder plan an agent made in its own project: `coderef/workorder/<name>/plan.json`.
public struct Workorder: Equatable, Sendable {
    public var workorderId: String
    /// plan.json, relative to the root when inside it, else absolute.
    public var path: String
    public var featureName: String?
    /// `META_DOCUMENTATION.status` (or a top-level `status`).
    public var status: Status
    /// Tasks with a complete status; nil when tasks are plain strings without status.
    public var tasksDone: Int?
    public var tasksTotal: Int?
    /// The tasks with their status, for the plan's detail.
    public var tasks: [AgentTask] = []
    /// The project folder's name (the folder holding `coderef/workorder/`).
    public var project: String?
    /// `current_phase`, `phase_status` and the last of `phase_transitions[]`, as written.
    public var currentPhase: String?
    public var phaseStatus: String?
    public var lastTransition: String?
    /// `parent_stub_id`, and `parent_session`/`session_id` when the plan names its session.
    public var parentStubId: String?
    public var parentSession: String?
    /// When plan.json last changed (activity order in the workorders view).
    public var modified: Date?

    public init(workorderId: String, path: String, featureName: String? = nil, status: Status, tasksDone: Int? = nil, tasksTotal: Int? = nil) {
        self.workorderId = workorderId
        self.path = path
        self.featureName = featureName
        self.status = status
        self.tasksDone = tasksDone
        self.tasksTotal = tasksTotal
    }
}

/// One line of `coderef/workorder-log.txt`: `WO-ID | project | description | timestamp`.
public struct WorkorderLogEntry: Equatable, Sendable {
    public var workorderId: String
    public var project: String?
    public var description: String?
    public var timestamp: String?
    /// The log file, relative to the root when inside it.
    public var path: String
    public var line: Int
}
