import HubCore

/// One row of the left pane.
enum ListRow: Equatable, Sendable {
    case header(String, count: Int)
    /// Index into `snapshot.stubs`.
    case stub(Int)
    /// Index into `snapshot.sessions`; depth 1 for a sub-session under its parent.
    case session(Int, depth: Int)
    /// Index into `snapshot.sessions`: a session in the NEEDS YOU group, with its worst reason.
    case attention(Int)

    var isSelectable: Bool {
        if case .header = self { return false }
        return true
    }
}
