import HubCore

/// The symbols the screen draws, in Unicode and in plain ASCII (for terminals without a UTF-8
/// locale). Every Unicode symbol here is one cell wide in wcwidth, tmux and our DisplayWidth.
public struct Glyphs: Equatable, Sendable {
    public var complete: String
    public var inProgress: String
    public var notStarted: String
    public var blocked: String
    public var failed: String
    public var cancelled: String
    public var other: String
    public var warning: String
    public var orchestrator: String
    public var ellipsis: String
    public var horizontal: String
    public var vertical: String
    public var barDone: String
    public var barTodo: String
    public var arrow: String
    public var up: String
    public var down: String
    public var child: String
    /// What an agent itself is doing (its activity): waiting for you, working, idle.
    public var waiting: String
    public var working: String
    public var idle: String

    public static let unicode = Glyphs(
        complete: "✓", inProgress: "◐", notStarted: "○", blocked: "■", failed: "✕", cancelled: "⊘", other: "?",
        warning: "⚠", orchestrator: "★", ellipsis: "…", horizontal: "─", vertical: "│",
        barDone: "█", barTodo: "░", arrow: "→", up: "▲", down: "▼", child: "└",
        waiting: "◆", working: "●", idle: "◇"
    )

    public static let ascii = Glyphs(
        complete: "+", inProgress: "~", notStarted: "o", blocked: "#", failed: "x", cancelled: "/", other: "?",
        warning: "!", orchestrator: "*", ellipsis: "~", horizontal: "-", vertical: "|",
        barDone: "#", barTodo: ".", arrow: ">", up: "^", down: "v", child: "`",
        waiting: "!", working: "*", idle: "-"
    )

    public func activity(_ state: Activity.State) -> String {
        switch state {
        case .waiting: return waiting
        case .working: return working
        case .idle: return idle
        case .exited: return failed
        case .unknown: return other
        }
    }

    public func status(_ bucket: StatusBucket) -> String {
        switch bucket {
        case .complete: return complete
        case .inProgress: return inProgress
        case .notStarted: return notStarted
        case .blocked: return blocked
        case .failed: return failed
        case .cancelled: return cancelled
        case .other: return other
        }
    }
}
