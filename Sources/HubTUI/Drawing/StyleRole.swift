import HubCore

/// What a cell means, not how it looks: a theme maps roles to colours and attributes. Each role has
/// a one-letter code used by golden files' style layer.
enum StyleRole: Hashable, Sendable, CaseIterable {
    case text, muted, accent, title, border, header
    case selection, selectionDim
    case key, warning, error
    case statusBar, statusBarAccent, statusBarKey, statusBarError
    case overlay, overlayTitle
    case progressDone, progressTodo, flash
    case notStarted, inProgress, complete, blocked, failed, other

    static func bucket(_ bucket: StatusBucket) -> StyleRole {
        switch bucket {
        case .notStarted: return .notStarted
        case .inProgress: return .inProgress
        case .complete: return .complete
        case .blocked: return .blocked
        case .failed: return .failed
        // Stopped on purpose: drawn quiet, like archived things; it needs nobody.
        case .cancelled: return .muted
        case .other: return .other
        }
    }

    /// The letter a golden file's style layer shows for this role.
    var code: Character {
        switch self {
        case .text: return "."
        case .muted: return "m"
        case .accent: return "a"
        case .title: return "t"
        case .border: return "b"
        case .header: return "h"
        case .selection: return "S"
        case .selectionDim: return "s"
        case .key: return "k"
        case .warning: return "w"
        case .error: return "e"
        case .statusBar: return "B"
        case .statusBarAccent: return "A"
        case .statusBarKey: return "K"
        case .statusBarError: return "E"
        case .overlay: return "o"
        case .overlayTitle: return "O"
        case .progressDone: return "P"
        case .progressTodo: return "p"
        case .flash: return "F"
        case .notStarted: return "0"
        case .inProgress: return "1"
        case .complete: return "2"
        case .blocked: return "3"
        case .failed: return "4"
        case .other: return "5"
        }
    }

    /// The name used in theme files.
    var name: String {
        switch self {
        case .text: return "text"
        case .muted: return "muted"
        case .accent: return "accent"
        case .title: return "title"
        case .border: return "border"
        case .header: return "header"
        case .selection: return "selection"
        case .selectionDim: return "selection_inactive"
        case .key: return "key"
        case .warning: return "warning"
        case .error: return "error"
        case .statusBar: return "status_bar"
        case .statusBarAccent: return "status_bar_accent"
        case .statusBarKey: return "status_bar_key"
        case .statusBarError: return "status_bar_error"
        case .overlay: return "overlay"
        case .overlayTitle: return "overlay_title"
        case .progressDone: return "progress_done"
        case .progressTodo: return "progress_todo"
        case .flash: return "changed"
        case .notStarted: return "not_started"
        case .inProgress: return "in_progress"
        case .complete: return "complete"
        case .blocked: return "blocked"
        case .failed: return "failed"
        case .other: return "other"
        }
    }
}
