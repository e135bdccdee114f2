/// Which session and stub each workorder belongs to. A session claims the workorders its agents
/// list in `workorders_created` (strings or objects), those whose plan path an agent lists among its
/// files, its own workorder id, and plans that name it as `parent_session`. A stub claims those whose
/// `parent_stub_id` is its `stub_id`, the one it was promoted to, and those of its sessions.
public struct WorkorderLinks: Equatable, Sendable {
    /// Workorder plan path → session path / stub path.
    public private(set) var session: [String: String] = [:]
    public private(set) var stub: [String: String] = [:]

    public init() {}

    public init(_ snapshot: WorkspaceSnapshot) {
        var bySessionKey: [String: String] = [:]
        for candidate in snapshot.sessions {
            for key in WorkorderLinks.keys(of: candidate) where bySessionKey[key] == nil { bySessionKey[key] = candidate.path }
        }
        var stubByKey: [String: String] = [:]
        for candidate in snapshot.stubs {
            if let id = candidate.stubId { stubByKey["stub:" + id] = candidate.path }
            if let promoted = candidate.promotedTo { stubByKey["id:" + promoted] = candidate.path }
        }
        var stubOfSession: [String: String] = [:]
        let index = StubSessions(snapshot)
        for candidate in snapshot.stubs {
            for owned in index.sessions(for: candidate) where stubOfSession[owned.path] == nil { stubOfSession[owned.path] = candidate.path }
        }
        for workorder in snapshot.workorders {
            let sessionPath = WorkorderLinks.keys(of: workorder).lazy.compactMap { bySessionKey[$0] }.first
            if let sessionPath { session[workorder.path] = sessionPath }
            let stubPath = workorder.parentStubId.flatMap { stubByKey["stub:" + $0] } ?? stubByKey["id:" + workorder.workorderId] ?? sessionPath.flatMap { stubOfSession[$0] }
            if let stubPath { stub[workorder.path] = stubPath }
        }
    }

    /// What a plan names its session by, in order of trust: its own id (listed by an agent), the
    /// session it says it belongs to, its folder's name (an agent's files or `location`).
    static func keys(of workorder: Workorder) -> [String] {
        var keys = ["id:" + workorder.workorderId]
        if let parent = workorder.parentSession { keys += ["name:" + parent, "id:" + parent] }
        keys.append("plan:" + WorkspacePaths.lastComponent(WorkspacePaths.parent(workorder.path)))
        return keys
    }

    /// What names a session for its workorders.
    static func keys(of session: Session) -> [String] {
        var keys = ["name:" + session.name, "name:" + session.path]
        if let id = session.workorderId { keys.append("id:" + id) }
        for agent in session.everyone {
            keys += agent.workordersCreated.map { "id:" + $0.workorderId }
            // `.../coderef/workorder/<name>/plan.json` among its files: the plan's folder name.
            for file in agent.filesCreated + [agent.primaryOutput].compactMap({ $0 }) {
                let unix = file.replacingOccurrences(of: "\\", with: "/")
                if unix.hasSuffix("/plan.json") { keys.append("plan:" + WorkspacePaths.lastComponent(WorkspacePaths.parent(unix))) }
            }
            for reference in agent.workordersCreated {
                if let location = reference.location?.replacingOccurrences(of: "\\", with: "/") {
                    let trimmed = location.hasSuffix("/plan.json") ? WorkspacePaths.parent(location) : (location.hasSuffix("/") ? String(location.dropLast()) : location)
                    keys.append("plan:" + WorkspacePaths.lastComponent(trimmed))
                }
            }
        }
        return keys
    }

    /// The workorders of one session (the screen's session pane), without building every link.
    public static func workorders(of session: Session, in snapshot: WorkspaceSnapshot) -> [Workorder] {
        let keys = Set(WorkorderLinks.keys(of: session))
        return snapshot.workorders.filter { WorkorderLinks.keys(of: $0).contains(where: keys.contains) }
    }
}
