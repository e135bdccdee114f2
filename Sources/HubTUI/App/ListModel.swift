import HubCore

/// What the left pane lists, in order: stubs whose session is under way, sessions that have no stub
/// (active first), then the other stubs by status and priority.
/// Pure: a snapshot in, rows out. Computed once per snapshot, not per frame.
struct ListModel: Equatable, Sendable {
    var rows: ListRows
    /// Stub path → its sessions' indices in phase order (latest last).
    var sessionsByStub: [String: [Int]]
    /// Stub index → its path (to find a stub's sessions while filtering).
    var stubPaths: [String]
    /// Session index → the stubs it belongs to (to move a stub's row when its session changes).
    var stubsOfSession: [Int: [Int]]

    static let empty = ListModel(rows: [], sessionsByStub: [:])

    init(rows: [ListRow], sessionsByStub: [String: [Int]], stubPaths: [String] = [], stubsOfSession: [Int: [Int]] = [:]) {
        self.init(rows: ListRows(rows), sessionsByStub: sessionsByStub, stubPaths: stubPaths, stubsOfSession: stubsOfSession)
    }

    init(rows: ListRows, sessionsByStub: [String: [Int]], stubPaths: [String] = [], stubsOfSession: [Int: [Int]] = [:]) {
        self.rows = rows
        self.sessionsByStub = sessionsByStub
        self.stubPaths = stubPaths
        self.stubsOfSession = stubsOfSession
    }

    /// `filter`: only stubs and sessions whose name, id, tags or status contain every word of it
    /// (case-insensitive); a sub-session shows with its matching parent.
    init(_ snapshot: WorkspaceSnapshot, filter: String = "") {
        let whole = ListModel(snapshot)
        self = filter.isEmpty ? whole : whole.filtered(by: filter, search: ListSearch(snapshot))
    }

    /// Every stub and session, grouped and sorted (built once per snapshot; filters narrow it).
    init(_ snapshot: WorkspaceSnapshot) {
        let sessions = snapshot.sessions
        var childrenOf: [String: [Int]] = [:]
        for (index, session) in sessions.enumerated() where !session.archived {
            if let parent = session.parent { childrenOf[parent, default: []].append(index) }
        }

        // Stubs and the sessions started from them (StubSessions: the one rule), archived ones left out.
        var sessionsByStub: [String: [Int]] = [:]
        var stubsOfSession: [Int: [Int]] = [:]
        var claimed = Set<Int>()
        let stubs = snapshot.stubs.indices.filter { !snapshot.stubs[$0].archived }
        let index = StubSessions(snapshot)
        for stubIndex in stubs {
            let stub = snapshot.stubs[stubIndex]
            let mine = index.indices(for: stub, archived: false)
            if !mine.isEmpty { sessionsByStub[stub.path] = mine }
            for session in mine { stubsOfSession[session, default: []].append(stubIndex) }
            claimed.formUnion(mine)
        }
        let orphans = sessions.indices.filter { !sessions[$0].archived && sessions[$0].parent == nil && !claimed.contains($0) }

        // Groups and places from ListOrder, the definition a live move uses too (keys computed once
        // per item, not once per comparison).
        let order = ListOrder(snapshot, sessionsByStub: sessionsByStub)
        let stubKeys = stubs.map { order.key(ofStub: $0) }.sorted()
        let orphanKeys = orphans.map { order.key(ofOrphan: $0) }.sorted()
        let active = stubKeys.filter { $0.group == .active }
        let idle = stubKeys.filter { $0.group == .stubs }

        var rows: [ListRow] = []
        func stubRows(_ index: Int) -> [ListRow] {
            let children = (sessionsByStub[snapshot.stubs[index].path] ?? []).flatMap { childrenOf[sessions[$0].path] ?? [] }
            return [.stub(index)] + children.map { .session($0, depth: 1) }
        }
        func sessionRows(_ index: Int) -> [ListRow] {
            [.session(index, depth: 0)] + (childrenOf[sessions[index].path] ?? []).map { .session($0, depth: 1) }
        }
        if !active.isEmpty { rows.append(.header(ListOrder.Group.active.title, count: active.count)) }
        rows += active.flatMap { stubRows($0.index) }
        if !orphanKeys.isEmpty { rows.append(.header(ListOrder.Group.orphans.title, count: orphanKeys.count)) }
        rows += orphanKeys.flatMap { sessionRows($0.index) }
        if !idle.isEmpty { rows.append(.header(ListOrder.Group.stubs.title, count: idle.count)) }
        rows += idle.flatMap { stubRows($0.index) }
        self.init(rows: rows, sessionsByStub: sessionsByStub, stubPaths: snapshot.stubs.map(\.path), stubsOfSession: stubsOfSession)
    }

    /// The rows whose item matches every word of `filter` (a stub also by its sessions' names and
    /// workorder ids), in the same order; sub-session rows follow their parent; group counts are
    /// recounted and empty groups dropped. Linear in the rows, with a byte search per item.
    func filtered(by filter: String, search: ListSearch, extra: (Int, [UInt8]) -> Bool = { _, _ in false }) -> ListModel {
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
            case .header, .remote:
                // Far rows are narrowed by their own filter (RemoteRows), never here.
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
        return ListModel(rows: result, sessionsByStub: sessionsByStub, stubPaths: stubPaths, stubsOfSession: stubsOfSession)
    }

    private func stubSessions(_ index: Int, search: ListSearch) -> [Int] {
        guard stubPaths.indices.contains(index) else { return [] }
        return sessionsByStub[stubPaths[index]] ?? []
    }
}
