import Foundation

/// The agents' own state attached to a snapshot, for one-shot readers (`status`, MCP): read every
/// source now, match, done. The screen watches the same sources instead (`ActivityWatch`).
public enum AgentActivity {
    /// Each agent's project folder on this machine, as dispatch and the workorder search find it.
    /// Remembered by agent id and `agent_path` (a folder lookup touches the disk; the screen asks
    /// again on every change of an agent's state).
    public static func folderResolver(settings: HubSettings, layout: WorkspaceLayout, environment: [String: String], projects: [String] = []) -> (Session, AgentState) -> String? {
        let cache = FolderCache()
        return { _, agent in
            cache.value(for: agent.agentId + "\u{0}" + (agent.agentPath ?? "")) {
                ProjectFolders.resolve(agent, settings: settings, root: layout.root, projectRoots: layout.projectDirectories, known: projects, home: environment["HOME"])
            }
        }
    }

    final class FolderCache: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [String: String?] = [:]
        func value(for key: String, _ make: () -> String?) -> String? {
            if let hit = lock.withLock({ known[key] }) { return hit }
            let made = make()
            lock.withLock { known[key] = .some(made) }
            return made
        }
    }

    /// The kind of agent (its screen rules) an agent's dispatch command starts.
    public static func kindResolver(settings: HubSettings) -> (AgentState) -> String? {
        { agent in (try? CommandWords.split(settings.dispatch.command(for: agent.agentId).text)).flatMap(PaneRules.agentKind) }
    }

    /// `watch`: the signals come from it (read when it says so) instead of the folders directly.
    public static func attach(to snapshot: inout WorkspaceSnapshot, settings: HubSettings, layout: WorkspaceLayout, environment: [String: String], watch: ActivityWatch? = nil) {
        // tmux is asked for its panes only when some agent was dispatched into one.
        let tmux = snapshot.dispatches.isEmpty ? nil : TmuxClient(environment: environment)
        var signals = watch?.read(tmux: tmux) ?? AgentSignals.read(environment: environment, tmux: tmux)
        if let tmux { signals.readScreens(ActivityMatcher.silentPanes(snapshot, signals: signals), tmux: tmux) }
        snapshot.activities = ActivityMatcher.match(snapshot, signals: signals, folder: folderResolver(settings: settings, layout: layout, environment: environment, projects: snapshot.projects),
                                                    kind: kindResolver(settings: settings), rules: signals.screens.isEmpty ? .standard : PaneRules.load(environment: environment))
        snapshot.tokens = tokens(of: snapshot.activities)
        snapshot.commits = CommitEvidence.read(snapshot, folder: folderResolver(settings: settings, layout: layout, environment: environment, projects: snapshot.projects),
                                               environment: environment)
    }

    /// Each agent's tokens, from the transcript its activity names.
    public static func tokens(of activities: [String: [String: Activity]]) -> [String: [String: TokenUsage]] {
        var result: [String: [String: TokenUsage]] = [:]
        for (session, agents) in activities {
            for (agent, activity) in agents {
                if let transcript = activity.transcript, let usage = TokenUsage.of(transcript: transcript) { result[session, default: [:]][agent] = usage }
            }
        }
        return result
    }
}
