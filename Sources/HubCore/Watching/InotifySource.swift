import CHubSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The kernel tells us: inotify on directories (not files, so that atomic renames, editors' swap
/// files, new and deleted folders are all seen). New folders get watches as they appear. A queue
/// overflow asks for a full rescan; running out of watches (max_user_watches) hands the remaining
/// folders to a poller, with a message. Folders on filesystems inotify cannot see into (network,
/// 9p/drvfs under WSL, FUSE) are polled too.
public final class InotifySource: ChangeSource {
    public let fileDescriptor: Int32
    /// Guards the two maps: a full load adds watches from several threads (`watchTree`).
    private let lock = NSLock()
    private var watches: [Int32: String] = [:]
    private var watched: [String: Int32] = [:]
    private let fallback: PollingSource
    private var pendingMessages: [String] = []
    private var reportedLimit = false

    static let mask = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB)

    /// nil when inotify is not available here (then use a PollingSource).
    public init?(pollInterval: TimeInterval = 2) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        fileDescriptor = fd
        fallback = PollingSource(interval: pollInterval)
    }

    deinit { close(fileDescriptor) }

    public var nextCheck: Date? { fallback.isEmpty ? nil : fallback.nextCheck }

    public var summary: String {
        let count = lock.withLock { watched.count }
        var parts = ["inotify \(count) folder" + (count == 1 ? "" : "s")]
        if !fallback.isEmpty { parts.append(fallback.summary) }
        return parts.joined(separator: " · ")
    }

    public func watch(_ directories: [String]) {
        let wanted = Set(directories)
        for (path, wd) in lock.withLock({ watched }) where !wanted.contains(path) {
            inotify_rm_watch(fileDescriptor, wd)
            lock.withLock {
                watched[path] = nil
                watches[wd] = nil
            }
        }
        var polled: [String] = []
        // Whether a folder is on a filesystem inotify cannot see into is asked of the kernel once
        // per tree (a folder below a checked one shares its answer): one statfs per folder cost
        // more than the watches themselves in a large workspace.
        var remote: [String: Bool] = [:]
        for directory in directories where lock.withLock({ watched[directory] == nil }) {
            let parent = WorkspacePaths.parent(directory)
            let isRemote = remote[parent] ?? (FilesystemKind.remote(directory) != nil)
            remote[directory] = isRemote
            if isRemote || !add(directory) { polled.append(directory) }
        }
        fallback.watch(polled)
    }

    public var watchesTreesWhileLoading: Bool { true }

    public func watchTree(_ folder: String, depth: Int) {
        let tree = WatchedFolders.tree(folder, depth: depth)
        // A tree on a filesystem inotify cannot see into is polled, as in `watch`.
        let remote = FilesystemKind.remote(folder) != nil
        var polled: [String] = []
        for directory in tree where lock.withLock({ watched[directory] == nil }) {
            if remote || !add(directory) { polled.append(directory) }
        }
        if !polled.isEmpty { lock.withLock { fallbackAdditions += polled } }
    }

    /// Folders `watchTree` could not watch (limit reached), handed to the poller on the next collect.
    private var fallbackAdditions: [String] = []

    /// False when the watch could not be added (limit reached, or the folder is gone).
    @discardableResult
    private func add(_ directory: String) -> Bool {
        let wd = inotify_add_watch(fileDescriptor, directory, InotifySource.mask | UInt32(IN_ONLYDIR))
        if wd < 0 {
            let failure = errno
            if failure == ENOSPC {
                lock.withLock {
                    if !reportedLimit {
                        reportedLimit = true
                        pendingMessages.append("inotify watch limit reached (fs.inotify.max_user_watches): polling the remaining folders")
                    }
                }
            }
            return failure != ENOENT && failure != ENOTDIR ? false : true
        }
        lock.withLock {
            watches[wd] = directory
            watched[directory] = wd
        }
        return true
    }

    public func collect(now: Date) -> ChangeBatch {
        let (messages, additions) = lock.withLock { () -> ([String], [String]) in
            defer { pendingMessages.removeAll(); fallbackAdditions.removeAll() }
            return (pendingMessages, fallbackAdditions)
        }
        if !additions.isEmpty { fallback.add(additions) }
        var batch = ChangeBatch(messages: messages)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let headerSize = MemoryLayout<inotify_event>.size
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            var offset = 0
            while offset + headerSize <= count {
                let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
                let nameLength = Int(event.len)
                let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + nameLength)].prefix { $0 != 0 }
                offset += headerSize + nameLength
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    batch.needsFullRescan = true
                    continue
                }
                guard let directory = lock.withLock({ watches[event.wd] }) else { continue }
                if event.mask & UInt32(IN_IGNORED) != 0 {
                    lock.withLock {
                        watches[event.wd] = nil
                        watched[directory] = nil
                    }
                    continue
                }
                let name = String(decoding: nameBytes, as: UTF8.self)
                let path = name.isEmpty ? directory : FileSystem.join(directory, name)
                batch.paths.insert(path)
                // A new folder: watch it (and what is already inside it) before anything else is missed.
                if event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    addRecursively(path, depth: 0, into: &batch)
                }
            }
        }
        batch.merge(fallback.collect(now: now))
        return batch
    }

    private func addRecursively(_ directory: String, depth: Int, into batch: inout ChangeBatch) {
        guard depth < WatchedFolders.maxDepth, lock.withLock({ watched[directory] == nil }), add(directory) else { return }
        for entry in FileSystem.entries(directory) {
            let path = FileSystem.join(directory, entry)
            batch.paths.insert(path)
            if FileSystem.isDirectory(path) { addRecursively(path, depth: depth + 1, into: &batch) }
        }
    }
}

/// Filesystems whose changes inotify does not report (written by another machine or by Windows).
public enum FilesystemKind {
    static let remoteTypes: [Int: String] = [
        0x6969: "nfs", 0xFF53_4D42: "cifs", 0xFE53_4D42: "smb2", 0x517B: "smb", 0x0102_1997: "9p",
        0x6573_5546: "fuse", 0x5346_414F: "afs", 0x0BD0_0BD0: "lustre",
    ]

    /// The filesystem's name when it is one that must be polled, else nil.
    public static func remote(_ path: String) -> String? {
        let type = hub_filesystem_type(path)
        return type < 0 ? nil : remoteTypes[type]
    }
}
