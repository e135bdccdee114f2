import Foundation

/// The few file-system questions loading asks, in one place so that paths are handled alike.
enum FileSystem {
    /// Files bigger than this are reported, not read: a runaway log must not freeze the hub.
    static let maxReadBytes = 64 * 1024 * 1024

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    static func isFile(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Names in a folder, sorted so that loading is deterministic; empty when it cannot be read.
    static func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    static func subdirectories(_ path: String) -> [String] {
        entries(path).filter { !$0.hasPrefix(".") && isDirectory(join(path, $0)) }
    }

    static func join(_ base: String, _ name: String) -> String {
        if base.isEmpty { return name }
        return base.hasSuffix("/") ? base + name : base + "/" + name
    }

    /// Last modification time, nil when the file cannot be examined.
    static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    static func size(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
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

    static func read(_ path: String) throws(ReadError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(isDirectory(path) ? "it is a folder" : (exists(path) ? "permission denied" : "it does not exist"))
        }
        defer { try? handle.close() }
        if let size = size(path), size > maxReadBytes { throw .tooLarge(size) }
        do {
            let data = try handle.readToEnd() ?? Data()
            return [UInt8](data)
        } catch {
            throw .unreadable(error.localizedDescription)
        }
    }
}

/// Reads and parses a JSON file, turning every failure into a problem for that file.
enum JSONFile {
    static func load(_ absolutePath: String, displayPath: String, log: ProblemLog) -> JSONValue? {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(absolutePath)
        } catch {
            log.add(displayPath, "\(error)")
            return nil
        }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            log.add(displayPath, "not valid JSON: \(error)")
            return nil
        }
    }
}
