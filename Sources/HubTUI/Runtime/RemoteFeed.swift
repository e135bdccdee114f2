import HubCore

/// A remote followed while the screen runs: it says each new state from its own thread. The screen
/// knows nothing of ssh or MCP — the command line hands it feeds (HubCLI adapts the MCP follower), so
/// a slow or unreachable host can never delay a key or a local row.
public protocol RemoteFeed: AnyObject, Sendable {
    func start(_ changed: @escaping @Sendable (RemoteView) -> Void)
    func stop()
}
