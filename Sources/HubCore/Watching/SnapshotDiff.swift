/// What changed between two snapshots, as the live screen highlights it and `status --watch` prints it.
public struct SnapshotChange: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case agentStatus = "agent_status"
        case sessionStatus = "session_status"
        case sessionAdded = "session_added"
        case sessionRemoved = "session_removed"
        case stubAdded = "stub_added"
        case stubRemoved = "stub_removed"
        case stubStatus = "stub_status"
        /// What an agent itself does changed (`working: Bash` → `waiting: permission prompt`).
        case agentActivity = "agent_activity"
    }

    public var kind: Kind
    /// Session path or stub path.
    public var path: String
    public var agent: String?
    public var from: String?
    public var to: String?

    public init(kind: Kind, path: String, agent: String? = nil, from: String? = nil, to: String? = nil) {
        self.kind = kind
        self.path = path
        self.agent = agent
        self.from = from
        self.to = to
    }

    /// One NDJSON line: `{"time", "kind", "session"|"stub", "agent"?, "from", "to"}`.
    public func json(time: String) -> JSONValue {
        var members: [(String, JSONValue)] = [("time", .string(time)), ("kind", .string(kind.rawValue))]
        switch kind {
        case .stubAdded, .stubRemoved, .stubStatus: members.append(("stub", .string(path)))
        default: members.append(("session", .string(path)))
        }
        if let agent { members.append(("agent", .string(agent))) }
        members.append(("from", from.map(JSONValue.string) ?? .null))
        members.append(("to", to.map(JSONValue.string) ?? .null))
        return .object(JSONObject(members))
    }
}

public enum SnapshotDiff {
    /// Agents whose own activity changed (few: compared by session, only where anything is known).
    public static func activityChanges(from old: WorkspaceSnapshot, to new: WorkspaceSnapshot) -> [SnapshotChange] {
        guard old.activities != new.activities else { return [] }
        var changes: [SnapshotChange] = []
        for path in Set(old.activities.keys).union(new.activities.keys).sorted() where old.activities[path] != new.activities[path] {
            let before = old.activities[path] ?? [:], after = new.activities[path] ?? [:]
            for agent in Set(before.keys).union(after.keys).sorted() where before[agent]?.phrase != after[agent]?.phrase {
                changes.append(SnapshotChange(kind: .agentActivity, path: path, agent: agent, from: before[agent]?.phrase, to: after[agent]?.phrase))
            }
        }
        return changes
    }

    /// The changes between two snapshots. With `touched` (what an incremental reload re-read), only
    /// those folders are compared: the cost is that of the change, not of the workspace.
    public static func changes(from old: WorkspaceSnapshot, to new: WorkspaceSnapshot, touched: TouchedItems?) -> [SnapshotChange] {
        guard let touched else { return changes(from: old, to: new) }
        var changes: [SnapshotChange] = activityChanges(from: old, to: new)
        for folder in touched.sessionFolders.sorted() {
            changes += sessionChanges(old: old.sessions.indices(inFolder: folder).map { old.sessions[$0] },
                                      new: new.sessions.indices(inFolder: folder).map { new.sessions[$0] })
        }
        for folder in touched.stubFolders.sorted() {
            changes += stubChanges(old: old.stubs.indices(inFolder: folder).map { old.stubs[$0] },
                                   new: new.stubs.indices(inFolder: folder).map { new.stubs[$0] })
        }
        return changes
    }

    /// Sessions equal in both (the incremental reload keeps unchanged ones as they were, so most
    /// compare by storage identity) are skipped at once; only the rest are compared agent by agent.
    public static func changes(from old: WorkspaceSnapshot, to new: WorkspaceSnapshot) -> [SnapshotChange] {
        activityChanges(from: old, to: new) + sessionChanges(old: old.sessions, new: new.sessions) + stubChanges(old: old.stubs, new: new.stubs)
    }

    static func sessionChanges(old: [Session], new: [Session]) -> [SnapshotChange] {
        var changes: [SnapshotChange] = []
        var oldIndex: [String: Int] = [:]
        for (index, session) in old.enumerated() where oldIndex[session.path] == nil { oldIndex[session.path] = index }
        var seen = Set<String>()
        for session in new {
            seen.insert(session.path)
            guard let index = oldIndex[session.path] else {
                changes.append(SnapshotChange(kind: .sessionAdded, path: session.path, to: session.derivedStatus.rawValue))
                continue
            }
            let before = old[index]
            if before.agents == session.agents && before.orchestrator == session.orchestrator { continue }
            var previous: [String: String?] = [:]
            for agent in before.everyone where previous[agent.agentId] == nil { previous[agent.agentId] = .some(agent.status.word) }
            for agent in session.everyone {
                let was = previous[agent.agentId]
                if was == nil || was! != agent.status.word {
                    changes.append(SnapshotChange(kind: .agentStatus, path: session.path, agent: agent.agentId, from: was ?? nil, to: agent.status.word))
                }
            }
            if before.derivedStatus != session.derivedStatus {
                changes.append(SnapshotChange(kind: .sessionStatus, path: session.path, from: before.derivedStatus.rawValue, to: session.derivedStatus.rawValue))
            }
        }
        for session in old where !seen.contains(session.path) {
            changes.append(SnapshotChange(kind: .sessionRemoved, path: session.path, from: session.derivedStatus.rawValue))
        }
        return changes
    }

    static func stubChanges(old: [Stub], new: [Stub]) -> [SnapshotChange] {
        var changes: [SnapshotChange] = []
        var oldStubs: [String: String?] = [:]
        for stub in old where oldStubs[stub.path] == nil { oldStubs[stub.path] = .some(stub.status.word) }
        var newStubs = Set<String>()
        for stub in new {
            newStubs.insert(stub.path)
            if let was = oldStubs[stub.path] {
                if was != stub.status.word { changes.append(SnapshotChange(kind: .stubStatus, path: stub.path, from: was, to: stub.status.word)) }
            } else {
                changes.append(SnapshotChange(kind: .stubAdded, path: stub.path, to: stub.status.word))
            }
        }
        for stub in old where !newStubs.contains(stub.path) {
            changes.append(SnapshotChange(kind: .stubRemoved, path: stub.path, from: stub.status.word))
        }
        return changes
    }
}
