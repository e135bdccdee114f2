import Foundation

/// A full scan of a workspace into a `WorkspaceSnapshot`. Never throws: whatever cannot be read
/// becomes a problem with its path, and everything else is still loaded.
public struct WorkspaceLoader: Sendable {
    public let layout: WorkspaceLayout
    public let resolver: PathResolver

    public init(layout: WorkspaceLayout, resolver: PathResolver? = nil) {
        self.layout = layout
        self.resolver = resolver ?? PathResolver(root: layout.root)
    }

    /// `watching`, when given, is called (from the load's threads) with each stub and session folder
    /// and its depth in `WatchedFolders`' walk just before the folder is read, so that a watcher can
    /// watch each folder before it is read without a separate walk of the whole workspace.
    public func load(watching: (@Sendable (String, Int) -> Void)? = nil) -> WorkspaceSnapshot {
        let log = ProblemLog()
        let times = GitFileTimes.read(root: layout.root, folders: unique(layout.sessionDirectories + layout.workorderDirectories + layout.stubDirectories),
                                      environment: ProcessInfo.processInfo.environment)
        var seenPlans = Set<String>()

        // Every stub folder and session folder is a job; jobs are read in parallel (their files are
        // independent), each chunk with its own problem log, and put back together in order.
        var jobs: [LoadJob] = []
        for directory in unique(layout.stubDirectories.map(layout.absolute)) {
            for name in log.subdirectories(of: directory, shownAs: layout.display(directory)) { jobs.append(.stubFolder(FileSystem.join(directory, name), name: name, archived: false)) }
        }
        for directory in unique(layout.archivedStubDirectories.map(layout.absolute)) {
            for name in log.subdirectories(of: directory, shownAs: layout.display(directory)) { jobs.append(.stubFolder(FileSystem.join(directory, name), name: name, archived: true)) }
        }
        for directory in unique(layout.sessionDirectories.map(layout.absolute)) {
            for name in log.subdirectories(of: directory, shownAs: layout.display(directory)) {
                let folder = FileSystem.join(directory, name)
                if name == layout.archiveFolderName {
                    for archivedName in log.subdirectories(of: folder, shownAs: layout.display(folder)) {
                        jobs.append(.session(FileSystem.join(folder, archivedName), name: archivedName, archived: true))
                    }
                } else {
                    jobs.append(.session(folder, name: name, archived: false))
                }
            }
        }
        let parts = ParallelLoad.run(jobs) { slice in loadChunk(slice, times: times, watching: watching) }
        var stubs: [Stub] = []
        var sessions: [Session] = []
        var workorders: [Workorder] = []
        for part in parts {
            stubs += part.stubs
            sessions += part.sessions
            for plan in part.workorders where seenPlans.insert(plan.path).inserted { workorders.append(plan) }
            for problem in part.log.problems { log.add(problem) }
        }
        sessions = SessionPhases.assign(sessions)

        func addPlan(_ path: String, fallbackId: String) {
            guard FileSystem.isFile(path) else { return }
            let shown = layout.display(path)
            guard seenPlans.insert(shown).inserted, let plan = WorkorderLoader.load(path, shown: shown, fallbackId: fallbackId, root: layout.root, log: log, times: times) else { return }
            workorders.append(plan)
        }

        // Workorders: the workspace's own, and those in the agents' project folders.
        // Archived workorder folders (`coderef/ARCHIVED/`, `coderef/archived/`) are read too, flagged.
        var workorderHomes = unique(layout.workorderDirectories.map(layout.absolute)
            + WorkorderLoader.homes.dropFirst().map { FileSystem.join(layout.root, $0) })
        var logFiles = [layout.absolute("coderef/workorder-log.txt")]
        let projects = ProjectDiscovery(layout: layout, resolver: resolver, log: log).projects(for: sessions)
        for project in projects {
            workorderHomes += WorkorderLoader.homes.map { FileSystem.join(project, $0) }
            logFiles.append(FileSystem.join(project, "coderef/workorder-log.txt"))
        }
        for home in unique(workorderHomes) {
            for name in FileSystem.subdirectories(home) {
                let folder = FileSystem.join(home, name)
                let plan = FileSystem.join(folder, "plan.json")
                if FileSystem.isFile(plan) {
                    addPlan(plan, fallbackId: name)
                } else if !FileSystem.isFile(FileSystem.join(folder, "stub.json")), let only = WorkorderLoader.loadCommunicationOnly(folder, shown: layout.display(FileSystem.join(folder, WorkorderLoader.communicationName)),
                                                                           fallbackId: name, root: layout.root, log: log, times: times),
                          seenPlans.insert(only.path).inserted {
                    // A workorder folder with only its communication.json is a workorder too.
                    workorders.append(only)
                }
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

        // Markdown stubs (coderef/stubs/*.md) beside the stub.json folders.
        stubs += MarkdownStub.loadAll(layout: layout, log: log)
        stubs.sort { $0.path < $1.path }
        sessions.sort { $0.path < $1.path }
        workorders.sort { $0.path < $1.path }
        let handoffLog = HandoffLog.loadAll(root: layout.root)
        var snapshot = WorkspaceSnapshot(
            root: layout.root,
            stubs: stubs,
            sessions: sessions,
            features: SessionPhases.timelines(sessions),
            workorders: workorders,
            workorderLog: logEntries,
            problems: deduplicated(log.problems),
            handoffs: handoffLog.handoffs
        )
        snapshot.dispatches = handoffLog.dispatches
        snapshot.fileTimes = times
        snapshot.projects = projects
        snapshot.historyStamp = StatusHistory.stamp(root: layout.root)
        snapshot.statusChanges = StatusHistory.lastChanges(StatusHistory.load(root: layout.root))
        snapshot.triage = Triage.inForce(Triage.load(root: layout.root))
        return snapshot
    }

    /// One chunk of a full load: its stub and session folders, read in order with a log of its own.
    private func loadChunk(_ jobs: ArraySlice<LoadJob>, times: GitFileTimes, watching: (@Sendable (String, Int) -> Void)?) -> LoadedPart {
        let part = LoadedPart()
        let sessionLoader = SessionLoader(layout: layout, resolver: resolver, log: part.log, times: times)
        for job in jobs {
            switch job {
            case .stubFolder(let folder, _, _): watching?(folder, WatchedFolders.stubFolderDepth)
            case .session(let folder, _, let archived): watching?(folder, WatchedFolders.sessionFolderDepth + (archived ? 1 : 0))
            }
            switch job {
            case .stubFolder(let folder, let name, let archived):
                scanStubFolder(folder, name: name, archived: archived, log: part.log, stubs: &part.stubs) { path, fallbackId in
                    guard FileSystem.isFile(path) else { return }
                    let shown = layout.display(path)
                    guard let plan = WorkorderLoader.load(path, shown: shown, fallbackId: fallbackId, root: layout.root, log: part.log, times: times) else { return }
                    part.workorders.append(plan)
                }
            case .session(let folder, let name, let archived):
                part.sessions += sessionLoader.loadSession(folder, name: name, archived: archived, parent: nil)
            }
        }
        return part
    }

    /// One folder of a stubs directory: its stub.json (or, one level deeper, its group's stubs) and
    /// any plan.json kept beside them.
    func scanStubFolder(_ folder: String, name: String, archived: Bool, log: ProblemLog, stubs: inout [Stub], addPlan: (String, String) -> Void) {
        let stubFile = FileSystem.join(folder, "stub.json")
        addPlan(FileSystem.join(folder, "plan.json"), name)
        if let why = FileSystem.notAFile(stubFile) {
            log.add(layout.display(stubFile), why, kind: .unreadable)
            return
        }
        if FileSystem.isFile(stubFile) {
            stubs.append(loadStub(stubFile, folderName: name, archived: archived, log: log))
            return
        }
        // One level deeper: `working/<group>/<feature>/stub.json`.
        for inner in log.subdirectories(of: folder, shownAs: layout.display(folder)) {
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

/// A folder a full load reads.
enum LoadJob: Sendable {
    case stubFolder(String, name: String, archived: Bool)
    case session(String, name: String, archived: Bool)
}

/// What one chunk of a full load found.
final class LoadedPart: @unchecked Sendable {
    var stubs: [Stub] = []
    var sessions: [Session] = []
    var workorders: [Workorder] = []
    let log = ProblemLog()
}

/// Runs chunks of jobs on every core and returns their results in the jobs' order.
enum ParallelLoad {
    static func run<Job: Sendable, Result>(_ jobs: [Job], _ body: @escaping (ArraySlice<Job>) -> Result) -> [Result] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        // Many small chunks balance uneven folders (stub folders are cheap, session folders are
        // not); tiny workspaces stay on one thread.
        let chunks = jobs.count < 64 ? 1 : min(jobs.count / 16, cores * 32)
        guard chunks > 1 else { return [body(jobs[...])] }
        let size = (jobs.count + chunks - 1) / chunks
        let box = ResultBox<Job, Result>(count: chunks, body: body)
        // Threads of our own that end with the load (libdispatch's pool threads stayed and woke
        // every second afterwards); each takes the next chunk until none is left.
        let next = ManagedCounter()
        let jobs = UncheckedBox(jobs)
        @Sendable func work() {
            while true {
                let chunk = next.take()
                guard chunk < chunks else { return }
                let lower = min(jobs.value.count, chunk * size), upper = min(jobs.value.count, lower + size)
                box.store(chunk, box.body(jobs.value[lower..<upper]))
            }
        }
        let helpers = (1..<cores).map { _ in
            let done = DispatchSemaphore(value: 0)
            let thread = Thread { work(); done.signal() }
            thread.stackSize = 4 << 20
            thread.start()
            return done
        }
        work()
        for done in helpers { done.wait() }
        return box.results.map { $0! }
    }

    private struct UncheckedBox<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Hands out chunk numbers, one at a time, to the threads of a load.
    private final class ManagedCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func take() -> Int { lock.withLock { defer { value += 1 }; return value } }
    }

    /// The chunks' results, each slot written once by its own chunk under a lock.
    private final class ResultBox<Job, Result>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result?]
        let body: (ArraySlice<Job>) -> Result
        init(count: Int, body: @escaping (ArraySlice<Job>) -> Result) {
            slots = Array(repeating: nil, count: count)
            self.body = body
        }
        func store(_ index: Int, _ result: Result) { lock.withLock { slots[index] = result } }
        var results: [Result?] { lock.withLock { slots } }
    }
}
