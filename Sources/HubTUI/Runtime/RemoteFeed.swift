import HubCore

/// A remote followed while the screen runs: it says each new state from its own thread. The screen
/// knows nothing of ssh or MCP — the command line hands it feeds (HubCLI adapts the MCP follower), so
/// a slow or unreachable host can never delay a key or a local row.
public protocol RemoteFeed: AnyObject, Sendable {
    /// The remote's name in the config (`build`).
    var name: String { get }
    func start(_ changed: @escaping @Sendable (RemoteView) -> Void)
    func stop()
    /// Calls one of the far hub's tools (its operations layer does the work there); `reply` gets
    /// its JSON result or one sentence why not, from any thread.
    func call(_ tool: String, arguments: JSONValue, reply: @escaping @Sendable (Result<JSONValue, RemoteCallFailure>) -> Void)
    /// The program and arguments that show a far tmux pane in a terminal here (nil: not possible).
    func attachCommand(pane: String) -> [String]?
}

/// Why a far call did not happen or was refused there, in one sentence.
public struct RemoteCallFailure: Error, Equatable, Sendable {
    public let sentence: String
    public init(_ sentence: String) { self.sentence = sentence }
}
