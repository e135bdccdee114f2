import Foundation
import HubCore

/// The far workspaces' rows, built when a remote changes (never per local change): a group per
/// remote — its header says how the link stands — with its live sessions (at work first) and its
/// stubs not started yet; and, for NEEDS YOU, each far session that needs the person by its worst
/// item. Pure: remotes in, rows out.
struct RemoteRows: Equatable, Sendable {
    struct Group: Equatable, Sendable {
        var remote: Int
        /// The group's rows, its header not among them.
        var rows: [ListRow]
    }

    var groups: [Group] = []
    /// Far sessions that need the person, worst first.
    var needs: [ListRow] = []

    static let empty = RemoteRows()

    init() {}

    init(_ remotes: [RemoteView]) {
        var needed: [(row: ListRow, key: Rank)] = []
        for (index, remote) in remotes.enumerated() {
            guard let summary = remote.summary else {
                groups.append(Group(remote: index, rows: []))
                continue
            }
            let live = summary.sessions.indices.filter { !summary.sessions[$0].archived }
            let unfinished = live.filter { !summary.sessions[$0].status.isFinished }
            let finished = live.filter { summary.sessions[$0].status.isFinished }
            var rows = (unfinished + finished).map { ListRow.remote(index, .session($0)) }
            rows += summary.stubs.indices.filter { !summary.stubs[$0].archived && !summary.stubs[$0].promoted }.map { ListRow.remote(index, .stub($0)) }
            groups.append(Group(remote: index, rows: rows))
            // The far side sends what needs the person worst first: a session's first item is its worst.
            for first in summary.itemsBySession.values.compactMap(\.first) {
                let entry = summary.attention[first]
                needed.append((.remote(index, .attention(first)), Rank(entry.reason, since: entry.since)))
            }
        }
        // Equal ranks keep the far side's order (a dictionary's is not one).
        needs = needed.sorted { a, b in
            guard a.key == b.key, case .remote(let ra, .attention(let ia)) = a.row, case .remote(let rb, .attention(let ib)) = b.row else { return a.key < b.key }
            return (ra, ia) < (rb, ib)
        }.map(\.row)
    }

    /// Where an item stands in NEEDS YOU: its reason (one this hub does not know last), then how long
    /// it has waited (oldest first) — the order the local board keeps, so the two merge.
    struct Rank: Comparable, Sendable {
        var reason: AttentionReason?
        var since: Date

        init(_ reason: AttentionReason?, since: Date?) {
            self.reason = reason
            self.since = since ?? .distantFuture
        }

        /// AttentionReason's own order (AttentionItem.worstFirst's), unknown reasons last.
        static func < (a: Rank, b: Rank) -> Bool {
            switch (a.reason, b.reason) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.since < b.since
            }
        }
    }

    static func rank(_ row: ListRow, remotes: [RemoteView], board: AttentionBoard, snapshot: WorkspaceSnapshot) -> Rank {
        switch row {
        case .attention(let index):
            let worst = board.worst(snapshot.sessions[index].path)
            return Rank(worst?.reason, since: worst?.since)
        case .remote(let remote, .attention(let item)):
            let entry = remotes[remote].summary?.attention[item]
            return Rank(entry?.reason, since: entry?.since)
        default: return Rank(nil, since: nil)
        }
    }

    /// The local and far NEEDS YOU rows as one list, worst first (local first among equals).
    static func merge(_ local: [ListRow], _ far: [ListRow], remotes: [RemoteView], board: AttentionBoard, snapshot: WorkspaceSnapshot) -> [ListRow] {
        guard !far.isEmpty else { return local }
        guard !local.isEmpty else { return far }
        var merged: [ListRow] = []
        merged.reserveCapacity(local.count + far.count)
        var i = 0, j = 0
        while i < local.count || j < far.count {
            if j == far.count || i < local.count && !(rank(far[j], remotes: remotes, board: board, snapshot: snapshot) < rank(local[i], remotes: remotes, board: board, snapshot: snapshot)) {
                merged.append(local[i]); i += 1
            } else {
                merged.append(far[j]); j += 1
            }
        }
        return merged
    }

    /// Each group under its header (`@build (12)`); a remote not heard from yet shows its header alone.
    var groupRows: [ListRow] {
        groups.flatMap { [ListRow.remote($0.remote, .header(count: $0.rows.count))] + $0.rows }
    }

    /// Narrowed by a filter: `@words` keep only the remotes whose names start with one of them; the
    /// other words must each be in a row's name or status, or name a state its items are in
    /// (`/needs`, `/blocked`). A group with no row left goes, unless only `@words` were given.
    func filtered(_ filter: RemoteFilter, remotes: [RemoteView]) -> RemoteRows {
        guard !filter.isEmpty else { return self }
        var result = RemoteRows()
        func keeps(_ remote: Int) -> Bool { filter.tags.isEmpty || filter.tags.contains { remotes[remote].name.lowercased().hasPrefix($0) } }
        func matches(_ row: ListRow) -> Bool {
            filter.words.allSatisfy { word in RemoteRows.texts(of: row, remotes: remotes).contains { $0.contains(word) } }
        }
        for group in groups where keeps(group.remote) {
            let rows = group.rows.filter(matches)
            if !rows.isEmpty || filter.words.isEmpty { result.groups.append(Group(remote: group.remote, rows: rows)) }
        }
        result.needs = needs.filter { row in
            guard case .remote(let remote, _) = row else { return false }
            return keeps(remote) && matches(row)
        }
        return result
    }

    /// What a filter word can match in a far row, lowercased: its name, its status, its items' reasons.
    static func texts(of row: ListRow, remotes: [RemoteView]) -> [String] {
        guard case .remote(let remote, let item) = row, let summary = remotes[remote].summary else { return [] }
        switch item {
        case .header: return []
        case .stub(let index):
            let stub = summary.stubs[index]
            return [stub.name.lowercased(), stub.status.rawValue, (stub.priority ?? "").lowercased()]
        case .session(let index):
            let session = summary.sessions[index]
            return [session.name.lowercased(), session.status.rawValue] + reasons(of: session.path, in: summary)
        case .attention(let index):
            let path = summary.attention[index].session
            let name = summary.sessions.first { $0.path == path }?.name ?? path
            return [name.lowercased(), "needs"] + reasons(of: path, in: summary)
        }
    }

    private static func reasons(of path: String, in summary: RemoteSummary) -> [String] {
        let items = summary.items(of: path)
        return items.isEmpty ? [] : ["needs"] + items.flatMap { [$0.reasonWord, $0.reason?.word ?? ""] }
    }
}

/// A list filter split for the far rows: `@build` words name remotes, the rest match rows.
struct RemoteFilter: Equatable, Sendable {
    var tags: [String]
    var words: [String]

    init(_ filter: String) {
        let all = filter.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        tags = all.filter { $0.hasPrefix("@") }.map { String($0.dropFirst()) }
        words = all.filter { !$0.hasPrefix("@") }
    }

    var isEmpty: Bool { tags.isEmpty && words.isEmpty }
    /// The filter for the local rows: without the `@words` (which local rows never match).
    var localText: String { words.joined(separator: " ") }
}
