import Foundation

/// Everything the hub knows about a workspace at one moment: a value, so the screen and the command
/// line can hold it, compare it and render it without touching the disk.
public struct WorkspaceSnapshot: Equatable, Sendable {
    public var root: String
    public var stubs: [Stub]
    /// Every session, sub-sessions and archived ones included, sorted by path.
    public var sessions: [Session]
    /// Sessions grouped by feature, phases in order.
    public var features: [FeatureTimeline]
    public var workorders: [Workorder]
    public var workorderLog: [WorkorderLogEntry]
    public var problems: [Problem]
    /// When each agent's one-liner was last copied: session path → agent id → time (HandoffLog).
    public var handoffs: [String: [String: Date]]
    /// Session path → the triage verdicts in force there (snoozes and dismissals not undone).
    public var triage: [String: [TriageVerdict]] = [:]
    /// Session path → agent id → its last dispatch (`.coderef/sessions-hub/handoffs.json`).
    public var dispatches: [String: [String: DispatchRecord]] = [:]
    /// The agents' project folders found on this machine with each full load (the folders the
    /// workorder search looks in): where agents named by id or by another machine's path live.
    public var projects: [String] = []
    /// The workspace's files' commit times (read with each full load; `.none` outside git).
    public var fileTimes: GitFileTimes = .none
    /// When the hub last saw each agent's status change: session path → agent id → time (StatusHistory).
    public var statusChanges: [String: [String: Date]] = [:]
    /// The history file as it was when `statusChanges` was read or written (its own write is not read back).
    public var historyStamp: FileStamp?
    /// What each agent itself is doing (its state file, hooks, pane): session path → agent id →
    /// activity. Empty until the agents' signals were read (`ActivityMatcher`).
    public var activities: [String: [String: Activity]] = [:]

    public func activity(of agent: AgentState, in session: Session) -> Activity? { activities[session.path]?[agent.agentId] }
    /// Commits in each handed-off agent's project folder since its hand-off: session path → agent id.
    public var commits: [String: [String: ProjectCommits]] = [:]
    /// Tokens each agent used, from its transcript: session path → agent id → usage.
    public var tokens: [String: [String: TokenUsage]] = [:]

    public init(root: String, stubs: [Stub] = [], sessions: [Session] = [], features: [FeatureTimeline] = [], workorders: [Workorder] = [], workorderLog: [WorkorderLogEntry] = [], problems: [Problem] = [], handoffs: [String: [String: Date]] = [:]) {
        self.root = root
        self.stubs = stubs
        self.sessions = sessions
        self.features = features
        self.workorders = workorders
        self.workorderLog = workorderLog
        self.problems = problems
        self.handoffs = handoffs
    }

    public func session(at path: String) -> Session? { sessions.index(ofPath: path).map { sessions[$0] } }

    /// Stubs and sessions that are not archived (counted on every frame: no copies).
    public var activeStubCount: Int { stubs.reduce(0) { $0 + ($1.archived ? 0 : 1) } }
    public var activeSessionCount: Int { sessions.reduce(0) { $0 + ($1.archived ? 0 : 1) } }

    /// The sessions started from a stub: same feature (by `feature_name` or folder), or the workorder
    /// the stub was promoted to (StubSessions: the one rule), phases in order.
    public func sessions(for stub: Stub) -> [Session] { StubSessions(self).sessions(for: stub) }

    /// The stub a session was started from: the inverse of `sessions(for:)`, in one pass over the
    /// stubs (asking `sessions(for:)` of every stub is stubs × sessions).
    public func stub(for session: Session) -> Stub? {
        guard session.parent == nil else { return nil }
        return stubs.first { stub in
            stub.featureName == session.feature || stub.folderName == session.feature || (stub.promotedTo != nil && session.workorderId == stub.promotedTo)
        }
    }

    /// The other sessions of the same feature, in phase order (the feature's timeline).
    public func timeline(of session: Session) -> [Session] {
        guard let feature = features.first(where: { $0.sessionPaths.contains(session.path) }) else { return [session] }
        return feature.sessionPaths.compactMap { self.session(at: $0) }
    }
}
