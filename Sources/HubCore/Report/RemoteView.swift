import Foundation

/// A remote as the screen shows it: whether its link is up (since when, and why not) and its last
/// good summary, kept while the link is down.
public struct RemoteView: Equatable, Sendable {
    public var name: String
    public var reachable: Bool
    public var since: Date?
    public var error: String?
    public var summary: RemoteSummary?

    public init(name: String, reachable: Bool, since: Date? = nil, error: String? = nil, summary: RemoteSummary? = nil) {
        self.name = name
        self.reachable = reachable
        self.since = since
        self.error = error
        self.summary = summary
    }

    /// Before the first answer: neither up nor known to be down.
    public var connecting: Bool { !reachable && error == nil }

    /// `@build 2 need you`, `@build ok`, `@build connecting…`, `@build unreachable 3m`.
    public func label(now: Date, ellipsis: String = "…") -> String {
        if connecting { return "@\(name) connecting" + ellipsis }
        guard reachable else {
            // How long it has been down, once that is a minute or more.
            let down = since.map { now.timeIntervalSince($0) } ?? 0
            return "@\(name) unreachable" + (down >= 60 ? " " + Evidence.age(down) : "")
        }
        let needs = summary?.sessionsNeedingYou ?? 0
        return "@\(name) " + (needs == 0 ? "ok" : "\(needs) need\(needs == 1 ? "s" : "") you")
    }

    /// Worth the person's eye: down, or something there needs them.
    public var needsAttention: Bool { !reachable && !connecting || (summary?.sessionsNeedingYou ?? 0) > 0 }
}
