import HubCore

/// What the left pane lists, in order: stubs whose session is under way, sessions that have no stub
/// (active first), then the other stubs by status and priority.
/// Pure: a snapshot in, rows out. Computed once per snapshot, not per frame.
public struct ListModel: Equatable, Sendable {
    public var rows: ListRows
    /// Stub path → its sessions' indices in phase order (latest last).
    public var sessionsByStub: [String: [Int]]
    /// Stub index → its path (to find a stub's sessions while filtering).
    var stubPaths: [String]

    public static let empty = ListModel(rows: [], sessionsByStub: [:])

    public init(rows: [ListRow], sessionsByStub: [String: [Int]], stubPaths: [String] = []) {
        self.init(rows: ListRows(rows), sessionsByStub: sessionsByStub, stubPaths: stubPaths)
    }

    public init(rows: ListRows, sessionsByStub: [String: [Int]], stubPaths: [String] = []) {
        self.rows = rows
        self.sessionsByStub = sessionsByStub
        self.stubPaths = stubPaths
    }

    /// `filter`: only stubs and sessions whose name, id, tags or status contain every word of it
    /// (case-insensitive); a sub-session shows with its matching parent.
    public init(_ snapshot: WorkspaceSnapshot, filter: String = "") {
        let whole = ListModel(snapshot)
        self = filter.isEmpty ? whole : whole.filtered(by: filter, search: ListSearch(snapshot))
    }

    /// Every stub and session, grouped and sorted (built once per snapshot; filters narrow it).
    public init(_ snapshot: WorkspaceSnapshot) {
        let sessions = snapshot.sessions
        var childrenOf: [String: [Int]] = [:]
        for (index, session) in sessions.enumerated() where !session.archived {
            if let parent = session.parent { childrenOf[parent, default: []].append(index) }
        }

        // Stubs and the sessions started from them (StubSessions: the one rule), archived ones left out.
        var sessionsByStub: [String: [Int]] = [:]
        var claimed = Set<Int>()
        let stubs = snapshot.stubs.enumerated().filter { !$0.element.archived }
        let index = StubSessions(snapshot)
        for (_, stub) in stubs {
            let mine = index.indices(for: stub, archived: false)
            if !mine.isEmpty { sessionsByStub[stub.path] = mine }
            claimed.formUnion(mine)
        }
        let orphans = sessions.indices.filter { !sessions[$0].archived && sessions[$0].parent == nil && !claimed.contains($0) }

        func isActive(_ sessionIndex: Int) -> Bool { sessions[sessionIndex].derivedStatus != .complete }
        func urgency(_ bucket: StatusBucket) -> Int {
            [StatusBucket.failed, .blocked, .inProgress, .notStarted, .other, .complete].firstIndex(of: bucket) ?? 9
        }
        func sessionRows(_ index: Int) -> [ListRow] {
            [.session(index, depth: 0)] + (childrenOf[sessions[index].path] ?? []).map { .session($0, depth: 1) }
        }

        var activeStubs: [(Int, Stub)] = []
        var idleStubs: [(Int, Stub)] = []
        for (index, stub) in stubs {
            if let latest = sessionsByStub[stub.path]?.last, isActive(latest) { activeStubs.append((index, stub)) } else { idleStubs.append((index, stub)) }
        }
        activeStubs.sort {
            let a = urgency(sessions[sessionsByStub[$0.1.path]!.last!].derivedStatus)
            let b = urgency(sessions[sessionsByStub[$1.1.path]!.last!].derivedStatus)
            return a != b ? a < b : $0.1.featureName < $1.1.featureName
        }
        let stubOrder: [StatusBucket] = [.inProgress, .notStarted, .other, .blocked, .failed, .complete]
        // Sort keys computed once per stub, not once per comparison.
        var sortKey: [Int: (Int, Int)] = [:]
        for (index, stub) in idleStubs {
            sortKey[index] = (stubOrder.firstIndex(of: stub.status.bucket) ?? 9, PriorityRank.of(stub.priority))
        }
        idleStubs.sort {
            let a = sortKey[$0.0]!, b = sortKey[$1.0]!
            if a != b { return a < b }
            return $0.1.featureName < $1.1.featureName
        }
        let activeOrphans = orphans.filter(isActive).sorted {
            let a = urgency(sessions[$0].derivedStatus), b = urgency(sessions[$1].derivedStatus)
            return a != b ? a < b : sessions[$0].name < sessions[$1].name
        }
        let doneOrphans = orphans.filter { !isActive($0) }.sorted { sessions[$0].name < sessions[$1].name }

        var rows: [ListRow] = []
        func stubRows(_ index: Int, _ stub: Stub) -> [ListRow] {
            let children = (sessionsByStub[stub.path] ?? []).flatMap { childrenOf[sessions[$0].path] ?? [] }
            return [.stub(index)] + children.map { .session($0, depth: 1) }
        }
        let active = activeStubs.flatMap { stubRows($0.0, $0.1) }
        if !active.isEmpty { rows.append(.header("ACTIVE", count: activeStubs.count)) }
        rows += active
        let orphanRows = (activeOrphans + doneOrphans).flatMap(sessionRows)
        if !orphanRows.isEmpty { rows.append(.header("SESSIONS WITHOUT A STUB", count: activeOrphans.count + doneOrphans.count)) }
        rows += orphanRows
        if !idleStubs.isEmpty { rows.append(.header("STUBS", count: idleStubs.count)) }
        rows += idleStubs.flatMap { stubRows($0.0, $0.1) }
        self.init(rows: rows, sessionsByStub: sessionsByStub, stubPaths: snapshot.stubs.map(\.path))
    }

    /// The rows whose item matches every word of `filter` (a stub also by its sessions' names and
    /// workorder ids), in the same order; sub-session rows follow their parent; group counts are
    /// recounted and empty groups dropped. Linear in the rows, with a byte search per item.
    public func filtered(by filter: String, search: ListSearch, extra: (Int, [UInt8]) -> Bool = { _, _ in false }) -> ListModel {
        let words = ListSearch.words(filter)
        guard !words.isEmpty else { return self }
        func matches(_ row: ListRow) -> Bool {
            switch row {
            case .stub(let index):
                let sessions = stubSessions(index, search: search)
                return words.allSatisfy { word in
                    ListSearch.contains(search.stubText[index], word)
                        || sessions.contains { ListSearch.contains(search.sessionText[$0], word) || extra($0, word) }
                }
            case .session(let index, _), .attention(let index):
                return words.allSatisfy { ListSearch.contains(search.sessionText[index], $0) || extra(index, $0) }
            case .header:
                return false
            }
        }
        var result: [ListRow] = []
        var header: (title: String, at: Int)?
        var count = 0
        var parentKept = false
        func closeGroup() {
            guard let open = header else { return }
            if count == 0 { result.removeSubrange(open.at...) } else { result[open.at] = .header(open.title, count: count) }
            header = nil
        }
        for row in rows {
            switch row {
            case .header(let title, _):
                closeGroup()
                header = (title, result.count)
                count = 0
                result.append(row)
            case .session(_, let depth) where depth > 0:
                if parentKept { result.append(row) }
            default:
                parentKept = matches(row)
                if parentKept {
                    result.append(row)
                    count += 1
                }
            }
        }
        closeGroup()
        return ListModel(rows: result, sessionsByStub: sessionsByStub, stubPaths: stubPaths)
    }

    private func stubSessions(_ index: Int, search: ListSearch) -> [Int] {
        guard stubPaths.indices.contains(index) else { return [] }
        return sessionsByStub[stubPaths[index]] ?? []
    }
}
