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
                scanStubFolder(FileSystem.join(base, name), name: name, archived: archived, log: log, stubs: &stubs, addPlan: addPlan)
            }
        }

        for directory in unique(layout.stubDirectories.map(layout.absolute)) { loadStubs(in: directory, archived: false) }
        for directory in unique(layout.archivedStubDirectories.map(layout.absolute)) { loadStubs(in: directory, archived: true) }

        let sessionLoader = SessionLoader(layout: layout, resolver: resolver, log: log)
        var sessions: [Session] = []
        for directory in unique(layout.sessionDirectories.map(layout.absolute)) {
            sessions += sessionLoader.loadDirectory(directory)
        }
        sessions = SessionPhases.assign(sessions)

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
                log.add(layout.display(file), "\(error)", kind: .unreadable)
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

    /// One folder of a stubs directory: its stub.json (or, one level deeper, its group's stubs) and
    /// any plan.json kept beside them.
    func scanStubFolder(_ folder: String, name: String, archived: Bool, log: ProblemLog, stubs: inout [Stub], addPlan: (String, String) -> Void) {
        let stubFile = FileSystem.join(folder, "stub.json")
        addPlan(FileSystem.join(folder, "plan.json"), name)
        if FileSystem.isFile(stubFile) {
            stubs.append(loadStub(stubFile, folderName: name, archived: archived, log: log))
            return
        }
        // One level deeper: `working/<group>/<feature>/stub.json`.
        for inner in FileSystem.subdirectories(folder) {
            let innerFolder = FileSystem.join(folder, inner)
            let innerStub = FileSystem.join(innerFolder, "stub.json")
            addPlan(FileSystem.join(innerFolder, "plan.json"), inner)
            if FileSystem.isFile(innerStub) {
                stubs.append(loadStub(innerStub, folderName: inner, archived: archived, log: log))
            }
        }
    }

    func loadStub(_ file: String, folderName: String, archived: Bool, log: ProblemLog) -> Stub {
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

    func unique(_ paths: [String]) -> [String] {
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }

    func deduplicated(_ problems: [Problem]) -> [Problem] {
        var seen = Set<String>()
        return problems.filter { seen.insert($0.path + "\u{0}" + $0.message).inserted }
    }
}

/// Links sibling phase folders (`feature`, `feature-phase1`, `feature-phase2`) into one timeline.
enum SessionPhases {
    /// Phases from the folder names; a bare `<feature>` folder with `-phase<N>` siblings (in the same
    /// folder) is phase 1.
    static func assign(_ sessions: [Session]) -> [Session] {
        func key(_ session: Session) -> String { WorkspacePaths.parent(session.path) + "\u{0}" + session.feature }
        var phased = Set<String>()
        var named: [Session] = sessions.map { session in
            var session = session
            if session.parent == nil { session.phase = SessionNaming.split(WorkspacePaths.lastComponent(session.name)).phase }
            return session
        }
        for session in named where session.parent == nil && session.phase != nil { phased.insert(key(session)) }
        for index in named.indices where named[index].parent == nil && named[index].phase == nil && phased.contains(key(named[index])) {
            named[index].phase = 1
        }
        return named
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
