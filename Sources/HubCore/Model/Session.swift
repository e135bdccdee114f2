/// A work session: a folder under a sessions directory with communication.json (and friends).
public struct Session: Equatable, Sendable {
    public enum Layout: String, Sendable {
        /// `workorder_id`, `orchestrator`, `agents[]` as the workflow's /create-session writes.
        case workflow
        /// `session_id`, `agents[]` with `agent_number`/`execution_wave`, instructions as `blocks[]`.
        case dashboard
        /// No root communication.json: only per-agent nested files, sub-sessions or instructions.json.
        case partial
    }

    /// Path below its sessions directory (`feature-phase2`, or `parent/child` for a sub-session).
    public var name: String
    /// The session folder, relative to the workspace root.
    public var path: String
    public var absolutePath: String
    /// The feature this session belongs to (`<feature>` of `<feature>-phase<N>`).
    public var feature: String
    /// N of `-phase<N>`; 1 for a bare `<feature>` folder that has phase siblings; nil otherwise.
    public var phase: Int?
    public var layout: Layout
    public var workorderId: String?
    public var featureName: String?
    public var description: String?
    public var created: String?
    /// The session's own `status` word, kept as written.
    public var storedStatus: Status?
    /// `aggregation{total_agents, completed}` as written: a cache the agents rarely keep up to date.
    public var storedCounts: StoredCounts?
    /// `stub_id` / `parent_stub_id`: the stub the session says it came from.
    public var stubReference: String?
    public var orchestrator: Orchestrator?
    public var agents: [AgentState]
    /// In-session `phases{}` in their written order.
    public var phases: [SessionPhase]
    public var instructions: Instructions?
    /// communication.json (or its stand-in), relative to the root.
    public var communicationFile: String?
    public var archived: Bool
    /// The parent session's path for a sub-session.
    public var parent: String?
    /// Files of this session that could not be read at the last change (probably being written):
    /// the session shows its last good state until they change again.
    public var unreadableFiles: [String] = []

    /// Status derived from everyone who works on it (FORMATS.md): all complete → complete; any
    /// failed → failed; any blocked → blocked; any in progress or some complete → in progress; else
    /// not started; a cancelled member is left out. The orchestrator counts when its file gives it a status: a session whose agents
    /// are all done while its orchestrator still works is in progress, not complete. With neither
    /// agents nor orchestrator, the stored word's bucket.
    public var derivedStatus: StatusBucket {
        var members = agents
        if let orchestrator, agents.isEmpty || orchestrator.status.word != nil { members.append(orchestrator) }
        guard !members.isEmpty else { return storedStatus?.bucket ?? .notStarted }
        return Session.derive(members.map(\.status.bucket))
    }

    /// Every agent is complete but the orchestrator is not (yet): the session waits on it.
    public var waitingOnOrchestrator: Bool {
        guard let orchestrator, orchestrator.status.word != nil, !agents.isEmpty else { return false }
        return !orchestrator.status.bucket.isFinished && agents.contains { $0.status.bucket == .complete }
            && agents.allSatisfy { $0.status.bucket.isFinished }
    }

    /// The derived status as words: `in progress · orchestrator` when only the orchestrator is left.
    public var statusLabel: String {
        waitingOnOrchestrator ? derivedStatus.label + " · orchestrator" : derivedStatus.label
    }

    /// Cancelled members are left out (they hold nothing up); all cancelled → cancelled.
    public static func derive(_ all: [StatusBucket]) -> StatusBucket {
        guard !all.isEmpty else { return .notStarted }
        let buckets = all.filter { $0 != .cancelled }
        if buckets.isEmpty { return .cancelled }
        if buckets.allSatisfy({ $0 == .complete }) { return .complete }
        if buckets.contains(.failed) { return .failed }
        if buckets.contains(.blocked) { return .blocked }
        if buckets.contains(.inProgress) || buckets.contains(.complete) { return .inProgress }
        if buckets.allSatisfy({ $0 == .other }) { return .other }
        return .notStarted
    }

    /// True when the stored word's bucket differs from the derived status.
    public var storedStatusDisagrees: Bool {
        guard let storedStatus else { return false }
        return storedStatus.bucket != derivedStatus
    }

    public var agentsComplete: Int { agents.filter { $0.status.bucket == .complete }.count }

    /// The orchestrator (if any) followed by the agents: every row the screen shows.
    public var everyone: [AgentState] { (orchestrator.map { [$0] } ?? []) + agents }
}

/// One entry of a session's `phases{}`.
public struct SessionPhase: Equatable, Sendable {
    public var key: String
    public var name: String?
    public var status: Status
    public var leadAgents: [String]

    public init(key: String, name: String?, status: Status, leadAgents: [String]) {
        self.key = key
        self.name = name
        self.status = status
        self.leadAgents = leadAgents
    }
}

/// All sessions of one feature, in phase order: `feature-phase1 ✓ → feature-phase2 ●`.
public struct FeatureTimeline: Equatable, Sendable {
    public var feature: String
    /// Paths (relative to the root) of the feature's sessions, in phase order.
    public var sessionPaths: [String]
}

/// A session's `aggregation` counts as written.
public struct StoredCounts: Equatable, Sendable {
    public var total: Int?
    public var complete: Int?
    public init(total: Int?, complete: Int?) {
        self.total = total
        self.complete = complete
    }
}
