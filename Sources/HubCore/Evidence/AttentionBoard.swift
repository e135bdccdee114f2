import Foundation

/// What needs the person, per session, kept up to date as the workspace changes: recomputed for the
/// sessions a reload re-read (O(change)), and in full only when items come or go, stubs change, or
/// the moment arrives at which an agent turns stale or not picked up by time alone.
public struct AttentionBoard: Equatable, Sendable {
    /// Session path → its items, worst first (only sessions that need the person).
    public private(set) var bySession: [String: [AttentionItem]] = [:]
    /// Session paths, the worst first.
    public private(set) var ordered: [String] = []
    /// Where each listed session is in `snapshot.sessions` (indices stay valid until items come or
    /// go, and then the board is rebuilt).
    public private(set) var indexOf: [String: Int] = [:]
    /// `ordered` as indices into `snapshot.sessions`.
    public var orderedIndices: [Int] { ordered.compactMap { indexOf[$0] } }
    /// The earliest moment at which time alone changes a verdict.
    public private(set) var nextDeadline: Date?
    private var context = EvidenceContext()

    public init() {}

    public init(_ snapshot: WorkspaceSnapshot, now: Date, policy: EvidencePolicy) {
        context = EvidenceContext(snapshot)
        for (index, session) in snapshot.sessions.enumerated() {
            assess(session, snapshot: snapshot, now: now, policy: policy)
            if bySession[session.path] != nil { indexOf[session.path] = index }
        }
        reorder()
    }

    /// The worst item of a session, if it needs the person.
    public func worst(_ sessionPath: String) -> AttentionItem? { bySession[sessionPath]?.first }

    public var items: [AttentionItem] { ordered.flatMap { bySession[$0] ?? [] } }

    public mutating func update(_ snapshot: WorkspaceSnapshot, touched: TouchedItems?, now: Date, policy: EvidencePolicy) {
        guard let touched, !touched.structureChanged, touched.stubFolders.isEmpty else {
            self = AttentionBoard(snapshot, now: now, policy: policy)
            return
        }
        let unreadableBefore = context.unreadableSessions
        context.noteUnreadable(snapshot.problems, sessions: snapshot.sessions)
        // Sessions whose hand-offs or history changed are among the touched (IncrementalReload).
        var paths = Set(touched.sessionIndices(in: snapshot.sessions).map { snapshot.sessions[$0].path })
        paths.formUnion(unreadableBefore.symmetricDifference(context.unreadableSessions))
        for path in paths {
            let before = bySession[path]
            bySession[path] = nil
            indexOf[path] = nil
            if let index = snapshot.sessions.sortedIndex(ofPath: path) {
                assess(snapshot.sessions[index], snapshot: snapshot, now: now, policy: policy)
                if bySession[path] != nil { indexOf[path] = index }
            }
            guard bySession[path] != before else { continue }
            // Re-place only this session: out of the order, then back in by binary search.
            if before != nil, let position = ordered.firstIndex(of: path) { ordered.remove(at: position) }
            if let worst = bySession[path]?.first {
                var low = 0, high = ordered.count
                while low < high {
                    let middle = (low + high) / 2
                    if AttentionItem.worstFirst(bySession[ordered[middle]]![0], worst) { low = middle + 1 } else { high = middle }
                }
                ordered.insert(path, at: low)
            }
        }
    }

    /// Called as time passes: recomputes when a deadline has come.
    public mutating func advance(to now: Date, snapshot: WorkspaceSnapshot, policy: EvidencePolicy) {
        guard let deadline = nextDeadline, now >= deadline else { return }
        self = AttentionBoard(snapshot, now: now, policy: policy)
    }

    private mutating func assess(_ session: Session, snapshot: WorkspaceSnapshot, now: Date, policy: EvidencePolicy) {
        let items = Evidence.attention(for: session, snapshot: snapshot, context: context, now: now, policy: policy)
        if !items.isEmpty { bySession[session.path] = items }
        for agent in session.everyone {
            if let at = Evidence.deadline(agent, in: session, snapshot: snapshot, now: now, policy: policy) {
                nextDeadline = min(nextDeadline ?? at, at)
            }
        }
    }

    private mutating func reorder() {
        ordered = bySession.keys.sorted { AttentionItem.worstFirst(bySession[$0]![0], bySession[$1]![0]) }
    }
}
