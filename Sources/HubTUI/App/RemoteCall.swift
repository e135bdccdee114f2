import HubCore

/// A call of a far hub's tool: the far side's operations layer does the work there (never a copy of
/// its files here). Built by the reducer, run by the remote's feed, its reply back as an action.
struct RemoteCall: Equatable, Sendable {
    enum Purpose: Equatable, Sendable {
        /// Read a far session in full (`get_session`) for the detail pane.
        case read
        /// Change something there; the dialog asked first.
        case operation
    }

    var remote: String
    var tool: String
    var arguments: JSONValue
    /// The far session it is about (its path there), read again when an operation is done.
    var session: String?
    /// What it does, in words: `start a session from auth on @build`.
    var what: String
    var purpose: Purpose

    /// Outside tmux (a hub reached over ssh is), the far hub opens dispatched agents' windows in
    /// this tmux session there — `g` attaches to them.
    static let farTmuxSession = "sessions-hub"

    static func read(_ remote: String, session path: String) -> RemoteCall {
        RemoteCall(remote: remote, tool: "get_session", arguments: .object(JSONObject([("session", .string(path))])), session: path,
                   what: "read \(WorkspacePaths.lastComponent(path)) on @\(remote)", purpose: .read)
    }

    static func operation(_ remote: String, _ tool: String, _ arguments: [(String, JSONValue)], session: String?, what: String) -> RemoteCall {
        RemoteCall(remote: remote, tool: tool, arguments: .object(JSONObject(arguments)), session: session, what: what, purpose: .operation)
    }

    /// The far sessions read in full, by remote and path.
    static func key(_ remote: String, _ path: String) -> String { remote + "\u{0}" + path }
}
