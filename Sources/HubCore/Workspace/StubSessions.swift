/// The sessions of a stub — the one rule, used by the list, the timeline, reports, the audit, MCP and
/// archiving: top-level sessions of the stub's feature (by `feature_name` or folder name) or of the
/// workorder it was promoted to, phases in order (then by path). Indexed by feature and workorder id,
/// so asking for every stub is linear, not stubs × sessions (10,000 × 5,000 at 10× scale).
public struct StubSessions: Sendable {
    private var byFeature: [String: [Int]] = [:]
    private var byWorkorder: [String: [Int]] = [:]
    private let sessions: [Session]

    public init(_ snapshot: WorkspaceSnapshot) {
        sessions = snapshot.sessions
        for (index, session) in sessions.enumerated() where session.parent == nil {
            byFeature[session.feature, default: []].append(index)
            if let id = session.workorderId { byWorkorder[id, default: []].append(index) }
        }
    }

    /// Indices into the snapshot's sessions, phases in order; `archived: false` leaves archived ones out.
    public func indices(for stub: Stub, archived: Bool = true) -> [Int] {
        var found = byFeature[stub.featureName] ?? []
        if stub.folderName != stub.featureName { found += byFeature[stub.folderName] ?? [] }
        if let promoted = stub.promotedTo { found += byWorkorder[promoted] ?? [] }
        if !archived { found = found.filter { !sessions[$0].archived } }
        guard found.count > 1 else { return found }
        return Array(Set(found)).sorted { (sessions[$0].phase ?? 0, sessions[$0].path) < (sessions[$1].phase ?? 0, sessions[$1].path) }
    }

    public func sessions(for stub: Stub, archived: Bool = true) -> [Session] {
        indices(for: stub, archived: archived).map { sessions[$0] }
    }
}
