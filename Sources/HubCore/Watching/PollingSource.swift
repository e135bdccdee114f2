import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Stat-based change detection (mtime, size, inode) for folders inotify cannot watch, or for
/// everything with `--poll`. Each check lists the folders and stats their entries: cheap for the
/// few hundred files of a workspace.
public final class PollingSource: ChangeSource {
    struct Stamp: Equatable {
        var modified: Int
        var nanoseconds: Int
        var size: Int
        var inode: UInt
    }

    public let interval: TimeInterval
    public var fileDescriptor: Int32 { -1 }
    public private(set) var nextCheck: Date?
    private var directories: [String] = []
    private var stamps: [String: Stamp] = [:]

    public init(interval: TimeInterval) {
        self.interval = max(0.05, interval)
    }

    var isEmpty: Bool { directories.isEmpty }

    public var summary: String {
        let kinds = Set(directories.compactMap(FilesystemKind.remote)).sorted()
        return "polling \(directories.count) folder" + (directories.count == 1 ? "" : "s") + (kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))")
    }

    public func watch(_ directories: [String]) {
        self.directories = directories
        stamps = scan()
        nextCheck = directories.isEmpty ? nil : Date().addingTimeInterval(interval)
    }

    /// More folders to poll, keeping what is known of the others.
    func add(_ more: [String]) {
        directories += more
        for directory in more {
            if let stamp = PollingSource.stamp(directory) { stamps[directory] = stamp }
            for entry in FileSystem.entries(directory) {
                let path = FileSystem.join(directory, entry)
                if let stamp = PollingSource.stamp(path) { stamps[path] = stamp }
            }
        }
        if nextCheck == nil { nextCheck = Date().addingTimeInterval(interval) }
    }

    public func collect(now: Date) -> ChangeBatch {
        guard let due = nextCheck, due <= now else { return ChangeBatch() }
        let current = scan()
        var changed = Set<String>()
        for (path, stamp) in current where stamps[path] != stamp { changed.insert(path) }
        for path in stamps.keys where current[path] == nil { changed.insert(path) }
        stamps = current
        nextCheck = now.addingTimeInterval(interval)
        return ChangeBatch(paths: changed)
    }

    private func scan() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for directory in directories {
            if let stamp = PollingSource.stamp(directory) { result[directory] = stamp }
            for entry in FileSystem.entries(directory) {
                let path = FileSystem.join(directory, entry)
                if let stamp = PollingSource.stamp(path) { result[path] = stamp }
            }
        }
        return result
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Stamp(modified: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, size: Int(info.st_size), inode: UInt(info.st_ino))
    }
}
