import Foundation
import HubCore

/// What the detail pane shows of a far row: the remote's link and what its summary says of the
/// item — read-only here, since the far hub does the work there.
struct RemoteDetail: Equatable, Sendable {
    var remoteName: String
    var reachable: Bool
    var since: Date?
    var error: String?
    var stub: RemoteSummary.StubRow?
    var session: RemoteSummary.SessionRow?
    /// What needs the person in that session, worst first.
    var items: [RemoteSummary.Item] = []
    /// Its agents, once read in full from the far side (Enter); nil until then.
    var agents: [RemoteSession.Agent]?

    init?(_ remotes: [RemoteView], remote: Int, item: RemoteItem) {
        guard remotes.indices.contains(remote), let summary = remotes[remote].summary else { return nil }
        let view = remotes[remote]
        remoteName = view.name
        reachable = view.reachable
        since = view.since
        error = view.error
        switch item {
        case .header: return nil
        case .stub(let index):
            guard summary.stubs.indices.contains(index) else { return nil }
            stub = summary.stubs[index]
        case .session(let index):
            guard summary.sessions.indices.contains(index) else { return nil }
            session = summary.sessions[index]
        case .attention(let index):
            guard summary.attention.indices.contains(index) else { return nil }
            let path = summary.attention[index].session
            session = summary.sessions.first { $0.path == path }
                ?? RemoteSummary.SessionRow(name: WorkspacePaths.lastComponent(path), path: path, status: .other, agentsComplete: 0, agentsTotal: 0, archived: false)
        }
        if let path = session?.path { items = summary.items(of: path) }
    }

    /// The item's path on the far side (what its hub's tools are given).
    var path: String { session?.path ?? stub?.path ?? "" }
    var name: String { session?.name ?? stub?.name ?? "" }
}
