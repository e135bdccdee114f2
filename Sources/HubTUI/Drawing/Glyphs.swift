import HubCore

/// The symbols the screen draws, in Unicode and in plain ASCII (for terminals without a UTF-8
/// locale). Every Unicode symbol here is one cell wide in wcwidth, tmux and our DisplayWidth.
struct Glyphs: Equatable, Sendable {
    var complete: String
    var inProgress: String
    var notStarted: String
    var blocked: String
    var failed: String
    var cancelled: String
    var other: String
    var warning: String
    var orchestrator: String
    var ellipsis: String
    var horizontal: String
    var vertical: String
    var barDone: String
    var barTodo: String
    var arrow: String
    var up: String
    var down: String
    var child: String
    /// What an agent itself is doing (its activity): waiting for you, working, idle.
    var waiting: String
    var working: String
    var idle: String

    static let unicode = Glyphs(
        complete: "✓", inProgress: "◐", notStarted: "○", blocked: "■", failed: "✕", cancelled: "⊘", other: "?",
        warning: "⚠", orchestrator: "★", ellipsis: "…", horizontal: "─", vertical: "│",
        barDone: "█", barTodo: "░", arrow: "→", up: "▲", down: "▼", child: "└",
        waiting: "◆", working: "●", idle: "◇"
    )

    static let ascii = Glyphs(
        complete: "+", inProgress: "~", notStarted: "o", blocked: "#", failed: "x", cancelled: "/", other: "?",
        warning: "!", orchestrator: "*", ellipsis: "~", horizontal: "-", vertical: "|",
        barDone: "#", barTodo: ".", arrow: ">", up: "^", down: "v", child: "`",
        waiting: "!", working: "*", idle: "-"
    )

    func activity(_ state: Activity.State) -> String {
        switch state {
        case .waiting: return waiting
        case .working: return working
        case .idle: return idle
        case .exited: return failed
        case .unknown: return other
        }
    }

    func status(_ bucket: StatusBucket) -> String {
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
