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
    /// A row of a far workspace: index into `AppState.remotes`, and what of its summary.
    case remote(Int, RemoteItem)

    var isSelectable: Bool {
        switch self {
        case .header, .remote(_, .header): return false
        default: return true
        }
    }
}

/// What a far row stands for, as indices into its remote's summary.
enum RemoteItem: Equatable, Sendable {
    /// The remote's group header: its name, how many rows, how its link stands.
    case header(count: Int)
    case stub(Int)
    case session(Int)
    /// Index into `summary.attention`: the far session's worst item, in NEEDS YOU.
    case attention(Int)
}
