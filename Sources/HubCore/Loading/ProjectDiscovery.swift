/// The agents' project folders on this machine, where their workorders live
/// (`<project>/coderef/workorder/<name>/plan.json`, `<project>/coderef/workorder-log.txt`):
/// - each agent's `agent_path` when it exists here (absolute, WSL-mapped, or relative);
/// - an `agent_path` from another machine mapped by its last component onto the folders beside the
///   workspace (and the configured project folders);
/// - every folder holding `coderef/workorder` under the configured project folders
///   (`[workspace] projects`, `--projects-dir`), a few levels deep, never following a link loop.
struct ProjectDiscovery {
    static let searchDepth = 3
    /// Enough for any real set of projects; a folder like `~` with thousands of entries is not walked whole.
    static let folderBudget = 4000

    let layout: WorkspaceLayout
    let resolver: PathResolver
    /// Where a configured project folder that cannot be read is reported.
    var log: ProblemLog?

    func projects(for sessions: [Session]) -> [String] {
        var found: [String] = []
        // The same few project paths repeat across every session: each is looked up once.
        var looked = Set<String>()
        for session in sessions {
            for agent in session.everyone {
                guard let written = agent.agentPath, !written.isEmpty, looked.insert(written).inserted else { continue }
                if written.hasPrefix("/"), FileSystem.isDirectory(written) {
                    found.append(WorkspacePaths.standardize(written))
                } else if let mapped = resolver.wslPath(written), FileSystem.isDirectory(mapped) {
                    found.append(WorkspacePaths.standardize(mapped))
                } else if let here = ProjectFolders.resolve(agent, settings: HubSettings(), root: layout.root, projectRoots: layout.projectDirectories) {
                    found.append(WorkspacePaths.standardize(here))
                }
            }
        }
        for folder in layout.projectDirectories { found += search(folder) }
        found += packages()
        var seen = Set<String>()
        return found.filter { seen.insert($0).inserted }
    }

    /// The workspace's sibling projects as `.coderef/workspace.json` lists them (`{"packages":
    /// {"<name>": "<root>"}}`, roots relative to the workspace or absolute): read, never written.
    func packages() -> [String] {
        let file = FileSystem.join(layout.root, ".coderef/workspace.json")
        guard FileSystem.isFile(file), let log, let value = JSONFile.load(file, displayPath: layout.display(file), log: log),
              let packages = value["packages"]?.objectValue else { return [] }
        return packages.members.compactMap { member -> String? in
            guard let written = member.value.stringValue, !written.isEmpty, TerminalText.isPrintable(written) else { return nil }
            let path = written.hasPrefix("/") ? written : FileSystem.join(layout.root, written)
            return FileSystem.isDirectory(path) ? WorkspacePaths.standardize(path) : nil
        }
    }

    /// Folders under `top` (itself included) that hold `coderef/workorder` or its log.
    func search(_ top: String) -> [String] {
        var result: [String] = []
        var visited = Set<FolderIdentity>()
        var budget = ProjectDiscovery.folderBudget
        var queue: [(String, Int)] = [(top, 0)]
        while !queue.isEmpty && budget > 0 {
            let (folder, depth) = queue.removeFirst()
            budget -= 1
            guard let identity = FolderIdentity(folder), visited.insert(identity).inserted else { continue }
            let coderef = FileSystem.join(folder, "coderef")
            if FileSystem.isDirectory(FileSystem.join(coderef, "workorder")) || FileSystem.isFile(FileSystem.join(coderef, "workorder-log.txt")) {
                result.append(WorkspacePaths.standardize(folder))
            }
            guard depth < ProjectDiscovery.searchDepth else { continue }
            let names = log.map { $0.subdirectories(of: folder, shownAs: layout.display(folder)) } ?? FileSystem.subdirectories(folder)
            for name in names where name != "node_modules" && name != "coderef" {
                queue.append((FileSystem.join(folder, name), depth + 1))
            }
        }
        return result
    }
}
