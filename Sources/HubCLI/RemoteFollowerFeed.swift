import Foundation
import HubCore
import HubMCP
import HubTUI

/// The screen's view of a remote, fed by the MCP follower (one ssh link, subscribed; reconnects
/// by itself). Here because the screen must not know ssh or MCP, and the follower not the screen.
final class RemoteFollowerFeed: RemoteFeed, @unchecked Sendable {
    private let remote: RemoteSettings
    private let environment: [String: String]
    private var follower: RemoteFollower?

    init(_ remote: RemoteSettings, environment: [String: String]) {
        self.remote = remote
        self.environment = environment
    }

    func start(_ changed: @escaping @Sendable (RemoteView) -> Void) {
        changed(RemoteView(name: remote.name, reachable: false))
        let follower = RemoteFollower(remote, environment: environment) { state in changed(state.view) }
        self.follower = follower
        follower.start()
    }

    func stop() {
        follower?.stop()
        follower = nil
    }
}
