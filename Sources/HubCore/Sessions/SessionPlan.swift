/// Everything `start` will write, worked out before anything is written: shown in the confirm
/// dialog, applied as one transaction by `SessionWriter`.
public struct SessionPlan: Equatable, Sendable {
    public struct File: Equatable, Sendable {
        public var name: String
        public var text: String
    }

    /// One agent's long one-liner, as the README lists it.
    public struct AgentOneLiner: Equatable, Sendable {
        public var agent: String
        public var text: String
    }

    public var stubPath: String
    public var stubAbsolutePath: String
    public var featureName: String
    public var workorderId: String
    /// The session folder's name, and where it will be created (absolute).
    public var sessionName: String
    public var folder: String
    /// Relative to the workspace root.
    public var displayFolder: String
    public var orchestrator: String
    public var agents: [String]
    /// Agents whose `agent_path` is only their id (not in the agent registry).
    public var unresolvedAgents: [String]
    public var phases: [String]
    public var files: [File]
    /// Things the person should know before confirming (already promoted, name taken...).
    public var warnings: [String]
    /// Each agent's long one-liner, orchestrator first, as written in the session's README.md.
    public var oneLiners: [AgentOneLiner]
    /// The phase this session is (1 from a stub; N+1 when advancing a phase-N session).
    public var phase: Int = 1
    /// Starting from a stub marks it promoted; advancing a phase leaves the stub alone.
    public var promotesStub = true
    /// Advancing from a finished phase first says so in its file (its status and phases{} entry).
    public var closes: SessionClose? = nil
}

public enum PlanError: Error, Equatable, CustomStringConvertible {
    case noAgents(String)
    case invalidName(String, NameValidator.Invalid)
    case outsideWorkspace(String)
    case alreadyStarted(String, existing: String)
    case phaseExists(String)
    case notAdvanceable(String)

    public var description: String {
        switch self {
        case .noAgents(let stub):
            return "\(stub) names no agents (agents_involved); choose them (on screen) or pass --agent ID"
        case .invalidName(let name, let why): return "'\(name)' cannot be used as a name for a session or agent: \(why)"
        case .outsideWorkspace(let path): return "refusing to write outside the workspace: \(path)"
        case .alreadyStarted(let stub, let existing):
            return "\(stub) already has a session (\(existing)); use --again to start another phase-1 session"
        case .phaseExists(let path): return "the next phase already exists: \(path)"
        case .notAdvanceable(let why): return why
        }
    }
}
