import HubCore

/// A live change that moves rows without adding or removing items (an agent becomes blocked, so its
/// feature joins ACTIVE's top; a session completes, so its stub goes back to STUBS): only the rows of
/// the items whose place changed are taken out and put back, each by a binary search over its group
/// with the same sort keys the full build uses — no sort of the whole list, no other row touched.
extension ListModel {
    /// The rows for `new`, made from these rows (built for `old`) by moving the touched items; nil
    /// when the change is more than a move (an item added, removed, renamed, re-parented, archived,
    /// or a stub's sessions changed) and the list must be built whole.
    func moving(from old: WorkspaceSnapshot, to new: WorkspaceSnapshot, touched: TouchedItems) -> ListModel? {
        guard rows.head.isEmpty, rows.foot.isEmpty, !touched.structureChanged, old.sameItems(as: new, touched: touched) else { return nil }
        var movedStubs = Set<Int>()
        var movedOrphans = Set<Int>()
        for folder in touched.sessionFolders {
            for index in new.sessions.indices(inFolder: folder) {
                var before = ListPlacement.session(old.sessions[index], filtered: false)
                let after = ListPlacement.session(new.sessions[index], filtered: false)
                guard before != after else { continue }
                before.derived = after.derived
                // Anything but the derived status changes what the list is made of: build it whole.
                guard before == after else { return nil }
                let session = new.sessions[index]
                guard session.parent == nil, !session.archived else { continue }
                if let stubs = stubsOfSession[index] { movedStubs.formUnion(stubs) } else { movedOrphans.insert(index) }
            }
        }
        for folder in touched.stubFolders {
            for index in new.stubs.indices(inFolder: folder) {
                var before = ListPlacement.stub(old.stubs[index], filtered: false)
                let after = ListPlacement.stub(new.stubs[index], filtered: false)
                guard before != after else { continue }
                before.bucket = after.bucket
                before.priority = after.priority
                guard before == after else { return nil }
                movedStubs.insert(index)
            }
        }
        guard !movedStubs.isEmpty || !movedOrphans.isEmpty else { return self }
        var body = rows.body
        let order = ListOrder(new, sessionsByStub: sessionsByStub)
        // Every moved item out first: what stays is in order under the new keys (an item whose key
        // changed is among the moved), so each binary search below looks at ordered rows.
        var blocks: [(ListOrder.Key, [ListRow])] = []
        for stub in movedStubs.sorted() {
            guard let at = body.firstIndex(of: .stub(stub)) else { return nil }
            blocks.append((order.key(ofStub: stub), ListMoves.takeBlock(&body, at: at)))
        }
        for session in movedOrphans.sorted() {
            guard let at = body.firstIndex(of: .session(session, depth: 0)) else { return nil }
            blocks.append((order.key(ofOrphan: session), ListMoves.takeBlock(&body, at: at)))
        }
        for (key, block) in blocks { ListMoves.insert(block, key: key, into: &body, order: order) }
        ListMoves.recount(&body, order: order)
        var moved = self
        moved.rows = ListRows(body)
        return moved
    }
}

/// How the list orders its groups and the items in them — the one definition the full build and a
/// move share.
struct ListOrder {
    enum Group: Int, Comparable {
        case active, orphans, stubs
        static func < (a: Group, b: Group) -> Bool { a.rawValue < b.rawValue }
        var title: String {
            switch self {
            case .active: return "ACTIVE"
            case .orphans: return "SESSIONS WITHOUT A STUB"
            case .stubs: return "STUBS"
            }
        }
        init?(title: String) {
            switch title {
            case "ACTIVE": self = .active
            case "SESSIONS WITHOUT A STUB": self = .orphans
            case "STUBS": self = .stubs
            default: return nil
            }
        }
    }

    /// Where an item goes: its group, then its place in the group (ties broken by its index, so the
    /// order is the same however it was reached).
    struct Key: Comparable {
        var group: Group
        var rank: [Int]
        var name: String
        var index: Int
        static func < (a: Key, b: Key) -> Bool {
            if a.group != b.group { return a.group < b.group }
            if a.rank != b.rank { return a.rank.lexicographicallyPrecedes(b.rank) }
            if a.name != b.name { return a.name < b.name }
            return a.index < b.index
        }
    }

    let snapshot: WorkspaceSnapshot
    let sessionsByStub: [String: [Int]]

    init(_ snapshot: WorkspaceSnapshot, sessionsByStub: [String: [Int]]) {
        self.snapshot = snapshot
        self.sessionsByStub = sessionsByStub
    }

    static func urgency(_ bucket: StatusBucket) -> Int {
        [StatusBucket.failed, .blocked, .inProgress, .notStarted, .other, .cancelled, .complete].firstIndex(of: bucket) ?? 9
    }
    static let stubOrder: [StatusBucket] = [.inProgress, .notStarted, .other, .blocked, .failed, .cancelled, .complete]

    /// A stub whose latest session is under way is ACTIVE, by that session's urgency; else STUBS,
    /// by its own status and priority.
    func key(ofStub index: Int) -> Key {
        let stub = snapshot.stubs[index]
        if let latest = sessionsByStub[stub.path]?.last, !snapshot.sessions[latest].derivedStatus.isFinished {
            return Key(group: .active, rank: [ListOrder.urgency(snapshot.sessions[latest].derivedStatus)], name: stub.featureName, index: index)
        }
        return Key(group: .stubs, rank: [ListOrder.stubOrder.firstIndex(of: stub.status.bucket) ?? 9, PriorityRank.of(stub.priority)],
                   name: stub.featureName, index: index)
    }

    /// Sessions without a stub: those under way first, by urgency; then the complete ones.
    func key(ofOrphan index: Int) -> Key {
        let session = snapshot.sessions[index]
        let active = !session.derivedStatus.isFinished
        return Key(group: .orphans, rank: active ? [0, ListOrder.urgency(session.derivedStatus)] : [1], name: session.name, index: index)
    }

    func key(of row: ListRow) -> Key? {
        switch row {
        case .stub(let index): return key(ofStub: index)
        case .session(let index, 0): return key(ofOrphan: index)
        default: return nil
        }
    }
}

enum ListMoves {
    /// Removes an item's row and the sub-session rows under it; returns them.
    static func takeBlock(_ body: inout [ListRow], at start: Int) -> [ListRow] {
        var end = start + 1
        while end < body.count, case .session(_, let depth) = body[end], depth > 0 { end += 1 }
        let block = Array(body[start..<end])
        body.removeSubrange(start..<end)
        return block
    }

    /// Puts a block where its key says: after every item of its group that sorts before it (a binary
    /// search over the group's items; a group that did not exist gets its header in its place).
    static func insert(_ block: [ListRow], key: ListOrder.Key, into body: inout [ListRow], order: ListOrder) {
        let (start, end) = bounds(of: key.group, in: &body)
        var low = start, high = end
        while low < high {
            var middle = (low + high) / 2
            // A sub-session row belongs to the item above it.
            while middle > start, case .session(_, let depth) = body[middle], depth > 0 { middle -= 1 }
            if let other = order.key(of: body[middle]), other < key {
                var next = middle + 1
                while next < end, case .session(_, let depth) = body[next], depth > 0 { next += 1 }
                low = next
            } else {
                high = middle
            }
        }
        body.insert(contentsOf: block, at: low)
    }

    /// The rows of a group's items (after its header); the header is added when the group is new.
    static func bounds(of group: ListOrder.Group, in body: inout [ListRow]) -> (Int, Int) {
        var headerAt: Int?
        var insertHeaderAt = body.count
        for (index, row) in body.enumerated() {
            guard case .header(let title, _) = row, let other = ListOrder.Group(title: title) else { continue }
            if other == group { headerAt = index }
            if other > group && headerAt == nil { insertHeaderAt = index; break }
            if headerAt != nil && other > group { return (headerAt! + 1, index) }
        }
        if let headerAt { return (headerAt + 1, body.count) }
        body.insert(.header(group.title, count: 0), at: insertHeaderAt)
        return (insertHeaderAt + 1, insertHeaderAt + 1)
    }

    /// Each header's count is its group's items; an empty group loses its header.
    static func recount(_ body: inout [ListRow], order: ListOrder) {
        var index = body.count - 1
        var items = 0
        while index >= 0 {
            switch body[index] {
            case .header(let title, _):
                if items == 0 { body.remove(at: index) } else { body[index] = .header(title, count: items) }
                items = 0
            case .session(_, let depth) where depth > 0: break
            default: items += 1
            }
            index -= 1
        }
    }
}
