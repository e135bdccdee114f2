import Foundation

/// Every path the hub writes or deletes must lie inside the workspace root once links are followed:
/// a workspace from someone else's repository can hold a link (`.coderef/sessions-hub -> /home/you`,
/// `coderef/sessions/x -> ../../elsewhere`) that would carry a write out of it.
public enum RootedPath {
    public struct Outside: Error, Equatable, CustomStringConvertible {
        public var path: String
        public var resolved: String
        public var root: String

        public var description: String {
            "\(TerminalText.sanitize(path)) leads outside the workspace (to \(TerminalText.sanitize(resolved)), through a link); the hub writes and deletes only inside \(TerminalText.sanitize(root)), so nothing was done"
        }
    }

    /// `path` with every link in its existing part resolved, when that lies inside `root` (also
    /// resolved); else `Outside`. The part that does not exist yet is kept as written (it may not
    /// climb with `..`).
    @discardableResult
    public static func inside(_ path: String, root: String) throws(Outside) -> String {
        let realRoot = resolve(root)
        let resolved = resolve(path)
        guard NameValidator.isInside(resolved, root: realRoot) else {
            throw Outside(path: path, resolved: resolved, root: root)
        }
        return resolved
    }

    public static func isInside(_ path: String, root: String) -> Bool {
        (try? inside(path, root: root)) != nil
    }

    /// The path with links resolved as far as it exists, then the rest appended.
    static func resolve(_ path: String) -> String {
        var existing = WorkspacePaths.standardize(path)
        var rest: [String] = []
        while true {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return rest.reversed().reduce(base) { FileSystem.join($0, $1) }
            }
            let parent = WorkspacePaths.parent(existing)
            // A dangling link is resolved to where it points (a write through it would land there).
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: existing) {
                let absolute = target.hasPrefix("/") ? target : FileSystem.join(parent, target)
                if absolute != existing, rest.count < 40 {
                    return rest.reversed().reduce(resolve(absolute)) { FileSystem.join($0, $1) }
                }
            }
            guard parent != existing, !parent.isEmpty else { return rest.reversed().reduce(existing) { FileSystem.join($0, $1) } }
            rest.append(WorkspacePaths.lastComponent(existing))
            existing = parent
        }
    }
}

/// The hub's own folder in a workspace (`.coderef/sessions-hub`: history, hand-offs, journals),
/// checked to resolve inside the root before anything is written there.
public enum HubStateFolder {
    public static let relativePath = ".coderef/sessions-hub"

    /// The file `name` in the hub's folder, when the folder stays inside the root.
    public static func file(_ name: String, root: String) throws(RootedPath.Outside) -> String {
        let path = FileSystem.join(FileSystem.join(root, relativePath), name)
        try RootedPath.inside(path, root: root)
        return path
    }

    /// The folder for the locks of files others own (`AtomicFile.lockPath`), when it stays inside
    /// the root; nil otherwise (the lock then goes beside the file, as before).
    public static func locks(root: String) -> String? {
        try? file("locks", root: root)
    }

    /// The same, with the folder made when it is missing.
    public static func prepare(_ name: String, root: String) throws -> String {
        let path = try file(name, root: root)
        try FileManager.default.createDirectory(atPath: WorkspacePaths.parent(path), withIntermediateDirectories: true)
        // Made now: checked again, in case a link appeared in the meantime.
        try RootedPath.inside(path, root: root)
        return path
    }
}
