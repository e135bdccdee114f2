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
    /// Every entry of `phase_transitions[]` in the same words, oldest first (the last is `lastTransition`).
    public var transitions: [String] = []
    /// `parent_stub_id`, and `parent_session`/`session_id` when the plan names its session.
    public var parentStubId: String?
    public var parentSession: String?
    /// When the plan last changed: the newest time written in it (`phase_transitions[].at`,
    /// `closed_at`, `updated_at`...), else its last commit when unchanged since, else its
    /// modification time (a clone reads the same); activity order in the workorders view.
    public var modified: Date?
    /// The newest time written in the plan itself (nil: it writes none).
    public var writtenAt: Date?
    /// The id it would have had from its folder's name (to tell a written id from a guessed one).
    public var fallbackId: String?
    /// From the workorder folder's own communication.json, when it has one (relative path).
    public var communicationFile: String?
    /// `blockers[]`: what stops it (a workorder with blockers is blocked, whatever its status says).
    public var blockers: [String] = []
    /// `handoff`: `from → to: reason`.
    public var handoff: String?
    /// The last entries of its `communication_log` (oldest first).
    public var lastEvents: [String] = []
    /// Its `HANDOFF-*.json` files, oldest first by name.
    public var handoffFiles: [WorkorderHandoff] = []
    /// `terminal-post-exec.txt`: the plain-text summary written when it closed, line by line.
    public var closeSummary: [String]?
    public static let closeSummaryFile = "terminal-post-exec.txt"
    /// `closed_at` (or `completed_at`) as written.
    public var closedAt: String?
    /// plan.json and communication.json name different states.
    public var disagreement: String?
    /// Its folder was moved into `coderef/ARCHIVED/` or `coderef/archived/` (finished and put away).
    public var archived = false

    /// True for a path inside a `coderef/ARCHIVED/` or `coderef/archived/` folder.
    public static func isArchivedPath(_ path: String) -> Bool {
        path.contains("coderef/ARCHIVED/") || path.contains("coderef/archived/")
    }

    /// A plan that says complete while tasks of its own are open: the same `unverified` the hub
    /// gives an agent whose claim its evidence does not back ("says complete, 3 of 7 tasks open").
    public var unverified: String? {
        guard status.bucket == .complete, let total = tasksTotal, let done = tasksDone, done < total else { return nil }
        return "says \(status.word ?? "complete"), \(total - done) of \(total) tasks open"
    }

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
