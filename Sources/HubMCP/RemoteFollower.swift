import Foundation
import HubCore
import MCP

/// What the hub knows of a remote at a moment: its last good status (kept while the link is down,
/// so its rows keep their place), whether the link is up, since when, and why not.
public struct RemoteState: Sendable, Equatable {
    public var name: String
    public var server: String?
    /// The far summary (or, from an older hub, its `status --json`), items tagged with the remote's
    /// name; the last one read while the link was up (nil until the first).
    public var status: JSONValue?
    public var reachable: Bool
    /// When it became reachable or unreachable.
    public var since: Date?
    public var error: String?
    /// How many times the status was read (each far change is one more).
    public var reads: Int

    /// What the screen shows of it.
    public var view: RemoteView {
        RemoteView(name: name, reachable: reachable, since: since, error: error, summary: status.flatMap(RemoteSummary.init(status:)))
    }

    /// `unreachable since 14:02 (ssh: Connection refused)`.
    public var sentence: String {
        if reachable { return "live" + (since.map { " since " + Timestamp.short($0) } ?? "") }
        return "unreachable" + (since.map { " since " + Timestamp.short($0) } ?? "") + (error.map { " (\($0))" } ?? "")
    }
}

/// Follows one remote for as long as it runs: connects, subscribes to the far workspace's
/// resources and reads its status again on each `notifications/resources/updated` (no polling); when
/// the link ends, keeps the last good status marked unreachable and reconnects with backoff (1 s,
/// doubling to a minute). Never prompts (BatchMode), never blocks its caller: each new state goes to
/// `onChange` from the follower's own task.
public final class RemoteFollower: @unchecked Sendable {
    public let remote: RemoteSettings
    let environment: [String: String]
    let timeout: TimeInterval
    let onChange: @Sendable (RemoteState) -> Void
    private let lock = NSLock()
    private var state: RemoteState
    private var task: Task<Void, Never>?
    private var link: RemoteLink?

    public init(_ remote: RemoteSettings, environment: [String: String], timeout: TimeInterval = 20, onChange: @escaping @Sendable (RemoteState) -> Void) {
        self.remote = remote
        self.environment = environment
        self.timeout = timeout
        self.onChange = onChange
        state = RemoteState(name: remote.name, reachable: false, reads: 0)
    }

    public var current: RemoteState { lock.withLock { state } }

    public func start() {
        lock.withLock {
            guard task == nil else { return }
            task = Task { [weak self] in await self?.run() }
        }
    }

    public func stop() {
        lock.withLock {
            task?.cancel()
            task = nil
            link?.close()
            link = nil
        }
    }

    deinit { stop() }

    /// Calls a far tool over the followed link (no second connection): a Failure at once when the
    /// link is down, so the person hears why rather than waits.
    public func call(_ tool: String, arguments: JSONValue) async throws(RemoteLink.Failure) -> JSONValue {
        guard let link = lock.withLock({ self.link }) else {
            let why = current.error.map { " (\($0))" } ?? ""
            throw RemoteLink.Failure("@\(remote.name) is not connected" + why)
        }
        return try await link.call(tool, arguments: arguments)
    }

    private func update(_ change: (inout RemoteState) -> Void) {
        let now = lock.withLock { () -> RemoteState in
            change(&state)
            return state
        }
        onChange(now)
    }

    private func run() async {
        var backoff: TimeInterval = 1
        while !Task.isCancelled {
            do {
                let link = try await RemoteLink.connect(remote, environment: environment, timeout: timeout)
                lock.withLock { self.link = link }
                backoff = 1
                try await follow(link)
            } catch {
                let sentence = (error as? RemoteLink.Failure)?.description ?? "\(error)"
                let unchanged = lock.withLock { !state.reachable && state.error == sentence && state.since != nil }
                if !unchanged {
                    update { state in
                        if state.reachable || state.since == nil { state.since = Date() }
                        state.reachable = false
                        state.error = sentence
                    }
                }
            }
            lock.withLock { link?.close(); link = nil }
            if Task.isCancelled { return }
            try? await Task.sleep(nanoseconds: UInt64(backoff * 1_000_000_000))
            backoff = min(60, backoff * 2)
        }
    }

    /// Reads the status, then again on every far change, until the link ends.
    private func follow(_ link: RemoteLink) async throws {
        let changed = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        await link.client.onNotification(ResourceUpdatedNotification.self) { _ in changed.continuation.yield() }
        link.whenEnded { changed.continuation.finish() }
        try await link.subscribe()
        var status = try await link.summary()
        update { state in
            state.server = link.serverVersion
            state.status = RemoteReport.tagged(status, remote: remote.name)
            if !state.reachable { state.since = Date() }
            state.reachable = true
            state.error = nil
            state.reads += 1
        }
        for await _ in changed.stream {
            status = try await link.summary()
            update { state in
                state.status = RemoteReport.tagged(status, remote: remote.name)
                state.reads += 1
            }
        }
        throw RemoteLink.Failure("\(remote.name): the link ended" + link.endedBecause)
    }
}
