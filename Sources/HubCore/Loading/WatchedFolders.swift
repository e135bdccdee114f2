import Foundation

/// The folders a workspace's live view watches: the stub folders, the session folders (each session
/// and everything below it, bounded in depth) and the folders that hold them, so new ones are seen.
public enum WatchedFolders {
    public static let maxDepth = 4

    /// Depth of a stub folder (`<stubs dir>/<feature>`) and of a session folder in the walk below.
    public static let stubFolderDepth = 3
    public static let sessionFolderDepth = 1

    public static func of(_ layout: WorkspaceLayout) -> [String] {
        collect(layout, trees: true)
    }

    /// Only the folders that hold stub and session folders (and their parents): what must be
    /// watched before a load starts; the load watches each stub and session folder as it reads it.
    public static func frame(_ layout: WorkspaceLayout) -> [String] {
        collect(layout, trees: false)
    }

    /// The folders of the workorder plans the last load found (each plan's folder and the
    /// `coderef/workorder` folder that holds it, where new plans appear), also in the agents'
    /// projects outside the workspace. A change there is read by a full reload (plans change rarely).
    public static func workorders(_ snapshot: WorkspaceSnapshot, layout: WorkspaceLayout) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for plan in snapshot.workorders {
            let folder = WorkspacePaths.parent(plan.path.hasPrefix("/") ? plan.path : layout.absolute(plan.path))
            for path in [WorkspacePaths.parent(folder), folder] where seen.insert(path).inserted && FileSystem.isDirectory(path) {
                result.append(path)
            }
        }
        return result
    }

    /// Everything to watch in and below `folder`, which sits at `depth` of the walk.
    public static func tree(_ folder: String, depth: Int) -> [String] {
        var result: [String] = []
        func walk(_ path: String, depth: Int) {
            result.append(path)
            guard depth < maxDepth else { return }
            for name in FileSystem.subdirectories(path) where name != ".git" && name != "node_modules" {
                walk(FileSystem.join(path, name), depth: depth + 1)
            }
        }
        if FileSystem.isDirectory(folder) { walk(folder, depth: depth) }
        return result
    }

    static func collect(_ layout: WorkspaceLayout, trees: Bool) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        func add(_ path: String) { if seen.insert(path).inserted { result.append(path) } }
        // Children come from `subdirectories` (readdir's d_type), so only the start is stat'ed.
        func walk(_ path: String, depth: Int, known: Bool = false) {
            guard known || FileSystem.isDirectory(path) else { return }
            add(path)
            guard depth < maxDepth else { return }
            for name in FileSystem.subdirectories(path) where name != ".git" && name != "node_modules" {
                walk(FileSystem.join(path, name), depth: depth + 1, known: true)
            }
        }
        // The parents (`.coderef/`, `coderef/`) so that a sessions folder created later is noticed.
        for location in layout.sessionDirectories + layout.stubDirectories + layout.archivedStubDirectories {
            let folder = layout.absolute(location)
            var parent = WorkspacePaths.parent(folder)
            while NameValidator.isInside(parent, root: layout.root) && !FileSystem.isDirectory(folder) {
                if FileSystem.isDirectory(parent) { add(parent); break }
                parent = WorkspacePaths.parent(parent)
            }
            if FileSystem.isDirectory(folder) { add(WorkspacePaths.parent(folder)) }
        }
        // Markdown stubs: a change there is rare and read by a full reload (IncrementalReload).
        for location in [MarkdownStub.folder, MarkdownStub.folder + "/archived"] where FileSystem.isDirectory(layout.absolute(location)) {
            add(layout.absolute(location))
        }
        if trees {
            for location in layout.stubDirectories + layout.archivedStubDirectories { walk(layout.absolute(location), depth: 2) }
            for location in layout.sessionDirectories { walk(layout.absolute(location), depth: 0) }
        } else {
            for location in layout.stubDirectories + layout.archivedStubDirectories where FileSystem.isDirectory(layout.absolute(location)) {
                add(layout.absolute(location))
            }
            for location in layout.sessionDirectories where FileSystem.isDirectory(layout.absolute(location)) {
                let folder = layout.absolute(location)
                add(folder)
                let archive = FileSystem.join(folder, layout.archiveFolderName)
                if FileSystem.isDirectory(archive) { add(archive) }
            }
        }
        let handoffs = WorkspacePaths.parent(FileSystem.join(layout.root, HandoffLog.relativePath))
        if FileSystem.isDirectory(handoffs) { add(handoffs) }
        return result
    }
}
