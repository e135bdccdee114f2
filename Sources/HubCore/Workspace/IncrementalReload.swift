/// Live updates re-read only what changed: the session folders and stub folders that hold the changed
/// paths. Anything the reload cannot place (a configured folder itself, a workorder) means a full scan.
extension WorkspaceLoader {
    public func reload(changed paths: Set<String>, previous: WorkspaceSnapshot) -> WorkspaceSnapshot {
        var sessionFolders = Set<String>()
        var stubFolders: [String: Bool] = [:]
        var handoffs = false
        let sessionDirectories = unique(layout.sessionDirectories.map(layout.absolute))
        let stubDirectories = unique(layout.stubDirectories.map(layout.absolute)).map { ($0, false) }
            + unique(layout.archivedStubDirectories.map(layout.absolute)).map { ($0, true) }
        let handoffFolder = WorkspacePaths.parent(FileSystem.join(layout.root, HandoffLog.relativePath))

        pathLoop: for path in paths {
            if path.hasPrefix(handoffFolder + "/") || path == handoffFolder {
                handoffs = true
                continue
            }
            for directory in sessionDirectories {
                guard let parts = components(path, under: directory) else { continue }
                guard let first = parts.first else { return load() }
                var folder = FileSystem.join(directory, first)
                if first == layout.archiveFolderName {
                    guard parts.count >= 2 else { return load() }
                    folder = FileSystem.join(folder, parts[1])
                }
                let known = previous.sessions.contains { $0.absolutePath == folder || $0.absolutePath.hasPrefix(folder + "/") }
                if FileSystem.isDirectory(folder) || known { sessionFolders.insert(folder) }
                continue pathLoop
            }
            for (directory, archived) in stubDirectories {
                guard let parts = components(path, under: directory) else { continue }
                guard let first = parts.first else { return load() }
                stubFolders[FileSystem.join(directory, first)] = archived
                continue pathLoop
            }
            // A parent of a configured folder (`.coderef/` gaining `sessions/`) or anything else: start over.
            return load()
        }

        var snapshot = previous
        let log = ProblemLog()
        func owned(_ displayPath: String, by folders: [String]) -> Bool {
            folders.contains { displayPath == $0 || displayPath.hasPrefix($0 + "/") }
        }

        if !sessionFolders.isEmpty {
            let shown = sessionFolders.map(layout.display)
            snapshot.sessions.removeAll { owned($0.path, by: shown) }
            snapshot.problems.removeAll { owned($0.path, by: shown) }
            let loader = SessionLoader(layout: layout, resolver: resolver, log: log)
            for folder in sessionFolders.sorted() where FileSystem.isDirectory(folder) {
                let parent = WorkspacePaths.parent(folder)
                let archived = WorkspacePaths.lastComponent(parent) == layout.archiveFolderName
                    && !sessionDirectories.contains(parent)
                snapshot.sessions += loader.loadSession(folder, name: WorkspacePaths.lastComponent(folder), archived: archived, parent: nil)
            }
            snapshot.sessions = SessionPhases.assign(snapshot.sessions).sorted { $0.path < $1.path }
            snapshot.features = SessionPhases.timelines(snapshot.sessions)
        }

        if !stubFolders.isEmpty {
            let shown = stubFolders.keys.map(layout.display)
            snapshot.stubs.removeAll { owned($0.path, by: shown) }
            snapshot.workorders.removeAll { owned($0.path, by: shown) }
            snapshot.problems.removeAll { owned($0.path, by: shown) }
            for (folder, archived) in stubFolders.sorted(by: { $0.key < $1.key }) where FileSystem.isDirectory(folder) {
                scanStubFolder(folder, name: WorkspacePaths.lastComponent(folder), archived: archived, log: log, stubs: &snapshot.stubs) { path, fallbackId in
                    guard FileSystem.isFile(path) else { return }
                    let display = layout.display(path)
                    if let value = JSONFile.load(path, displayPath: display, log: log) {
                        snapshot.workorders.append(WorkorderLoader.decode(value, path: display, fallbackId: fallbackId, log: log))
                    }
                }
            }
            snapshot.stubs.sort { $0.path < $1.path }
            snapshot.workorders.sort { $0.path < $1.path }
        }

        if handoffs { snapshot.handoffs = HandoffLog.load(root: layout.root) }
        snapshot.problems = deduplicated(snapshot.problems + log.problems)
        return snapshot
    }

    /// The path's components below `directory`, or nil when it is not inside it.
    private func components(_ path: String, under directory: String) -> [String]? {
        if path == directory { return [] }
        guard path.hasPrefix(directory + "/") else { return nil }
        return path.dropFirst(directory.count + 1).split(separator: "/").map(String.init)
    }
}

/// A file caught halfway through being written must not blank a row: when a reload finds a file
/// unreadable that was readable before, the previous state of its stub or session stays, marked,
/// until the file's next change.
public enum LastGoodState {
    static func isUnreadable(_ problem: Problem) -> Bool {
        problem.message.hasPrefix("not valid JSON") || problem.message.hasPrefix("cannot be read")
    }

    public static func keep(previous: WorkspaceSnapshot, next: WorkspaceSnapshot) -> WorkspaceSnapshot {
        let before = Set(previous.problems.filter(isUnreadable).map(\.path))
        let newlyBroken = next.problems.filter { isUnreadable($0) && !before.contains($0.path) }.map(\.path)
        guard !newlyBroken.isEmpty else { return next }
        var result = next
        for (index, session) in result.sessions.enumerated() {
            let broken = newlyBroken.filter { $0.hasPrefix(session.path + "/") }
            guard !broken.isEmpty, var old = previous.session(at: session.path) else { continue }
            old.unreadableFiles = broken
            result.sessions[index] = old
        }
        for (index, stub) in result.stubs.enumerated() where newlyBroken.contains(stub.path) {
            guard let old = previous.stubs.first(where: { $0.path == stub.path }) else { continue }
            result.stubs[index] = old
        }
        return result
    }
}
