import Foundation

/// What the agents themselves say, read from where they say it: Claude Code's state files, the
/// hooks' records, and (when asked) tmux's panes. A value: read at the edge, matched by
/// `ActivityMatcher` without touching the disk.
public struct AgentSignals: Equatable, Sendable {
    public struct Claude: Equatable, Sendable {
        public var state: ClaudeSessionState
        /// Its process still runs (same pid, same start time).
        public var running: Bool
    }

    /// A tmux pane as `list-panes` reports it.
    public struct Pane: Equatable, Sendable {
        public var dead: Bool
        public var deadStatus: Int?
        /// The process the pane runs (followed so that its end wakes the hub).
        public var pid: Int32?
        public init(dead: Bool, deadStatus: Int?, pid: Int32? = nil) {
            self.dead = dead
            self.deadStatus = deadStatus
            self.pid = pid
        }
    }

    public var claude: [Claude] = []
    public var hooks: [HookRecord] = []
    /// Pane id → its state; nil when tmux was not asked (or is not there).
    public var panes: [String: Pane]?
    /// Pane id → what it shows now (read for agents that say nothing themselves).
    public var screens: [String: String] = [:]

    public init(claude: [Claude] = [], hooks: [HookRecord] = [], panes: [String: Pane]? = nil) {
        self.claude = claude
        self.hooks = hooks
        self.panes = panes
    }

    /// The folders to watch for them.
    public static func folders(environment: [String: String]) -> [String] {
        ClaudeSessionState.folders(environment: environment) + (HookRecord.folder(environment: environment).map { [$0] } ?? [])
    }

    /// Reads every source now (`tmux`: also ask it for its panes).
    public static func read(environment: [String: String], tmux: TmuxClient? = nil) -> AgentSignals {
        var signals = AgentSignals()
        for folder in ClaudeSessionState.folders(environment: environment) {
            signals.claude += ClaudeSessionState.read(folder: folder).map { Claude(state: $0, running: ProcessLiveness.isRunning($0.pid, started: $0.procStart)) }
        }
        if let folder = HookRecord.folder(environment: environment) { signals.hooks = HookRecord.read(folder: folder) }
        if let tmux { signals.panes = panes(tmux) }
        return signals
    }

    /// What the live ones of `wanted` show (the panes already listed: no second `list-panes`).
    public mutating func readScreens(_ wanted: Set<String>, tmux: TmuxClient) {
        screens = [:]
        for pane in wanted.sorted() where panes?[pane].map({ !$0.dead }) ?? false {
            if let text = try? tmux.run(["capture-pane", "-p", "-J", "-t", pane]) { screens[pane] = text }
        }
    }

    /// Every pane of the tmux server: id, dead or not, and how it ended.
    public static func panes(_ tmux: TmuxClient) -> [String: Pane]? {
        guard let text = try? tmux.run(["list-panes", "-a", "-F", "#{pane_id} #{pane_dead} #{pane_pid} #{pane_dead_status}"]) else { return nil }
        var result: [String: Pane] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { continue }
            result[String(fields[0])] = Pane(dead: fields[1] == "1", deadStatus: fields.count > 3 ? Int(fields[3]) : nil, pid: fields.count > 2 ? Int32(fields[2]) : nil)
        }
        return result
    }
}
