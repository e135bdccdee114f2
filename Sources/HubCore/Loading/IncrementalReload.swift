/// A snapshot after a reload, and what was re-read (nil: everything).
public struct WorkspaceReload: Sendable {
    public var snapshot: WorkspaceSnapshot
    public var touched: TouchedItems?

    public init(snapshot: WorkspaceSnapshot, touched: TouchedItems?) {
        self.snapshot = snapshot
        self.touched = touched
    }
}

/// Live updates re-read only what changed: the session folders and stub folders that hold the changed
/// paths. Anything the reload cannot place (a configured folder itself, a workorder) means a full scan.
/// Items are found by binary search and replaced in place, so the cost is that of the change.
extension WorkspaceLoader {
    public func reload(changed paths: Set<String>, previous: WorkspaceSnapshot) -> WorkspaceSnapshot {
        reloadTouching(changed: paths, previous: previous).snapshot
    }

    public func reloadTouching(changed paths: Set<String>, previous: WorkspaceSnapshot) -> WorkspaceReload {
        var sessionFolders = Set<String>()
        var stubFolders: [String: Bool] = [:]
        var touched = TouchedItems()
        let sessionDirectories = unique(layout.sessionDirectories.map(layout.absolute))
        let stubDirectories = unique(layout.stubDirectories.map(layout.absolute)).map { ($0, false) }
            + unique(layout.archivedStubDirectories.map(layout.absolute)).map { ($0, true) }
        let handoffFolder = WorkspacePaths.parent(FileSystem.join(layout.root, HandoffLog.relativePath))
        func everything() -> WorkspaceReload { WorkspaceReload(snapshot: load(), touched: nil) }

        pathLoop: for path in paths {
            if path.hasPrefix(handoffFolder + "/") || path == handoffFolder {
                touched.handoffs = true
                continue
            }
            for directory in sessionDirectories {
                guard let parts = components(path, under: directory) else { continue }
                guard let first = parts.first else { return everything() }
                var folder = FileSystem.join(directory, first)
                if first == layout.archiveFolderName {
                    guard parts.count >= 2 else { return everything() }
                    folder = FileSystem.join(folder, parts[1])
                }
                let known = !previous.sessions.indices(inFolder: layout.display(folder)).isEmpty
                if known || FileSystem.isDirectory(folder) { sessionFolders.insert(folder) }
                continue pathLoop
            }
            for (directory, archived) in stubDirectories {
                guard let parts = components(path, under: directory) else { continue }
                guard let first = parts.first else { return everything() }
                stubFolders[FileSystem.join(directory, first)] = archived
                continue pathLoop
            }
            // A parent of a configured folder (`.coderef/` gaining `sessions/`) or anything else: start over.
            return everything()
        }

        var snapshot = previous
        let log = ProblemLog()
        func owned(_ displayPath: String, by folders: Set<String>) -> Bool {
            var folder = displayPath
            while true {
                if folders.contains(folder) { return true }
                let up = WorkspacePaths.parent(folder)
                if up == folder || up == "." || up == "/" { return false }
                folder = up
            }
        }

        if !sessionFolders.isEmpty {
            let loader = SessionLoader(layout: layout, resolver: resolver, log: log, times: snapshot.fileTimes)
            var moved = false
            for folder in sessionFolders.sorted() {
                let shown = layout.display(folder)
                touched.sessionFolders.insert(shown)
                var fresh: [Session] = []
                if FileSystem.isDirectory(folder) {
                    let parent = WorkspacePaths.parent(folder)
                    let archived = WorkspacePaths.lastComponent(parent) == layout.archiveFolderName && !sessionDirectories.contains(parent)
                    fresh = loader.loadSession(folder, name: WorkspacePaths.lastComponent(folder), archived: archived, parent: nil)
                }
                // The same folders back: a phase number depends only on the siblings, which did not change.
                moved = snapshot.sessions.replace(inFolder: shown, with: fresh) { old, new in new.phase = old.phase } || moved
            }
            if moved {
                touched.structureChanged = true
                snapshot.sessions = SessionPhases.assign(snapshot.sessions).sorted { $0.path < $1.path }
                snapshot.features = SessionPhases.timelines(snapshot.sessions)
            }
        }

        if !stubFolders.isEmpty {
            for (folder, archived) in stubFolders.sorted(by: { $0.key < $1.key }) {
                let shown = layout.display(folder)
                touched.stubFolders.insert(shown)
                var stubs: [Stub] = []
                var workorders: [Workorder] = []
                if FileSystem.isDirectory(folder) {
                    scanStubFolder(folder, name: WorkspacePaths.lastComponent(folder), archived: archived, log: log, stubs: &stubs) { path, fallbackId in
                        guard FileSystem.isFile(path) else { return }
                        let display = layout.display(path)
                        if let plan = WorkorderLoader.load(path, shown: display, fallbackId: fallbackId, root: layout.root, log: log, times: snapshot.fileTimes) { workorders.append(plan) }
                    }
                }
                if snapshot.stubs.replace(inFolder: shown, with: stubs) { touched.structureChanged = true }
                _ = snapshot.workorders.replace(inFolder: shown, with: workorders)
            }
        }

        if touched.handoffs {
            (snapshot.handoffs, snapshot.dispatches) = HandoffLog.loadAll(root: layout.root)
            // The history the hub itself just appended is not read back (its stamp is the one it kept).
            let stamp = StatusHistory.stamp(root: layout.root)
            if stamp == nil || stamp != previous.historyStamp {
                snapshot.historyStamp = stamp
                // Another writer's lines: only what it appended is read (O(change), not O(history)).
                if let stamp, let before = previous.historyStamp, let added = StatusHistory.appended(root: layout.root, since: before, now: stamp) {
                    StatusHistory.fold(added, into: &snapshot.statusChanges)
                } else {
                    snapshot.statusChanges = StatusHistory.lastChanges(StatusHistory.load(root: layout.root))
                }
            }
            snapshot.triage = Triage.inForce(Triage.load(root: layout.root))
            for key in Set(previous.triage.keys).union(snapshot.triage.keys) where previous.triage[key] != snapshot.triage[key] {
                touched.sessionFolders.insert(key)
            }
            // Only sessions whose hand-offs or recorded changes differ have new verdicts: they count
            // as touched (nothing is re-read for them), so what follows looks at them alone.
            for key in Set(previous.handoffs.keys).union(snapshot.handoffs.keys) where previous.handoffs[key] != snapshot.handoffs[key] {
                touched.sessionFolders.insert(key)
            }
            for key in Set(previous.dispatches.keys).union(snapshot.dispatches.keys) where previous.dispatches[key] != snapshot.dispatches[key] {
                touched.sessionFolders.insert(key)
            }
            for key in Set(previous.statusChanges.keys).union(snapshot.statusChanges.keys) where previous.statusChanges[key] != snapshot.statusChanges[key] {
                touched.sessionFolders.insert(key)
            }
        }
        let rereadFolders = touched.sessionFolders.union(touched.stubFolders)
        if !rereadFolders.isEmpty {
            snapshot.problems.removeAll { owned($0.path, by: rereadFolders) }
            snapshot.problems = deduplicated(snapshot.problems + log.problems)
        }
        return WorkspaceReload(snapshot: snapshot, touched: touched)
    }

    /// The path's components below `directory`, or nil when it is not inside it.
    private func components(_ path: String, under directory: String) -> [String]? {
        if path == directory { return [] }
        guard path.hasPrefix(directory + "/") else { return nil }
        return path.dropFirst(directory.count + 1).split(separator: "/").map(String.init)
    }
}
