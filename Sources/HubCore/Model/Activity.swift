import Foundation

/// What an agent itself is doing right now — not what its files claim: working (with the tool when
/// known), waiting for the person (a permission prompt, a question, a first-run dialog), idle (its
/// turn ended), exited (its process ended), or unknown. From the agent's own state file, its hooks,
/// or its tmux pane, most trusted first.
public struct Activity: Equatable, Sendable {
    public enum State: String, Equatable, Sendable, CaseIterable {
        case working, waiting, idle, exited, unknown
    }

    /// Where the hub learned it.
    public enum Source: String, Equatable, Sendable {
        /// Claude Code's own session state file (`~/.claude/sessions/<pid>.json`).
        case stateFile = "state_file"
        /// A hook the agent ran (`sessions-hub hook`).
        case hook
        /// The agent's tmux pane (dead, or a known prompt on its screen).
        case pane
    }

    public var state: State
    /// The tool when working (`Bash`), what it asks when waiting (`permission prompt`), the exit
    /// status when exited (`exit 1`).
    public var detail: String?
    public var source: Source
    public var since: Date?
    /// The tmux pane it runs in (`%12`), when known.
    public var pane: String?
    /// Its transcript (where its token use is), when its state file or hooks name it.
    public var transcript: String?

    public init(state: State, detail: String? = nil, source: Source, since: Date? = nil, pane: String? = nil) {
        self.state = state
        self.detail = detail
        self.source = source
        self.since = since
        self.pane = pane
    }

    /// `⏸ waiting: permission prompt`, `● working: Bash`, `○ idle`, `✕ exited: exit 1`.
    public var phrase: String {
        state.rawValue + (detail.map { ": " + $0 } ?? "")
    }

    /// Which of two activities says more about the person's next move (for a session's row): waiting
    /// first, then exited, working, idle, unknown.
    public var urgency: Int {
        switch state {
        case .waiting: return 0
        case .exited: return 1
        case .working: return 2
        case .idle: return 3
        case .unknown: return 4
        }
    }
}
