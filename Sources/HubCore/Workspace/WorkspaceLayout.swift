/// Where a workspace keeps things. Every location is configurable (flags now, config file later)
/// because real users keep stubs in one project and sessions in another. Relative locations are
/// relative to the root; absolute ones are used as they are.
public struct WorkspaceLayout: Equatable, Sendable {
    public var root: String
    public var stubDirectories: [String]
    public var archivedStubDirectories: [String]
    /// Several session folders may be read at once; each may hold an `archived/` folder.
    public var sessionDirectories: [String]
    public var workorderDirectories: [String]
    /// Folders that hold the agents' project folders (`[workspace] projects`, `--projects-dir`):
    /// searched a few levels deep for `coderef/workorder/*/plan.json`. Agents' own project folders
    /// (by `agent_path`, or its last component beside the workspace) are found without them.
    public var projectDirectories: [String] = []
    /// Name of the folder inside a sessions directory that holds archived sessions.
    public var archiveFolderName: String

    public static let defaultStubDirectories = ["coderef/working"]
    public static let defaultArchivedStubDirectories = ["coderef/archived"]
    public static let defaultSessionDirectories = [".coderef/sessions", "coderef/sessions"]
    public static let defaultWorkorderDirectories = ["coderef/workorder"]

    public init(
        root: String,
        stubDirectories: [String] = defaultStubDirectories,
        archivedStubDirectories: [String] = defaultArchivedStubDirectories,
        sessionDirectories: [String] = defaultSessionDirectories,
        workorderDirectories: [String] = defaultWorkorderDirectories,
        archiveFolderName: String = "archived"
    ) {
        self.root = WorkspacePaths.standardize(root)
        self.stubDirectories = stubDirectories
        self.archivedStubDirectories = archivedStubDirectories
        self.sessionDirectories = sessionDirectories
        self.workorderDirectories = workorderDirectories
        self.archiveFolderName = archiveFolderName
    }

    /// A configured location as an absolute path.
    public func absolute(_ location: String) -> String {
        location.hasPrefix("/") ? WorkspacePaths.standardize(location) : WorkspacePaths.standardize(FileSystem.join(root, location))
    }

    /// A path for people and for `--json`: relative to the root when inside it.
    public func display(_ absolutePath: String) -> String {
        WorkspacePaths.relative(absolutePath, to: root)
    }
}

/// Small pure path helpers (no Foundation path APIs: they differ between platforms).
public enum WorkspacePaths {
    /// Removes `.` and empty components and resolves `..` lexically; keeps a leading `/`.
    public static func standardize(_ path: String) -> String {
        if isStandard(path) { return path }
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == ".." && absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// True when `standardize` would return the path unchanged: no empty, `.` or `..` component and
    /// no trailing slash (checked on bytes: loading asks this for every path it resolves).
    static func isStandard(_ path: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "/")
        var dots = 0
        var componentLength = 0
        var isFirst = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if previous == UInt8(ascii: "/") && !isFirst { return false }
                if componentLength > 0 && dots == componentLength && dots <= 2 { return false }
                dots = 0
                componentLength = 0
            } else {
                componentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
            isFirst = false
            previous = byte
        }
        if path.isEmpty || previous == UInt8(ascii: "/") { return path == "/" }
        return !(dots == componentLength && dots <= 2)
    }

    public static func relative(_ path: String, to root: String) -> String {
        if path == root { return "." }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    public static func lastComponent(_ path: String) -> String {
        path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
    }

    public static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// True for `C:\...` and `C:/...`.
    public static func isWindowsAbsolute(_ path: String) -> Bool {
        let bytes = Array(path.utf8.prefix(3))
        guard bytes.count == 3 else { return false }
        let letter = bytes[0] | 0x20
        return letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z") && bytes[1] == UInt8(ascii: ":")
            && (bytes[2] == UInt8(ascii: "\\") || bytes[2] == UInt8(ascii: "/"))
    }
}
