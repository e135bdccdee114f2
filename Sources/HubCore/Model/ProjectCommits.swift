import Foundation

/// The commits made in an agent's project folder since it was handed its work: evidence that it
/// works (or worked) whatever its status file says — an agent that commits is not stale, and one
/// that committed after its hand-off was picked up.
public struct ProjectCommits: Equatable, Sendable {
    public var count: Int
    public var added: Int
    public var removed: Int
    /// The newest commit's time (nil: no commit).
    public var last: Date?
    /// What the commits are counted from: `dispatch` or `hand-off`.
    public var since: String

    public init(count: Int, added: Int, removed: Int, last: Date?, since: String) {
        self.count = count
        self.added = added
        self.removed = removed
        self.last = last
        self.since = since
    }

    /// `3 commits, +412/−80 since dispatch`.
    public var summary: String {
        "\(count) commit\(count == 1 ? "" : "s"), +\(added)/−\(removed) since \(since)"
    }
}
