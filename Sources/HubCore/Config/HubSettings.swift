import Foundation

/// How the hub behaves, from config files (`.coderef/hub.toml` in the workspace, then
/// `$XDG_CONFIG_HOME/sessions-hub/config.toml`) with built-in defaults; flags override both.
public struct HubSettings: Equatable, Sendable {
    /// Where new sessions are created; nil → the first sessions directory.
    public var newSessionsDirectory: String?
    /// The orchestrator when a stub names none.
    public var defaultOrchestrator = "assistant"
    /// Agent registry: id → its project folder (becomes `agent_path`).
    public var agentPaths: [String: String] = [:]
    /// Clipboard methods, tried in order (unavailable ones are skipped).
    public var clipboardOrder: [ClipboardMethod] = ClipboardMethod.defaultOrder
    /// `y` copies the long form instead of the short one.
    public var copyLongForm = false
    /// An agent still not started this long after its one-liner was copied is "not picked up".
    public var notPickedUpAfter: TimeInterval = 15 * 60
    /// An agent in progress whose files have not changed for this long is marked stale.
    public var staleAfter: TimeInterval = 30 * 60
    /// An agent whose turn ended this long ago with its status not complete needs the person.
    public var idleUnreportedAfter: TimeInterval = 2 * 60
    /// Ring the terminal bell when a whole session becomes complete.
    public var bellOnComplete = false
    /// `[notify]`: ring the bell, set the terminal title, send desktop notifications when an agent is
    /// blocked, fails or completes, a session completes, or something goes stale. Only the title is
    /// on by default.
    public var notifyBell = false
    public var notifyTitle = true
    public var notifyDesktop = false
    /// The slow full recheck behind the watcher.
    public var recheckInterval: TimeInterval = 300
    /// `[keys]`: action name → the keys that replace its default ones, and the file that said so.
    public var keyOverrides: [String: [String]] = [:]
    public var keyOverridesSource: String?
    /// The screen's theme: a built-in name, a name in the themes folders, or a file path.
    public var theme: String?
    /// `[remotes.<name>]`: workspaces on other machines (only from the user's own config).
    public var remotes: [String: RemoteSettings] = [:]
    /// `[dispatch]` and the agents' own commands.
    public var dispatch = DispatchSettings()
    /// `[tokens]`: prices per million tokens; nil shows tokens without a cost.
    public var tokenPrices: TokenPrices?
    /// Layout overrides from the config (flags win over these).
    public var stubDirectories: [String]?
    public var sessionDirectories: [String]?
    /// `[workspace] projects`: folders holding the agents' project folders.
    public var projectDirectories: [String] = []
    /// The SHA-256 of the workspace's `.coderef/hub.toml` as it was read for these settings: trust
    /// is checked against the bytes that were parsed, never against a second read of the file.
    public var workspaceConfigDigest: String?

    public init() {}

    /// Known agent ids: from the registry and from every session in the snapshot.
    public func knownAgents(in snapshot: WorkspaceSnapshot) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for id in agentPaths.keys.sorted() + snapshot.sessions.flatMap({ $0.agents.map(\.agentId) }) where seen.insert(id).inserted {
            result.append(id)
        }
        return result
    }
}
