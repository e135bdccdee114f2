import Foundation
import HubCore
import Logging
import MCP

/// MCP over stdio, one JSON-RPC message a line, with a cap on a line's length. The SDK's own
/// `StdioTransport` searches its whole pending buffer for a newline after every 4 KB read, so one
/// long line costs quadratic time (1 MB 5.6 s, 8 MB no answer in minutes) and nothing else is served
/// meanwhile. Here each byte is looked at once, a line over `maxLine` is dropped as it arrives and
/// answered with a JSON-RPC error, and the server goes on. Reading happens on its own thread with
/// blocking reads (no 10 ms polling).
actor LineTransport: Transport {
    static let defaultMaxLine = 4 * 1024 * 1024

    nonisolated let logger = Logger(label: "sessions-hub.mcp.transport", factory: { _ in SwiftLogNoOpLogHandler() })
    private let input: Int32
    private let output: Int32
    private let maxLine: Int
    /// A server refuses requests before `initialize`; a client (the far side's link) passes all on.
    private let gated: Bool
    private let messages: AsyncThrowingStream<Data, Swift.Error>
    private let continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation
    private var connected = false

    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, maxLine: Int = LineTransport.defaultMaxLine, gated: Bool = true) {
        self.input = input
        self.output = output
        self.maxLine = maxLine
        self.gated = gated
        (messages, continuation) = AsyncThrowingStream.makeStream()
    }

    func connect() async throws {
        guard !connected else { return }
        connected = true
        let reader = LineReader(fd: input, maxLine: maxLine)
        let continuation = continuation
        let gated = gated
        let thread = Thread { [weak self] in
            var gate = InitializeGate()
            reader.run(
                line: { bytes in
                    if gated, let refusal = gate.refusal(bytes) {
                        Task { try? await self?.send(refusal) }
                    } else {
                        continuation.yield(Data(bytes))
                    }
                },
                tooLong: { id, length in
                    let answer = LineTransport.tooLongError(id: id, length: length)
                    Task { try? await self?.send(answer) }
                }
            )
            continuation.finish()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    func disconnect() async {
        connected = false
        continuation.finish()
    }

    func send(_ data: Data) async throws {
        var bytes = [UInt8](data)
        bytes.append(UInt8(ascii: "\n"))
        if let code = WriteAll.write(output, bytes) { throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)) }
    }

    func receive() -> AsyncThrowingStream<Data, Swift.Error> { messages }

    /// JSON-RPC's "invalid request" for a line that was too long, with the request's id when its
    /// first bytes named one.
    static func tooLongError(id: String?, length: Int) -> Data {
        let message = "message too long (over \(length / (1024 * 1024)) MB on one line); it was dropped — send less, or in parts"
        let object = JSONValue.object(JSONObject([
            ("jsonrpc", .string("2.0")),
            ("id", id.map { text in (try? JSONParser.parse(Array(text.utf8))) ?? .null } ?? .null),
            ("error", .object(JSONObject([("code", .int(-32600)), ("message", .string(message))]))),
        ]))
        return Data(JSONPrinter.compactBytes(object))
    }
}

/// The specification says a server answers nothing but `initialize` and `ping` before it is
/// initialized. The SDK's strict mode drops such a request without any answer (the client waits
/// forever), so the refusal is sent here, as a JSON-RPC error with the request's id.
struct InitializeGate {
    private var open = false

    /// The error to send instead of passing the message on; nil to pass it on.
    mutating func refusal(_ bytes: [UInt8]) -> Data? {
        guard !open else { return nil }
        guard let message = try? JSONParser.parse(bytes), let method = message["method"]?.stringValue else { return nil }
        if method == "initialize" { open = true }
        guard let id = message["id"], method != "initialize", method != "ping" else { return nil }
        let object = JSONValue.object(JSONObject([
            ("jsonrpc", .string("2.0")), ("id", id),
            ("error", .object(JSONObject([("code", .int(-32600)), ("message", .string("the server is not initialized: send initialize first"))]))),
        ]))
        return Data(JSONPrinter.compactBytes(object))
    }
}

/// Splits a descriptor's bytes into lines, looking at each byte once; a line longer than `maxLine`
/// is skipped to its end and reported (with the id its first bytes name, if any).
struct LineReader: Sendable {
    let fd: Int32
    let maxLine: Int

    func run(line: ([UInt8]) -> Void, tooLong: (_ id: String?, _ limit: Int) -> Void) {
        var pending: [UInt8] = []
        var skipping = false
        var skippedId: String?
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    // A non-blocking descriptor (a client's pipe set so by someone else): wait for it.
                    var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    _ = poll(&poller, 1, -1)
                    continue
                }
                return
            }
            if count == 0 { return }
            var start = 0
            while start < count {
                let newline = chunk[start..<count].firstIndex(of: UInt8(ascii: "\n"))
                let end = newline ?? count
                if skipping {
                    if newline != nil {
                        skipping = false
                        tooLong(skippedId, maxLine)
                    }
                } else {
                    pending.append(contentsOf: chunk[start..<end])
                    if pending.count > maxLine {
                        skippedId = LineReader.requestId(pending.prefix(4096))
                        pending = []
                        if newline != nil { tooLong(skippedId, maxLine) } else { skipping = true }
                    } else if newline != nil {
                        if !pending.isEmpty { line(pending) }
                        pending = []
                    }
                }
                start = end + 1
            }
        }
    }

    /// `"id": 7` or `"id": "abc"` in a message's first bytes (clients put it near the start).
    static func requestId(_ prefix: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: prefix, as: UTF8.self)
        guard let match = text.firstMatch(of: /"id"\s*:\s*(-?[0-9]{1,18}|"[^"\\]{0,128}")/) else { return nil }
        return String(match.1)
    }
}
