import Foundation

/// Something that tells which paths changed: the kernel (inotify) or a stat poller. The event loop
/// polls `fileDescriptor` (when there is one) together with the terminal and asks `collect` when it
/// is readable or when `nextCheck` is due.
public protocol ChangeSource: AnyObject {
    /// A descriptor that becomes readable when changes are waiting; -1 when the source must be asked on time.
    var fileDescriptor: Int32 { get }
    /// When the source wants to be asked next (pollers), nil when it tells by itself.
    var nextCheck: Date? { get }
    /// Changes ready now (never blocks).
    func collect(now: Date) -> ChangeBatch
    /// The folders to watch (recursively); called after every reload so new folders are covered.
    func watch(_ directories: [String])
    /// For the status bar: `inotify 14 folders`.
    var summary: String { get }
    /// True when the source watches new folders by itself and can add trees while a full load reads
    /// them (`watchTree`, called from the load's threads); else everything is given to `watch`.
    var watchesTreesWhileLoading: Bool { get }
    /// Adds one stub or session folder and the folders below it (`depth`: its depth in the walk).
    func watchTree(_ folder: String, depth: Int)
}

extension ChangeSource {
    public var watchesTreesWhileLoading: Bool { false }
    public func watchTree(_ folder: String, depth: Int) {}
}

public struct ChangeBatch: Equatable, Sendable {
    public var paths: Set<String>
    /// Events were lost (inotify queue overflow): everything must be read again.
    public var needsFullRescan: Bool
    /// Things to tell the person (watch limit reached, falling back to polling).
    public var messages: [String]

    public init(paths: Set<String> = [], needsFullRescan: Bool = false, messages: [String] = []) {
        self.paths = paths
        self.needsFullRescan = needsFullRescan
        self.messages = messages
    }

    public var isEmpty: Bool { paths.isEmpty && !needsFullRescan && messages.isEmpty }

    public mutating func merge(_ other: ChangeBatch) {
        paths.formUnion(other.paths)
        needsFullRescan = needsFullRescan || other.needsFullRescan
        messages += other.messages
    }
}

