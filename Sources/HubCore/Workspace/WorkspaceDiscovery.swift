import Foundation

/// Finds the workspace root: the first folder, walking up from a start folder, that holds
/// `.coderef/` or `coderef/`.
public enum WorkspaceDiscovery {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notFound(start: String)
        case rootMissing(String)
        case rootNotADirectory(String)

        public var description: String {
            switch self {
            case .notFound(let start):
                return "no workspace found: neither \(start) nor any folder above it holds .coderef/ or coderef/ (use --root DIR)"
            case .rootMissing(let path): return "workspace root does not exist: \(path)"
            case .rootNotADirectory(let path): return "workspace root is not a folder: \(path)"
            }
        }
    }

    public static func isWorkspace(_ directory: String) -> Bool {
        FileSystem.isDirectory(FileSystem.join(directory, ".coderef")) || FileSystem.isDirectory(FileSystem.join(directory, "coderef"))
    }

    /// Walks up from `start` (absolute) to `/`.
    public static func discover(from start: String) throws(Failure) -> String {
        var directory = WorkspacePaths.standardize(start)
        while true {
            if isWorkspace(directory) { return directory }
            if directory == "/" { break }
            directory = WorkspacePaths.parent(directory)
        }
        throw .notFound(start: start)
    }

    /// `--root DIR` when given (must exist, need not hold coderef/ yet), else discovery from `cwd`.
    public static func resolveRoot(explicit: String?, cwd: String = FileManager.default.currentDirectoryPath) throws(Failure) -> String {
        guard let explicit else { return try discover(from: cwd) }
        let absolute = WorkspacePaths.standardize(explicit.hasPrefix("/") ? explicit : FileSystem.join(cwd, explicit))
        guard FileSystem.exists(absolute) else { throw .rootMissing(explicit) }
        guard FileSystem.isDirectory(absolute) else { throw .rootNotADirectory(explicit) }
        return absolute
    }
}
