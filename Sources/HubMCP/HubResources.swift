import Foundation
import HubCore
import MCP

/// The workspace as MCP resources, for a client that wants to follow it rather than call tools:
/// the status (what `status --json` prints) and what needs the person. A client that subscribes is
/// told `notifications/resources/updated` when either changes, driven by the server's own watcher
/// (the same follower as `status --watch`): a change on this machine reaches a far screen in
/// O(change), with no polling by the client.
public final class HubResources: @unchecked Sendable {
    public static let statusURI = "sessions-hub://workspace/status"
    public static let attentionURI = "sessions-hub://workspace/attention"
    public static let summaryURI = "sessions-hub://workspace/summary"

    public static let definitions: [Resource] = [
        Resource(name: "status", uri: statusURI, title: "Workspace status",
                 description: "Stubs, sessions, agents (status, evidence, activity), NEEDS YOU and workorders: the JSON of `sessions-hub status --json`.",
                 mimeType: "application/json"),
        Resource(name: "attention", uri: attentionURI, title: "What needs you",
                 description: "What needs the person now, worst first: [{session, agent, reason, note, since}].",
                 mimeType: "application/json"),
        Resource(name: "summary", uri: summaryURI, title: "Workspace summary",
                 description: "What a hub following this one shows: root, counts, sessions [{name, path, derived_status, agents_complete, agents_total, archived}] and attention.",
                 mimeType: "application/json"),
    ]

    let tools: HubTools
    private let lock = NSLock()
    private var subscribed: Set<String> = []
    private var following = false
    /// The follower's snapshot, once it runs: a read then costs no load of the workspace.
    private var latest: WorkspaceSnapshot?
    /// Sends one notification (set by the server once it runs).
    var notify: (@Sendable (String) -> Void)?

    public init(tools: HubTools) {
        self.tools = tools
    }

    public func read(_ uri: String) throws -> ReadResource.Result {
        let snapshot = lock.withLock { latest } ?? tools.load()
        let policy = EvidencePolicy(tools.settings)
        let value: JSONValue
        switch uri {
        case Self.statusURI: value = StatusReport.json(snapshot, now: Date(), policy: policy, prices: tools.settings.tokenPrices)
        case Self.attentionURI: value = .array(Evidence.attention(snapshot, now: Date(), policy: policy).map(StatusReport.attentionJSON))
        case Self.summaryURI: value = RemoteSummary.json(snapshot, now: Date(), policy: policy)
        default: throw MCPError.invalidParams("no resource \(Quote.short(uri)) (resources: \(Self.definitions.map(\.uri).joined(separator: ", ")))")
        }
        return ReadResource.Result(contents: [.text(JSONPrinter.compact(value), uri: uri, mimeType: "application/json")])
    }

    public func subscribe(_ uri: String) throws {
        guard Self.definitions.contains(where: { $0.uri == uri }) else { throw MCPError.invalidParams("no resource \(Quote.short(uri)) to subscribe to") }
        lock.lock()
        subscribed.insert(uri)
        let start = !following
        following = true
        lock.unlock()
        if start { startFollowing() }
    }

    public func unsubscribe(_ uri: String) {
        lock.lock()
        subscribed.remove(uri)
        lock.unlock()
    }

    var subscriptions: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return subscribed
    }

    /// The follower's thread: for as long as the server runs, each change to the workspace or to
    /// what needs the person is one notification per subscribed resource it touches.
    private func startFollowing() {
        let follower = WorkspaceFollower(layout: tools.layout, settings: tools.settings, environment: tools.environment)
        lock.withLock { latest = follower.current }
        let thread = Thread { [weak self] in
            // What needs the person changes when an item comes or goes, not when its age ticks.
            func keys(_ items: [AttentionItem]) -> Set<String> { Set(items.map { $0.session + "\u{0}" + ($0.agent ?? "") + "\u{0}" + $0.reason.rawValue }) }
            var attention = keys(follower.attention)
            while let self {
                let step = follower.next()
                self.lock.withLock { self.latest = follower.current }
                for notice in step.notices { FileHandle.standardError.write(Data((notice + "\n").utf8)) }
                let subscribed = self.subscriptions
                let now = keys(follower.attention)
                let attentionChanged = now != attention
                attention = now
                if subscribed.contains(Self.statusURI), !step.changes.isEmpty || attentionChanged { self.notify?(Self.statusURI) }
                if subscribed.contains(Self.summaryURI), !step.changes.isEmpty || attentionChanged { self.notify?(Self.summaryURI) }
                if subscribed.contains(Self.attentionURI), attentionChanged { self.notify?(Self.attentionURI) }
            }
        }
        thread.name = "sessions-hub mcp follower"
        thread.start()
    }
}
