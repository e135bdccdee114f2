/// A full scan of a workspace into a `WorkspaceSnapshot`. Never throws: whatever cannot be read
/// becomes a problem with its path, and everything else is still loaded.
public struct WorkspaceLoader: Sendable {
    public let layout: WorkspaceLayout
    public let resolver: PathResolver

    public init(layout: WorkspaceLayout, resolver: PathResolver? = nil) {
        self.layout = layout
        self.resolver = resolver ?? PathResolver(root: layout.root)
    }

    public func load() -> WorkspaceSnapshot {
        let log = ProblemLog()
        var stubs: [Stub] = []
        var workorders: [Workorder] = []
        var seenPlans = Set<String>()

        func addPlan(_ path: String, fallbackId: String) {
            guard FileSystem.isFile(path), seenPlans.insert(path).inserted else { return }
            let shown = layout.display(path)
            guard let value = JSONFile.load(path, displayPath: shown, log: log) else { return }
            workorders.append(WorkorderLoader.decode(value, path: shown, fallbackId: fallbackId, log: log))
        }

        func loadStubs(in base: String, archived: Bool) {
            for name in FileSystem.subdirectories(base) {
                let folder = FileSystem.join(base, name)
                let stubFile = FileSystem.join(folder, "stub.json")
                addPlan(FileSystem.join(folder, "plan.json"), fallbackId: name)
                if FileSystem.isFile(stubFile) {
                    stubs.append(loadStub(stubFile, folderName: name, archived: archived, log: log))
                    continue
                }
                // One level deeper: `working/<group>/<feature>/stub.json`.
                for inner in FileSystem.subdirectories(folder) {
                    let innerFolder = FileSystem.join(folder, inner)
                    let innerStub = FileSystem.join(innerFolder, "stub.json")
                    addPlan(FileSystem.join(innerFolder, "plan.json"), fallbackId: inner)
                    if FileSystem.isFile(innerStub) {
                        stubs.append(loadStub(innerStub, folderName: inner, archived: archived, log: log))
                    }
                }
            }
        }

        for directory in unique(layout.stubDirectories.map(layout.absolute)) { loadStubs(in: directory, archived: false) }
        for directory in unique(layout.archivedStubDirectories.map(layout.absolute)) { loadStubs(in: directory, archived: true) }

        let sessionLoader = SessionLoader(layout: layout, resolver: resolver, log: log)
        var sessions: [Session] = []
        for directory in unique(layout.sessionDirectories.map(layout.absolute)) {
            sessions += SessionPhases.assign(sessionLoader.loadDirectory(directory))
        }

        // Workorders: the workspace's own, and those in the agents' project folders.
        var workorderHomes = unique(layout.workorderDirectories.map(layout.absolute))
        var logFiles = [layout.absolute("coderef/workorder-log.txt")]
        for project in agentProjects(sessions) {
            workorderHomes.append(FileSystem.join(project, "coderef/workorder"))
            logFiles.append(FileSystem.join(project, "coderef/workorder-log.txt"))
        }
        for home in unique(workorderHomes) {
            for name in FileSystem.subdirectories(home) {
                addPlan(FileSystem.join(FileSystem.join(home, name), "plan.json"), fallbackId: name)
            }
        }
        var logEntries: [WorkorderLogEntry] = []
        for file in unique(logFiles) where FileSystem.isFile(file) {
            do {
                let bytes = try FileSystem.read(file)
                logEntries += WorkorderLoader.parseLog(String(decoding: bytes, as: UTF8.self), path: layout.display(file))
            } catch {
                log.add(layout.display(file), "\(error)")
            }
        }

        stubs.sort { $0.path < $1.path }
        sessions.sort { $0.path < $1.path }
        workorders.sort { $0.path < $1.path }
        return WorkspaceSnapshot(
            root: layout.root,
            stubs: stubs,
            sessions: sessions,
            features: SessionPhases.timelines(sessions),
            workorders: workorders,
            workorderLog: logEntries,
            problems: deduplicated(log.problems),
            handoffs: HandoffLog.load(root: layout.root)
        )
    }

    private func loadStub(_ file: String, folderName: String, archived: Bool, log: ProblemLog) -> Stub {
        let shown = layout.display(file)
        let value = JSONFile.load(file, displayPath: shown, log: log)
        return StubDecoder.decode(value, absolutePath: file, displayPath: shown, folderName: folderName, archived: archived, log: log)
    }

    /// Folders of agents' projects that exist here (directly, or through the WSL mapping).
    private func agentProjects(_ sessions: [Session]) -> [String] {
        var paths: [String] = []
        for session in sessions {
            for agent in session.everyone {
                guard let written = agent.agentPath else { continue }
                let candidate = written.hasPrefix("/") ? written : resolver.wslPath(written)
                if let candidate, FileSystem.isDirectory(candidate) { paths.append(WorkspacePaths.standardize(candidate)) }
            }
        }
        return unique(paths)
    }

    private func unique(_ paths: [String]) -> [String] {
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }

    private func deduplicated(_ problems: [Problem]) -> [Problem] {
        var seen = Set<String>()
        return problems.filter { seen.insert($0.path + "\u{0}" + $0.message).inserted }
    }
}

/// Links sibling phase folders (`feature`, `feature-phase1`, `feature-phase2`) into one timeline.
enum SessionPhases {
    /// A bare `<feature>` folder with `-phase<N>` siblings is phase 1.
    static func assign(_ sessions: [Session]) -> [Session] {
        var phased = Set<String>()
        for session in sessions where session.parent == nil && session.phase != nil { phased.insert(session.feature) }
        return sessions.map { session in
            var session = session
            if session.parent == nil && session.phase == nil && phased.contains(session.feature) { session.phase = 1 }
            return session
        }
    }

    static func timelines(_ sessions: [Session]) -> [FeatureTimeline] {
        var order: [String] = []
        var groups: [String: [Session]] = [:]
        for session in sessions where session.parent == nil {
            if groups[session.feature] == nil { order.append(session.feature) }
            groups[session.feature, default: []].append(session)
        }
        return order.map { feature in
            let members = groups[feature]!.sorted { ($0.phase ?? 0, $0.path) < ($1.phase ?? 0, $1.path) }
            return FeatureTimeline(feature: feature, sessionPaths: members.map(\.path))
        }
    }
}
