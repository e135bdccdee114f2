import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few file-system questions loading asks, in one place so that paths are handled alike.
enum FileSystem {
    /// Files bigger than this are reported, not read: a runaway log must not freeze the hub.
    static let maxReadBytes = 64 * 1024 * 1024

    /// stat(2) directly: FileManager's attribute dictionaries cost more than the loading itself.
    static func status(_ path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    static func isDirectory(_ path: String) -> Bool {
        guard let info = status(path) else { return false }
        return info.st_mode & S_IFMT == S_IFDIR
    }

    static func isFile(_ path: String) -> Bool {
        guard let info = status(path) else { return false }
        return info.st_mode & S_IFMT != S_IFDIR
    }

    static func exists(_ path: String) -> Bool { status(path) != nil }

    /// Why a name that should be a file is not one, when it exists in some other form: a folder, a
    /// link to nowhere, a link loop. nil when it is a file or is simply absent.
    static func notAFile(_ path: String) -> String? {
        var link = stat()
        guard lstat(path, &link) == 0 else { return nil }
        var target = stat()
        if stat(path, &target) != 0 {
            return errno == ELOOP ? "a symbolic link loop; not followed" : "a symbolic link to nothing (\(String(cString: strerror(errno))))"
        }
        return target.st_mode & S_IFMT == S_IFDIR ? "a folder, where a file was expected" : nil
    }

    /// Names in a folder, sorted so that loading is deterministic; empty when it cannot be read.
    static func entries(_ path: String) -> [String] {
        listing(path).map(\.name)
    }

    /// `unreadable` hears why a folder that exists could not be listed (errno).
    static func subdirectories(_ path: String, unreadable: ((Int32) -> Void)? = nil) -> [String] {
        listing(path, unreadable: unreadable).filter { entry in
            guard !entry.name.hasPrefix(".") else { return false }
            // d_type answers without a stat, except on filesystems that leave it unknown (or links).
            if entry.type == UInt8(DT_DIR) { return true }
            if entry.type == UInt8(DT_UNKNOWN) || entry.type == UInt8(DT_LNK) { return isDirectory(join(path, entry.name)) }
            return false
        }.map(\.name)
    }

    /// Names and d_type of a folder's entries, sorted by name (so loading is deterministic);
    /// empty when the folder cannot be read.
    static func listing(_ path: String, unreadable: ((Int32) -> Void)? = nil) -> [(name: String, type: UInt8)] {
        guard let directory = opendir(path) else {
            if errno != ENOENT && errno != ENOTDIR { unreadable?(errno) }
            return []
        }
        defer { closedir(directory) }
        var result: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            result.append((name, entry.pointee.d_type))
        }
        return result.sorted { $0.name < $1.name }
    }

    static func join(_ base: String, _ name: String) -> String {
        if base.isEmpty { return name }
        return base.hasSuffix("/") ? base + name : base + "/" + name
    }

    /// Last modification time, nil when the file cannot be examined.
    static func modified(_ path: String) -> Date? {
        guard let info = status(path) else { return nil }
        return Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    static func size(_ path: String) -> Int? {
        status(path).map { Int($0.st_size) }
    }

    enum ReadError: Error, CustomStringConvertible {
        case unreadable(String)
        case tooLarge(Int)

        var description: String {
            switch self {
            case .unreadable(let why): return "cannot be read (\(why))"
            case .tooLarge(let bytes): return "is too large to read (\(bytes / (1024 * 1024)) MB; the limit is \(maxReadBytes / (1024 * 1024)) MB)"
            }
        }
    }

    /// Only regular files are read: opening never blocks (a FIFO named communication.json would wait
    /// for a writer forever), and anything that is not a regular file after opening (a FIFO, a link to
    /// /dev/zero, a socket) is refused with its kind. The caller closes the descriptor.
    private static func openRegular(_ path: String) throws(ReadError) -> (fd: Int32, info: stat) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            throw .unreadable(errno == ENOENT ? "it does not exist" : (errno == EACCES ? "permission denied" : String(cString: strerror(errno))))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw .unreadable(why)
        }
        let kind: String?
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = nil
        case S_IFDIR: kind = "it is a folder"
        case S_IFIFO: kind = "not a regular file: a FIFO"
        case S_IFCHR, S_IFBLK: kind = "not a regular file: a device"
        case S_IFSOCK: kind = "not a regular file: a socket"
        default: kind = "not a regular file"
        }
        if let kind {
            close(fd)
            throw .unreadable(kind)
        }
        return (fd, info)
    }

    /// The last `count` bytes of a regular file (all of it when it is shorter), starting after a
    /// newline when it was cut, so a log of lines can be read and trimmed however large it grew.
    static func readTail(_ path: String, count: Int) throws(ReadError) -> (bytes: [UInt8], cut: Bool) {
        let (fd, info) = try openRegular(path)
        defer { close(fd) }
        let size = Int(info.st_size)
        let start = max(0, size - count)
        var buffer = [UInt8](repeating: 0, count: size - start)
        var filled = 0
        while filled < buffer.count {
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(start + filled)) }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            if got == 0 { break }
            filled += got
        }
        buffer.removeLast(buffer.count - filled)
        guard start > 0 else { return (buffer, false) }
        let from = buffer.firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? buffer.count
        return (Array(buffer[from...]), true)
    }

    static func read(_ path: String) throws(ReadError) -> [UInt8] {
        let (fd, info) = try openRegular(path)
        defer { close(fd) }
        if Int(info.st_size) > maxReadBytes { throw .tooLarge(Int(info.st_size)) }
        // The size is a hint (the file may be growing or shrinking right now): read until EOF,
        // doubling the buffer when it fills, so a read is linear in the file's length.
        var capacity = max(4096, Int(info.st_size) + 1)
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
        defer { buffer.deallocate() }
        var filled = 0
        while true {
            if filled == capacity {
                let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity * 2, alignment: 1)
                bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: filled)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let count = Glibc.read(fd, buffer.baseAddress! + filled, capacity - filled)
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EISDIR { throw .unreadable("it is a folder") }
                throw .unreadable(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
            if filled > maxReadBytes { throw .tooLarge(filled) }
        }
        return [UInt8](UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
    }
}

/// Reading a file for a person (the viewer, a preview): the same never-blocking, regular-files-only
/// read as loading, cut at `limit` bytes; a failure is a sentence.
public enum SafeRead {
    public static func text(_ path: String, limit: Int) -> String {
        do {
            let bytes = try FileSystem.read(path)
            let text = String(decoding: bytes.prefix(limit), as: UTF8.self)
            return bytes.count > limit ? text + "\n(… cut at \(limit / 1024) KB)" : text
        } catch {
            return "(\(WorkspacePaths.lastComponent(path)) \(error))"
        }
    }
}

/// A folder as the kernel knows it (device and inode), whatever path reached it.
struct FolderIdentity: Hashable {
    var device: UInt
    var inode: UInt

    init?(_ path: String) {
        guard let info = FileSystem.status(path) else { return nil }
        device = UInt(info.st_dev)
        inode = UInt(info.st_ino)
    }
}

/// Where a byte sequence stops being UTF-8 (nil when it is all valid): such text is still read, with
/// replacement characters, and reported with the offset so that a person can find it.
enum UTF8Check {
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            if byte & 0xE0 == 0xC0 && byte >= 0xC2 { length = 2 }
            else if byte & 0xF0 == 0xE0 { length = 3 }
            else if byte & 0xF8 == 0xF0 && byte <= 0xF4 { length = 4 }
            else { return index }
            guard index + length <= count else { return index }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            if length == 3 {
                let second = bytes[index + 1]
                if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second >= 0xA0) { return index }
            }
            if length == 4 {
                let second = bytes[index + 1]
                if (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second >= 0x90) { return index }
            }
            index += length
        }
        return nil
    }
}

/// What a file is at a moment (its inode, size and change time): equal stamps mean the bytes are
/// the ones read then, so a file the hub wrote itself need not be read back.
public struct FileStamp: Equatable, Sendable {
    var device: UInt
    var inode: UInt
    var size: Int
    var changedNanoseconds: Int

    public init?(_ path: String) {
        guard let info = FileSystem.status(path) else { return nil }
        device = UInt(info.st_dev)
        inode = UInt(info.st_ino)
        size = Int(info.st_size)
        changedNanoseconds = Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)
    }
}
