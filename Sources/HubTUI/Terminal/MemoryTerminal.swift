/// A terminal in memory, for tests: keys are queued by the test, frames are kept.
public final class MemoryTerminal: Terminal {
    public var size: Size
    public var supportsUnicode: Bool
    public var inputDescriptor: Int32 { -1 }
    public private(set) var frames: [Canvas] = []
    public var pendingKeys: [Key] = []
    public private(set) var isShutDown = false

    public init(size: Size, supportsUnicode: Bool = true) {
        self.size = size
        self.supportsUnicode = supportsUnicode
    }

    public func draw(_ canvas: Canvas) { frames.append(canvas) }

    public func readKeys() -> [Key] {
        defer { pendingKeys.removeAll() }
        return pendingKeys
    }

    public func refreshSize() -> Size { size }

    public func shutdown() { isShutDown = true }

    public private(set) var rawOutput: [UInt8] = []
    public func writeRaw(_ bytes: [UInt8]) { rawOutput += bytes }

    public var lastFrame: Canvas? { frames.last }
}
