import Foundation
import HubCore
import MCP

/// One connection to a workspace on another machine: the real `ssh` running the same
/// `sessions-hub` there as an MCP server (`ssh -T … 'sessions-hub' --root ROOT mcp`), spoken to with
/// the official SDK's client. One process per remote, however many sessions it holds.
public final class RemoteLink: @unchecked Sendable {
    /// Why a remote cannot be reached or used, as one sentence for a person.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    public let remote: RemoteSettings
    public let client: Client
    /// The far side's hub (`sessions-hub 0.9.0`), as its server names itself.
    public private(set) var serverVersion = ""
    /// The time the link took to open (ssh, login, initialize).
    public private(set) var connectTime: TimeInterval = 0
    let process: Process
    let errors: TailBuffer
    private let endLock = NSLock()
    private var endHandlers: [@Sendable () -> Void] = []
    private var hasEnded = false

    /// Runs `handler` once when ssh ends (the link dropped, the far side stopped, or `close`); at
    /// once when it has ended already.
    func whenEnded(_ handler: @escaping @Sendable () -> Void) {
        let ended = endLock.withLock { () -> Bool in
            if !hasEnded { endHandlers.append(handler) }
            return hasEnded
        }
        if ended { handler() }
    }

    func ended() {
        let handlers = endLock.withLock { () -> [@Sendable () -> Void] in
            hasEnded = true
            defer { endHandlers = [] }
            return endHandlers
        }
        for handler in handlers { handler() }
    }

    /// ` (ssh: Connection reset by peer)`: ssh's last words when it said any.
    var endedBecause: String {
        let last = Self.lastWords(errors.text)
        return last.isEmpty ? "" : " (" + (last.hasPrefix("ssh: ") ? last : "ssh: " + last) + ")"
    }

    /// The last line of what ssh and the far side said on stderr, without the far hub's greeting.
    static func lastWords(_ stderr: String) -> String {
        let lines = stderr.split(whereSeparator: \.isNewline).filter { !$0.contains("over MCP on stdio") }
        return lines.last.map { TerminalText.sanitize(String($0)) } ?? ""
    }

    init(remote: RemoteSettings, process: Process, client: Client, errors: TailBuffer) {
        self.remote = remote
        self.process = process
        self.client = client
        self.errors = errors
    }

    /// Opens the link: ssh, login without a prompt, `initialize`. A far side that cannot be reached
    /// in `timeout` seconds, refuses the login, has no hub, or has one too old for resources is a
    /// Failure that says which and what to do.
    public static func connect(_ remote: RemoteSettings, environment: [String: String], timeout: TimeInterval = 20) async throws(Failure) -> RemoteLink {
        if let refusal = remote.refusal { throw Failure(refusal) }
        // ssh that ends at once (connection refused) closes the pipe the first request is written
        // to: that write must fail as an error, not kill the hub with SIGPIPE (exit 141).
        signal(SIGPIPE, SIG_IGN)
        guard let ssh = ToolRunner.which("ssh", environment: environment) else {
            throw Failure("ssh is not installed here (apt-get install openssh-client)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ssh)
        process.arguments = remote.sshArguments(home: environment["HOME"])
        process.environment = environment
        let input = Pipe(), output = Pipe(), errorPipe = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errorPipe
        let errors = TailBuffer(limit: 4096)
        errorPipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil } else { errors.append(data) }
        }
        let started = Date()
        do { try process.run() } catch { throw Failure("ssh could not be started: \(error.localizedDescription)") }
        // The transport reads ssh's stdout with blocking reads on its own thread (no polling), with
        // a generous cap on one line: a far workspace's status can be large.
        let transport = LineTransport(input: output.fileHandleForReading.fileDescriptor, output: input.fileHandleForWriting.fileDescriptor,
                                      maxLine: 256 * 1024 * 1024, gated: false)
        let client = Client(name: "sessions-hub", version: HubVersion.string)
        let link = RemoteLink(remote: remote, process: process, client: client, errors: errors)
        // The first of: the far side initialized, ssh ended, the deadline passed.
        let first = FirstOf<Initialize.Result>()
        process.terminationHandler = { [weak link] _ in
            first.resolve(.failure(LinkEnded()))
            link?.ended()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { first.resolve(.failure(DeadlineExceeded())) }
        Task {
            do { first.resolve(.success(try await client.connect(transport: transport))) } catch { first.resolve(.failure(error)) }
        }
        let result: Initialize.Result
        do {
            result = try await first.value()
        } catch {
            link.close()
            // Give ssh a moment to say why it ended (its stderr is read on another thread).
            for _ in 0..<50 where process.isRunning { try? await Task.sleep(nanoseconds: 10_000_000) }
            try? await Task.sleep(nanoseconds: 50_000_000)
            throw Failure(explain(remote, stderr: errors.text, status: process.isRunning ? nil : process.terminationStatus,
                                  timedOut: error is DeadlineExceeded, timeout: timeout))
        }
        link.connectTime = Date().timeIntervalSince(started)
        link.serverVersion = "\(result.serverInfo.name) \(result.serverInfo.version)"
        guard result.capabilities.resources?.subscribe == true else {
            link.close()
            throw Failure("\(remote.name): the far side's \(link.serverVersion) is older than this hub's \(HubVersion.string): it cannot be followed (no resources); update it there (make install)")
        }
        return link
    }

    /// Asks the far side to say when its status or what needs the person changes.
    /// Follows the summary, or the whole status from a far hub that has no summary yet.
    func subscribe() async throws(Failure) {
        do {
            try await client.subscribeToResource(uri: HubResources.summaryURI)
        } catch {
            do {
                try await client.subscribeToResource(uri: HubResources.statusURI)
                summaryMissing = true
            } catch {
                throw Failure("\(remote.name): the far side cannot be followed (\(Self.sentence(error)))")
            }
        }
    }

    /// A far hub from before the summary resource: followed by its whole status.
    private var summaryMissing = false

    /// What a follower shows of the far workspace: its summary (a tenth of the status), or the
    /// status itself from a hub that has no summary.
    public func summary() async throws(Failure) -> JSONValue {
        try await read(summaryMissing ? HubResources.statusURI : HubResources.summaryURI)
    }

    /// The far workspace's status: what `status --json` prints there.
    public func status() async throws(Failure) -> JSONValue {
        try await read(HubResources.statusURI)
    }

    func read(_ uri: String) async throws(Failure) -> JSONValue {
        // The read, or the link's end, whichever comes first: a dropped link never leaves it waiting.
        let first = FirstOf<[Resource.Content]>()
        whenEnded { first.resolve(.failure(LinkEnded())) }
        Task { [client] in
            do { first.resolve(.success(try await client.readResource(uri: uri))) } catch { first.resolve(.failure(error)) }
        }
        let contents: [Resource.Content]
        do { contents = try await first.value() } catch {
            throw Failure("\(remote.name): " + (error is LinkEnded ? "the link ended" + endedBecause : "the status could not be read (\(Self.sentence(error)))"))
        }
        guard let text = contents.first?.text, let value = try? JSONParser.parse(Array(text.utf8)) else {
            throw Failure("\(remote.name): the far side sent a status that is not JSON")
        }
        return value
    }

    /// Calls one of the far hub's tools: its result (the JSON its text content holds), or a
    /// Failure with the far side's own sentence when the tool refused. A dropped link, or no answer
    /// in `timeout` seconds, is a Failure too, never a wait.
    public func call(_ tool: String, arguments: JSONValue, timeout: TimeInterval = 60) async throws(Failure) -> JSONValue {
        let first = FirstOf<(content: [Tool.Content], isError: Bool?)>()
        whenEnded { first.resolve(.failure(LinkEnded())) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { first.resolve(.failure(DeadlineExceeded())) }
        let values: [String: Value]? = arguments.objectValue.map { object in
            Dictionary(object.members.map { ($0.key, JSONBridge.value($0.value)) }, uniquingKeysWith: { _, last in last })
        }
        Task { [client] in
            do { first.resolve(.success(try await client.callTool(name: tool, arguments: values))) } catch { first.resolve(.failure(error)) }
        }
        let reply: (content: [Tool.Content], isError: Bool?)
        do { reply = try await first.value() } catch {
            if error is LinkEnded { throw Failure("\(remote.name): the link ended" + endedBecause) }
            if error is DeadlineExceeded { throw Failure("\(remote.name): no answer to \(tool) in \(Int(timeout)) s") }
            throw Failure("\(remote.name): \(tool) failed (\(Self.sentence(error)))")
        }
        let text = reply.content.compactMap { content -> String? in
            if case .text(let text, _, _) = content { return text }
            return nil
        }.joined(separator: "\n")
        if reply.isError == true { throw Failure("\(remote.name): " + (text.isEmpty ? "\(tool) failed" : text)) }
        guard let value = try? JSONParser.parse(Array(text.utf8)) else { throw Failure("\(remote.name): \(tool) answered with something that is not JSON") }
        return value
    }

    public func close() {
        Task { [client] in await client.disconnect() }
        Self.end(process)
    }

    deinit { Self.end(process) }

    /// SIGTERM, then SIGKILL if ssh is still there 2 s later (a parent that blocked SIGTERM passes
    /// the block on to its children).
    static func end(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { [process] in
            if process.isRunning { kill(pid, SIGKILL) }
        }
    }

    /// What ssh's own words and exit mean, for a person: how to set up a key, accept a host key,
    /// install the hub there; else ssh's last line.
    static func explain(_ remote: RemoteSettings, stderr: String, status: Int32?, timedOut: Bool, timeout: TimeInterval) -> String {
        let destination = TerminalText.sanitize(remote.ssh.joined(separator: " "))
        let lastLine = lastWords(stderr)
        let prefix = "\(remote.name): "
        if stderr.contains("Permission denied") {
            return prefix + "ssh could not log in without a prompt (the hub never answers one): set up a key — ssh-keygen, then ssh-copy-id \(destination) — or load it into your ssh-agent"
        }
        if stderr.contains("Host key verification failed") || stderr.contains("No ED25519 host key is known") || stderr.contains("host key for") {
            return prefix + "the far side's host key is not in your known_hosts: connect once with ssh \(destination) and accept it (the hub never answers ssh's prompts)"
        }
        if status == 127 || stderr.contains("command not found") || stderr.contains("No such file or directory") && stderr.contains(remote.hub) {
            return prefix + "there is no \(TerminalText.sanitize(remote.hub)) on the far side: install sessions-hub there (make install), or set remotes.\(remote.name).hub to its path"
        }
        if timedOut {
            return prefix + "no answer within \(Int(timeout)) s" + (lastLine.isEmpty ? "" : " (ssh: \(lastLine))")
        }
        if !lastLine.isEmpty { return prefix + (lastLine.hasPrefix("ssh: ") ? lastLine : "ssh: " + lastLine) }
        return prefix + "the link ended" + (status.map { " (ssh exit \($0))" } ?? "")
    }

    static func sentence(_ error: Error) -> String {
        if let error = error as? MCPError { return error.localizedDescription }
        return "\(error)"
    }
}

/// The last bytes a process wrote to stderr, for the sentence that explains why it ended.
final class TailBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    let limit: Int

    init(limit: Int) { self.limit = limit }

    func append(_ data: Data) {
        lock.withLock {
            bytes.append(contentsOf: data)
            if bytes.count > limit { bytes.removeFirst(bytes.count - limit) }
        }
    }

    var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
}

struct DeadlineExceeded: Error {}
struct LinkEnded: Error {}

/// The first of several outcomes racing (a reply, a process's end, a deadline); the rest are
/// ignored. Unlike a task group it never waits for the losers, which may not heed cancellation.
final class FirstOf<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: Result<T, Error>?
    private var waiter: CheckedContinuation<T, Error>?

    func resolve(_ result: Result<T, Error>) {
        lock.lock()
        guard outcome == nil else { lock.unlock(); return }
        outcome = result
        let waiting = waiter
        waiter = nil
        lock.unlock()
        waiting?.resume(with: result)
    }

    func value() async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            if let outcome {
                lock.unlock()
                continuation.resume(with: outcome)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }
}
