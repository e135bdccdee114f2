import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A pipe whose only job is to wake a `poll(2)` from another thread.
final class WakePipe: @unchecked Sendable {
    private(set) var readDescriptor: Int32 = -1
    private var writeDescriptor: Int32 = -1

    init() {
        if let (read, write) = WakePipe.makeDescriptors() {
            readDescriptor = read
            writeDescriptor = write
        }
    }

    /// A pipe with both ends non-blocking and closed on exec; nil when none can be made.
    static func makeDescriptors() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        return (fds[0], fds[1])
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    func signal() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    func drain() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
    }
}
