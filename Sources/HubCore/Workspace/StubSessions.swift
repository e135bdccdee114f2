/// `snapshot.sessions(for:)` for every stub at once: sessions indexed by feature and workorder id, so
/// a report over all stubs is linear, not stubs × sessions (10,000 × 5,000 at 10× scale).
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

    /// The same sessions as `WorkspaceSnapshot.sessions(for:)`, in the snapshot's order.
    public func sessions(for stub: Stub) -> [Session] {
        var indices = Set(byFeature[stub.featureName] ?? [])
        indices.formUnion(byFeature[stub.folderName] ?? [])
        if let promoted = stub.promotedTo { indices.formUnion(byWorkorder[promoted] ?? []) }
        return indices.sorted().map { sessions[$0] }
    }
}
