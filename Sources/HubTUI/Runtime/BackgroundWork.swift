import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Work that must not block the screen (clipboard tools, writing a session) runs on its own
/// thread; what it produces comes back through a pipe that the event loop polls with the terminal.
final class BackgroundWork: @unchecked Sendable {
    enum Message: Sendable {
        case action(Action)
        /// Bytes for the terminal itself (OSC 52), written by the loop between frames.
        case terminalBytes([UInt8])
    }

    private let lock = NSLock()
    private var queue: [Message] = []
    private(set) var readDescriptor: Int32 = -1
    private var writeDescriptor: Int32 = -1

    init() {
        var fds: [Int32] = [0, 0]
        if pipe(&fds) == 0 {
            readDescriptor = fds[0]
            writeDescriptor = fds[1]
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    func post(_ message: Message) {
        lock.lock()
        queue.append(message)
        lock.unlock()
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    func run(_ job: @escaping @Sendable (BackgroundWork) -> Void) {
        let thread = Thread { [self] in job(self) }
        thread.start()
    }

    /// Everything posted so far (drains the pipe too).
    func take() -> [Message] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
        lock.lock()
        defer { lock.unlock() }
        let messages = queue
        queue.removeAll()
        return messages
    }
}
