#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CHubSystem

/// Writes that other programs never see half-done: write a temporary file beside the target, fsync
/// it, rename it over the target, fsync the folder. And changes to files that others edit too, made
/// under an exclusive `flock` on `<file>.lock` (FORMATS.md "How the hub writes").
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var operation: String
        public var code: Int32

        public var description: String {
            "cannot \(operation) \(path): \(String(cString: strerror(code)))"
        }
    }

    /// `permissions` default: the existing file's (a rewrite keeps them), else 0644.
    public static func write(_ bytes: [UInt8], to path: String, permissions: mode_t? = nil) throws(Failure) {
        let temporary = try writeTemporary(bytes, for: path, permissions: permissions)
        try commit(temporary, to: path)
    }

    /// The first half of a write: the bytes in a synced temporary file beside `path`.
    static func writeTemporary(_ bytes: [UInt8], for path: String, permissions: mode_t? = nil) throws(Failure) -> String {
        var info = stat()
        let mode = permissions ?? (stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644)
        let directory = WorkspacePaths.parent(path)
        let name = WorkspacePaths.lastComponent(path)
        let temporary = FileSystem.join(directory, LeftoverFiles.temporaryName(for: name))
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if fd >= 0 { fchmod(fd, mode) }
        guard fd >= 0 else { throw Failure(path: path, operation: "create a temporary file for", code: errno) }
        var failure: Failure?
        if let code = WriteAll.write(fd, bytes) { failure = Failure(path: path, operation: "write", code: code) }
        if failure == nil && fsync(fd) != 0 { failure = Failure(path: path, operation: "sync", code: errno) }
        close(fd)
        if let failure {
            unlink(temporary)
            throw failure
        }
        return temporary
    }

    /// The second half: the temporary file renamed over `path`, the folder synced.
    static func commit(_ temporary: String, to path: String) throws(Failure) {
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw Failure(path: path, operation: "rename into place", code: code)
        }
        syncDirectory(WorkspacePaths.parent(path))
    }

    /// What identifies a file's content without reading it: device, inode, size, modification time.
    struct Identity: Equatable {
        var device: UInt, inode: UInt, size: Int, seconds: Int, nanoseconds: Int
        init?(_ path: String) {
            guard let info = FileSystem.status(path) else { return nil }
            device = UInt(info.st_dev); inode = UInt(info.st_ino); size = Int(info.st_size)
            seconds = info.st_mtim.tv_sec; nanoseconds = info.st_mtim.tv_nsec
        }
    }

    /// Another program replaced or changed the file while we worked on it (it took no lock), every
    /// time we tried: nothing was written, and saying so is the honest answer.
    public struct ChangedUnderneath: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path) kept changing while it was being updated (another program writes it without a lock); nothing was written — try again" }
    }

    static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Where the lock of `path` lives: beside it (the hub's own files, in its own folder), or in
    /// `locks` — the workspace's `.coderef/sessions-hub/locks` for files that belong to others
    /// (agents' communication.json, stubs), so that their folders and `git status` stay clean. The
    /// name holds the file's name and a hash of its full path: every hub on the machine that
    /// writes the same file takes the same lock.
    public static func lockPath(for path: String, locks: String?) -> String {
        guard let locks else { return path + ".lock" }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a: a stable name, not a security decision
        for byte in RootedPath.resolve(path).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let name = WorkspacePaths.lastComponent(path).unicodeScalars.map { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0))) ? Character($0) : "_" }
        return FileSystem.join(locks, String(String(name).prefix(64)) + "-" + String(hash, radix: 16) + ".lock")
    }

    /// Runs `body` while holding an exclusive lock on the file's lock (`lockPath`; created if needed,
    /// left in place: removing a lock file others may be waiting on would break their lock).
    public static func withLock<T>(on path: String, locks: String? = nil, _ body: () throws -> T) throws -> T {
        let lockPath = lockPath(for: path, locks: locks)
        if let locks { try makeFolders(locks) }
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: lockPath, operation: "open the lock file", code: errno) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw Failure(path: lockPath, operation: "lock", code: errno) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// `mkdir -p`: the folder and any missing parents (0755).
    static func makeFolders(_ path: String) throws(Failure) {
        guard !FileSystem.isDirectory(path) else { return }
        let parent = WorkspacePaths.parent(path)
        if parent != path, !parent.isEmpty { try makeFolders(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw Failure(path: path, operation: "make the folder", code: errno) }
    }

    /// Locked read-modify-write of a JSON file: only what `change` sets is rewritten (JSONDocument
    /// edits in place), everything else in the file — order, formatting, unknown fields — survives.
    /// Agents and editors write these files without our lock, so the file must still be the one that
    /// was read when ours goes into place: checked just before, and again on what the swap took out
    /// (RENAME_EXCHANGE puts ours in and theirs at the temporary name in one step; if theirs is not
    /// what was read, it goes back and the change is made again on it). After `attempts` it gives up.
    /// The identity of what was written is kept in the lock file, so a later check can tell a locked
    /// writer's change (another hub) from an unlocked one's.
    @discardableResult
    public static func update(_ path: String, locks: String? = nil, attempts: Int = 8, _ change: (inout JSONDocument) throws -> Void) throws -> JSONDocument {
        try withLock(on: path, locks: locks) {
            for _ in 0..<attempts {
                let before = Identity(path)
                let bytes = try FileSystem.read(path)
                var document = try JSONDocument(bytes: bytes)
                try change(&document)
                let temporary = try writeTemporary(document.bytes, for: path)
                guard Identity(path) == before, before != nil else {
                    unlink(temporary)
                    continue
                }
                guard try swapIntoPlace(temporary, path, expecting: before) else { continue }
                recordLockedWrite(path, locks: locks)
                return document
            }
            throw ChangedUnderneath(path: path)
        }
    }

    /// Puts `temporary` in place of `path` when what was there is still `expected`; false (nothing
    /// changed) when an unlocked writer replaced it in the meantime.
    static func swapIntoPlace(_ temporary: String, _ path: String, expecting expected: Identity?) throws(Failure) -> Bool {
        guard hub_rename_exchange(temporary, path) == 0 else {
            if errno == EINVAL || errno == ENOSYS {
                // A filesystem without exchange: the check just before is the best there is.
                try commit(temporary, to: path)
                return true
            }
            let code = errno
            unlink(temporary)
            throw Failure(path: path, operation: "rename into place", code: code)
        }
        if Identity(temporary) != expected {
            // Theirs arrived between the check and the swap: put it back, untouched.
            hub_rename_exchange(temporary, path)
            unlink(temporary)
            return false
        }
        unlink(temporary)
        syncDirectory(WorkspacePaths.parent(path))
        return true
    }

    /// The identity of the file a locked write just put in place, kept in its lock file.
    static func recordLockedWrite(_ path: String, locks: String?) {
        guard let identity = Identity(path) else { return }
        let fd = open(lockPath(for: path, locks: locks), O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let text = Array("\(identity.device) \(identity.inode) \(identity.size) \(identity.seconds) \(identity.nanoseconds)\n".utf8)
        if ftruncate(fd, 0) == 0 { _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) } }
    }

    /// True when the file is still the one the last locked write left (call it holding the lock):
    /// any change since was made by a locked writer, never by one that ignores the lock.
    static func isLastLockedWrite(_ path: String, locks: String?) -> Bool {
        guard let identity = Identity(path), let bytes = try? FileSystem.read(lockPath(for: path, locks: locks)) else { return false }
        let fields = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        return fields.map(String.init) == ["\(identity.device)", "\(identity.inode)", "\(identity.size)", "\(identity.seconds)", "\(identity.nanoseconds)"]
    }
}
