import Foundation

/// When each file of a workspace kept in git was last committed, for the files whose bytes are still
/// those of the last commit. A `git clone`, `pull` or `rsync` gives every file a new modification
/// time; the commit's time is the same in every copy, so ages read the same after a clone.
///
/// Read with plumbing commands only (`rev-parse`, `ls-tree`, `hash-object --no-filters`, `log`), under
/// a deadline, with the repository's own commands switched off (fsmonitor, hooks, signature checks,
/// diff drivers): the workspace is someone else's repository, and nothing in it may run. Immutable;
/// compared by identity (a snapshot holds it; it is read again only with a full load).
public final class GitFileTimes: @unchecked Sendable, Equatable {
    /// Absolute path → the time of the last commit that changed it (files unchanged since only).
    private let committed: [String: Date]
    /// When the repository was read: a file modified after this may differ from its commit.
    private let readAt: Date

    public static let none = GitFileTimes(committed: [:], readAt: .distantPast)

    init(committed: [String: Date], readAt: Date) {
        self.committed = committed
        self.readAt = readAt
    }

    public static func == (lhs: GitFileTimes, rhs: GitFileTimes) -> Bool { lhs === rhs }

    public var isEmpty: Bool { committed.isEmpty }

    /// The time a file last changed as far as anyone can tell from outside it: its last commit when
    /// its bytes are the commit's (and it was not touched since the repository was read), else its
    /// modification time; nil when it does not exist.
    public func changed(_ absolutePath: String) -> Date? {
        let modified = FileSystem.modified(absolutePath)
        if let commit = committed[absolutePath], let modified, modified <= readAt { return commit }
        return modified
    }

    /// The files under `folders` (relative to `root`) in the repository that holds `root`; `.none`
    /// when `root` is in no repository, git is missing, or it does not answer within `timeout`.
    public static func read(root: String, folders: [String], environment: [String: String], timeout: TimeInterval = 3) -> GitFileTimes {
        guard let reader = GitReader(environment: environment, timeout: timeout) else { return .none }
        let started = Date()
        func ask(_ arguments: [String], in folder: String, input: [UInt8]? = nil) -> [UInt8]? { reader.ask(arguments, in: folder, input: input) }
        guard let located = ask(["rev-parse", "--show-toplevel", "--show-prefix"], in: root) else { return .none }
        let lines = String(decoding: located, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2, !lines[0].isEmpty else { return .none }
        let top = lines[0], prefix = lines[1]
        let pathspecs = folders.map { prefix + $0 }
        // Keyed by the root as the loader spells it (git names the top with links resolved).
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        func underRoot(_ path: String) -> String? { path.hasPrefix(prefix) ? base + "/" + path.dropFirst(prefix.count) : nil }
        guard !pathspecs.isEmpty else { return .none }

        // What HEAD holds: path → blob id.
        guard let tree = ask(["ls-tree", "-r", "-z", "--full-tree", "HEAD", "--"] + pathspecs, in: top) else { return .none }
        var blobs: [(path: String, id: String)] = []
        for entry in tree.split(separator: 0) {
            guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let header = entry[entry.startIndex..<tab].split(separator: UInt8(ascii: " "))
            let path = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard header.count == 3, header[1].elementsEqual("blob".utf8), !path.contains("\n"), let absolute = underRoot(path), FileSystem.isFile(absolute) else { continue }
            blobs.append((path, String(decoding: header[2], as: UTF8.self)))
        }
        guard !blobs.isEmpty else { return .none }

        // Which of them still hold those bytes (hashed as stored, no filters run).
        let input = Array(blobs.compactMap { underRoot($0.path) }.joined(separator: "\n").utf8) + [UInt8(ascii: "\n")]
        guard let hashed = ask(["hash-object", "--no-filters", "--stdin-paths"], in: top, input: input) else { return .none }
        let ids = String(decoding: hashed, as: UTF8.self).split(separator: "\n").map(String.init)
        guard ids.count == blobs.count else { return .none }
        var unchanged = Set<String>()
        for (blob, id) in zip(blobs, ids) where blob.id == id { unchanged.insert(blob.path) }
        guard !unchanged.isEmpty else { return .none }

        // The newest commit that touched each of them (the log lists newest first).
        guard let log = ask(["log", "-z", "--name-only", "--no-renames", "--no-ext-diff", "--no-textconv", "--format=%x01%ct", "--"] + pathspecs, in: top) else { return .none }
        var committed: [String: Date] = [:]
        var current: Date?
        for field in log.split(separator: 0) {
            var token = field[...]
            while token.first == UInt8(ascii: "\n") { token = token.dropFirst() }
            if token.first == 0x01 {
                current = Double(String(decoding: token.dropFirst(), as: UTF8.self)).map { Date(timeIntervalSince1970: $0) }
                continue
            }
            guard let current, !token.isEmpty else { continue }
            let path = String(decoding: token, as: UTF8.self)
            guard unchanged.contains(path), let absolute = underRoot(path) else { continue }
            if committed[absolute] == nil { committed[absolute] = current }
        }
        return GitFileTimes(committed: committed, readAt: started)
    }
}
