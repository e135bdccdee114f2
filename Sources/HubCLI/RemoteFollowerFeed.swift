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

    var name: String { remote.name }

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

    func call(_ tool: String, arguments: JSONValue, reply: @escaping @Sendable (Result<JSONValue, RemoteCallFailure>) -> Void) {
        guard let follower else { return reply(.failure(RemoteCallFailure("@\(remote.name) is not followed"))) }
        Task {
            do { reply(.success(try await follower.call(tool, arguments: arguments))) } catch let failure as RemoteLink.Failure { reply(.failure(RemoteCallFailure(failure.description))) } catch { reply(.failure(RemoteCallFailure("\(error)"))) }
        }
    }

    func attachCommand(pane: String) -> [String]? {
        guard let ssh = ToolRunner.which("ssh", environment: environment), let arguments = remote.attachArguments(pane: pane, home: environment["HOME"]) else { return nil }
        return [ssh] + arguments
    }

    func stop() {
        follower?.stop()
        follower = nil
    }
}
