import Foundation

extension StatusHistory {
    /// The history entries for the agents' status changes a diff found (a first sighting is not a
    /// change), as the screen's workspace thread and `status --watch` record them.
    public static func entries(for changes: [SnapshotChange], in snapshot: WorkspaceSnapshot, at time: Date) -> [Entry] {
        changes.compactMap { change -> Entry? in
            guard change.kind == .agentStatus, change.from != nil, let agent = change.agent else { return nil }
            let note = snapshot.session(at: change.path)?.everyone.first { $0.agentId == agent }?.notes
            return Entry(time: time, session: change.path, agent: agent, from: change.from, to: change.to, note: note)
        }
    }
}
