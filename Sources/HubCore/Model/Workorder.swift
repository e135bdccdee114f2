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
