import HubCore

/// One row of the left pane.
public enum ListRow: Equatable, Sendable {
    case header(String, count: Int)
    /// Index into `snapshot.stubs`.
    case stub(Int)
    /// Index into `snapshot.sessions`; depth 1 for a sub-session under its parent.
    case session(Int, depth: Int)

    public var isSelectable: Bool {
        if case .header = self { return false }
        return true
    }
}

/// What the left pane lists, in order: stubs whose session is under way, sessions that have no stub
/// (active first), then the other stubs by status and priority.
/// Pure: a snapshot in, rows out. Computed once per snapshot, not per frame.
public struct ListModel: Equatable, Sendable {
    public var rows: [ListRow]
    /// Stub path → its sessions' indices in phase order (latest last).
    public var sessionsByStub: [String: [Int]]

    public static let empty = ListModel(rows: [], sessionsByStub: [:])

    public init(rows: [ListRow], sessionsByStub: [String: [Int]]) {
        self.rows = rows
        self.sessionsByStub = sessionsByStub
    }

    /// `filter`: only stubs and sessions whose name, id, tags or status contain every word of it
    /// (case-insensitive); a sub-session shows with its matching parent.
    public init(_ snapshot: WorkspaceSnapshot, filter: String = "") {
        let sessions = snapshot.sessions
        var childrenOf: [String: [Int]] = [:]
        for (index, session) in sessions.enumerated() where !session.archived {
            if let parent = session.parent { childrenOf[parent, default: []].append(index) }
        }

        // Stubs and the sessions started from them (same feature, or the workorder they were promoted to).
        var sessionsByStub: [String: [Int]] = [:]
        var claimed = Set<Int>()
        let words = filter.lowercased().split(separator: " ").map(String.init)
        func matches(_ fields: [String?]) -> Bool {
            guard !words.isEmpty else { return true }
            let haystack = fields.compactMap { $0?.lowercased() }.joined(separator: " ")
            return words.allSatisfy { haystack.contains($0) }
        }
        let stubs = snapshot.stubs.enumerated().filter { !$0.element.archived }
        // Indexes by feature and workorder id, so matching stubs to sessions is not stubs × sessions.
        var byFeature: [String: [Int]] = [:]
        var byWorkorder: [String: [Int]] = [:]
        for (index, session) in sessions.enumerated() where session.parent == nil && !session.archived {
            byFeature[session.feature, default: []].append(index)
            if let id = session.workorderId { byWorkorder[id, default: []].append(index) }
        }
        for (_, stub) in stubs {
            var found = (byFeature[stub.featureName] ?? []) + (stub.folderName != stub.featureName ? byFeature[stub.folderName] ?? [] : [])
            if let promoted = stub.promotedTo { found += byWorkorder[promoted] ?? [] }
            let mine = Array(Set(found))
                .sorted { (sessions[$0].phase ?? 0, sessions[$0].path) < (sessions[$1].phase ?? 0, sessions[$1].path) }
            if !mine.isEmpty { sessionsByStub[stub.path] = mine }
            claimed.formUnion(mine)
        }
        let orphans = sessions.indices.filter { !sessions[$0].archived && sessions[$0].parent == nil && !claimed.contains($0) }
            .filter { matches([sessions[$0].name, sessions[$0].workorderId, sessions[$0].derivedStatus.label] + sessions[$0].agents.map(\.agentId)) }

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
            let sessionNames = (sessionsByStub[stub.path] ?? []).flatMap { [sessions[$0].name, sessions[$0].workorderId] }
            guard matches([stub.featureName, stub.stubId, stub.status.word, stub.priority, stub.category, stub.project] + stub.tags + stub.allAgents + sessionNames) else { continue }
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
        self.init(rows: rows, sessionsByStub: sessionsByStub)
    }
}
