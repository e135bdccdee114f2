/// One agent to start and hand its one-liner: decided from the session, the config and the
/// workspace, before anything runs.
public struct DispatchTarget: Equatable, Sendable {
    public var sessionPath: String
    public var agentId: String
    /// The tmux window (or pane) title: `<agent>@<session>`.
    public var windowName: String
    /// The agent's project folder (or the workspace).
    public var directory: String
    /// The command's words, placeholders replaced (and the one-liner last with `prompt = "argument"`).
    public var arguments: [String]
    /// The one-liner, control characters removed (newlines kept: the paste is bracketed).
    public var text: String
    /// The short form, handed over instead of the long one to an agent that takes one line at a time.
    public var shortText: String
    public var prompt: DispatchSettings.Prompt
    public var longForm: Bool
    /// Put in the agent's window (`new-window -e`): its hooks then know whose they are
    /// (`SESSIONS_HUB_ROOT`, `SESSIONS_HUB_SESSION`, `SESSIONS_HUB_AGENT`).
    public var environment: [String: String] = [:]
}

public enum DispatchPlanner {
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case unknownAgent(String, known: [String])
        case unsafeName(String, NameValidator.Invalid)
        case badCommand(String, CommandWords.Invalid)
        case untrusted(file: String)

        public var description: String {
            switch self {
            case .unknownAgent(let id, let known):
                return "\(TerminalText.sanitize(id)) is not an agent of this session (agents: \(known.joined(separator: ", ")))"
            case .unsafeName(let name, let why):
                return "'\(TerminalText.sanitize(name))' cannot name a tmux window: \(why)"
            case .badCommand(let command, let why):
                return "the agent command '\(TerminalText.sanitize(command))' cannot be used: \(why)"
            case .untrusted(let file):
                return "the agent command comes from \(file), which is part of the workspace and not yet trusted: read it, then run `sessions-hub trust` (commands in your own ~/.config/sessions-hub/config.toml need no trust)"
            }
        }
    }

    /// Targets for `agentIds` of `session`, in the order given.
    /// `projects`: where agents' folders are looked for beyond the workspace's neighbours (the
    /// configured project folders and the projects the workorder search found).
    public static func plan(session: Session, agentIds: [String], settings: HubSettings, root: String, trust: TrustStore?, home: String? = nil,
                            projectRoots: [String] = [], projects: [String] = []) -> Result<[DispatchTarget], Refusal> {
        let workspaceConfig = TrustStore.workspaceConfig(root: root)
        var targets: [DispatchTarget] = []
        for id in agentIds {
            guard let agent = session.everyone.first(where: { $0.agentId == id }) else {
                return .failure(.unknownAgent(id, known: session.everyone.map(\.agentId)))
            }
            for name in [id, session.name] {
                do { try NameValidator.validate(name) } catch { return .failure(.unsafeName(name, error)) }
            }
            let command = settings.dispatch.command(for: id)
            if command.source == workspaceConfig && !(trust?.isTrusted(workspaceConfig, digest: settings.workspaceConfigDigest) ?? false) {
                return .failure(.untrusted(file: workspaceConfig))
            }
            let words: [String]
            do { words = try CommandWords.split(command.text) } catch { return .failure(.badCommand(command.text, error)) }
            let directory = ProjectFolders.resolve(agent, settings: settings, root: root, projectRoots: projectRoots, known: projects, home: home) ?? root
            let long = settings.dispatch.longForm
            let short = TerminalText.sanitize(OneLiner.short(session: session, agent: agent), keepNewlines: true)
            let text = long ? TerminalText.sanitize(OneLiner.long(session: session, agent: agent), keepNewlines: true) : short
            let prompt = settings.dispatch.prompt(for: id)
            var arguments = CommandWords.substitute(words, ["agent": id, "session": session.name, "workorder": session.workorderId ?? session.name, "path": directory])
            if prompt == .argument { arguments.append(text) }
            targets.append(DispatchTarget(sessionPath: session.path, agentId: id, windowName: "\(id)@\(session.name)", directory: directory,
                                          arguments: arguments, text: text, shortText: short, prompt: prompt, longForm: long,
                                          environment: ["SESSIONS_HUB_ROOT": root, "SESSIONS_HUB_SESSION": session.name, "SESSIONS_HUB_AGENT": id]))
        }
        return .success(targets)
    }
}

/// A dispatch ready to confirm: what will run, and which agents already seem to be at work.
public struct DispatchProposal: Equatable, Sendable {
    public var sessionPath: String
    public var sessionName: String
    public var targets: [DispatchTarget]
    /// In progress, or dispatched into a window that is still open: dispatching starts a second one.
    public var running: [String]
    /// Offered because an earlier wave completed (`D` follows the session's waves).
    public var nextWave: Bool

    public init(sessionPath: String, sessionName: String, targets: [DispatchTarget], running: [String], nextWave: Bool) {
        self.sessionPath = sessionPath
        self.sessionName = sessionName
        self.targets = targets
        self.running = running
        self.nextWave = nextWave
    }

    /// Plans `agentIds` of `session` and looks for agents already at work (`paneIsOpen` asks tmux).
    public static func make(session: Session, agentIds: [String], nextWave: Bool, records: [String: DispatchRecord], settings: HubSettings, root: String,
                            trust: TrustStore?, home: String?, projectRoots: [String] = [], projects: [String] = [],
                            paneIsOpen: (String) -> Bool) -> Result<DispatchProposal, DispatchPlanner.Refusal> {
        DispatchPlanner.plan(session: session, agentIds: agentIds, settings: settings, root: root, trust: trust, home: home,
                             projectRoots: projectRoots, projects: projects).map { targets in
            let running = agentIds.filter { id in
                if session.everyone.first(where: { $0.agentId == id })?.status.bucket == .inProgress { return true }
                return records[id]?.pane.map(paneIsOpen) ?? false
            }
            return DispatchProposal(sessionPath: session.path, sessionName: session.name, targets: targets, running: running, nextWave: nextWave)
        }
    }

    /// The same, with trust, home and open panes taken from the process's environment (its user
    /// config folder, `$HOME`, the tmux it runs in).
    public static func make(session: Session, agentIds: [String], nextWave: Bool, records: [String: DispatchRecord], settings: HubSettings, root: String,
                            projectRoots: [String] = [], projects: [String] = [], environment: [String: String]) -> Result<DispatchProposal, DispatchPlanner.Refusal> {
        let tmux = TmuxClient(environment: environment)
        return make(session: session, agentIds: agentIds, nextWave: nextWave, records: records, settings: settings, root: root,
                    trust: TrustStore(environment: environment), home: environment["HOME"], projectRoots: projectRoots, projects: projects,
                    paneIsOpen: { tmux?.paneIsOpen($0) ?? false })
    }

    /// The command that will run, as a person would type it (without the one-liner argument).
    public var commandLine: String {
        guard let first = targets.first else { return "" }
        let words = first.prompt == .argument ? Array(first.arguments.dropLast()) : first.arguments
        return words.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
    }
}
