import Foundation

/// The way back to the event loop from other threads: messages are queued under a lock and a byte
/// on a pipe wakes the loop's `poll(2)`.
final class BackgroundWork: @unchecked Sendable {
    enum Message: Sendable {
        case action(Action)
        /// Bytes for the terminal itself (OSC 52), written by the loop between frames.
        case terminalBytes([UInt8])
    }

    private let lock = NSLock()
    private var queue: [Message] = []
    private let wake = WakePipe()

    var readDescriptor: Int32 { wake.readDescriptor }

    func post(_ message: Message) {
        lock.withLock { queue.append(message) }
        wake.signal()
    }

    /// Everything posted so far (drains the pipe too).
    func take() -> [Message] {
        wake.drain()
        return lock.withLock {
            defer { queue.removeAll() }
            return queue
        }
    }

    var isEmpty: Bool { lock.withLock { queue.isEmpty } }
}
