/// Where an agent's project folder is on this machine: the user's `[agents.<id>] path`; the agent's
/// `agent_path` when it exists here (absolute, or relative to the workspace or the folder beside it);
/// an `agent_path` from another machine (`C:\Users\me\Desktop\assistant`) mapped by its last
/// component onto the folders that hold projects (beside the workspace by default), then onto the
/// project folders the workorder search found (`known`, any depth); else nil.
public enum ProjectFolders {
    public static func resolve(_ agent: AgentState, settings: HubSettings, root: String, projectRoots: [String] = [], known: [String] = [], home: String? = nil) -> String? {
        if let configured = settings.agentPaths[agent.agentId] {
            let expanded = expandHome(configured, home: home)
            let absolute = expanded.hasPrefix("/") ? expanded : FileSystem.join(root, expanded)
            if FileSystem.isDirectory(absolute) { return absolute }
        }
        let roots = projectRoots + [WorkspacePaths.parent(root), root]
        /// A folder named `name` beside the workspace or in a project root, else a found project of that name.
        func named(_ name: String) -> String? {
            roots.map { FileSystem.join($0, name) }.first(where: FileSystem.isDirectory)
                ?? known.first { WorkspacePaths.lastComponent($0) == name && FileSystem.isDirectory($0) }
        }
        guard let written = agent.agentPath, !written.isEmpty else {
            return NameValidator.isValid(agent.agentId) ? named(agent.agentId) : nil
        }
        let unixStyle = written.replacingOccurrences(of: "\\", with: "/")
        let foreign = written.contains("\\") || (written.count > 1 && written.dropFirst().first == ":")
        if !foreign {
            let expanded = expandHome(unixStyle, home: home)
            if expanded.hasPrefix("/") {
                if FileSystem.isDirectory(expanded) { return expanded }
            } else {
                for base in [root] + roots {
                    let candidate = FileSystem.join(base, expanded)
                    if FileSystem.isDirectory(candidate) { return candidate }
                }
            }
        }
        // From another machine: its last component is the project's folder name.
        guard let name = unixStyle.split(separator: "/").last.map(String.init), NameValidator.isValid(name) else { return nil }
        return named(name)
    }

    /// The `agent_path` to write for each agent of a new session: the user's `[agents.<id>] path`;
    /// else the path the workspace's sessions already give that agent, when it is found here; else
    /// its project folder as dispatch and the workorder search find it (a folder of its name beside
    /// the workspace, in the project folders, or among the projects found). Agents missing from the
    /// result are truly unknown here (their id is written, and the start dialog says so).
    public static func paths(for ids: [String], snapshot: WorkspaceSnapshot, settings: HubSettings, layout: WorkspaceLayout, home: String? = nil) -> [String: String] {
        var result: [String: String] = [:]
        var wanted = Set(ids)
        for id in ids { if let configured = settings.agentPaths[id] { result[id] = configured; wanted.remove(id) } }
        guard !wanted.isEmpty else { return result }
        // Newest sessions first (paths sort by name; `created` orders phases and runs).
        for session in snapshot.sessions.reversed() where !session.archived {
            for agent in session.everyone where wanted.contains(agent.agentId) {
                guard let written = agent.agentPath, !written.isEmpty, written != agent.agentId, TerminalText.isPrintable(written),
                      resolve(agent, settings: settings, root: layout.root, projectRoots: layout.projectDirectories, known: snapshot.projects, home: home) != nil else { continue }
                result[agent.agentId] = written
                wanted.remove(agent.agentId)
            }
            if wanted.isEmpty { return result }
        }
        for id in wanted {
            if let folder = resolve(AgentState(agentId: id), settings: settings, root: layout.root, projectRoots: layout.projectDirectories, known: snapshot.projects, home: home) {
                result[id] = WorkspacePaths.standardize(folder)
            }
        }
        return result
    }

    static func expandHome(_ path: String, home: String?) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home else { return path }
        return home + path.dropFirst()
    }
}
