import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A terminal in memory, for tests and the benchmark: keys are sent through a pipe (so the event
/// loop's `poll` wakes up for them as for a real terminal), frames are kept and can be observed.
public final class MemoryTerminal: Terminal, @unchecked Sendable {
    public var size: Size
    public var supportsUnicode: Bool
    private let lock = NSLock()
    private var pending: [Key] = []
    private var storedFrames: [Canvas] = []
    private var pipeRead: Int32 = -1
    private var pipeWrite: Int32 = -1
    private(set) var isShutDown = false
    /// Called (on the event loop's thread) with every frame drawn.
    public var onDraw: ((Canvas) -> Void)?
    /// Keep every frame (tests) or only the last (long benchmarks).
    public var keepsFrames = true

    public init(size: Size, supportsUnicode: Bool = true) {
        self.size = size
        self.supportsUnicode = supportsUnicode
        if let (read, write) = WakePipe.makeDescriptors() {
            pipeRead = read
            pipeWrite = write
        }
    }

    deinit {
        close(pipeRead)
        close(pipeWrite)
    }

    public var inputDescriptor: Int32 { pipeRead }

    /// Queues keys and wakes the event loop.
    public func send(_ keys: Key...) { send(keys) }

    public func send(_ keys: [Key]) {
        lock.lock()
        pending += keys
        lock.unlock()
        var byte: UInt8 = 1
        _ = write(pipeWrite, &byte, 1)
    }

    public var pendingKeys: [Key] {
        get { lock.lock(); defer { lock.unlock() }; return pending }
        set { lock.lock(); pending = newValue; lock.unlock() }
    }

    public func draw(_ canvas: Canvas) {
        lock.lock()
        if keepsFrames { storedFrames.append(canvas) } else { storedFrames = [canvas] }
        lock.unlock()
        onDraw?(canvas)
    }

    public func readKeys() -> [Key] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(pipeRead, &buffer, buffer.count) > 0 {}
        lock.lock()
        defer { lock.unlock() }
        let keys = pending
        pending.removeAll()
        return keys
    }

    public func refreshSize() -> Size { size }

    public func shutdown() { isShutDown = true }

    /// Raw bytes written (a bell, a title, a notification), kept for tests to read.
    private(set) var rawOutput: [UInt8] = []
    public func writeRaw(_ bytes: [UInt8]) { lock.withLock { rawOutput += bytes } }

    var frames: [Canvas] { lock.lock(); defer { lock.unlock() }; return storedFrames }
    var lastFrame: Canvas? { frames.last }
}
