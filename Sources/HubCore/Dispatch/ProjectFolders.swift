/// Where an agent's project folder is on this machine: the user's `[agents.<id>] path`; the agent's
/// `agent_path` when it exists here (absolute, or relative to the workspace or the folder beside it);
/// an `agent_path` from another machine (`C:\Users\me\Desktop\assistant`) mapped by its last
/// component onto the folders that hold projects (beside the workspace by default); else nil.
public enum ProjectFolders {
    public static func resolve(_ agent: AgentState, settings: HubSettings, root: String, projectRoots: [String] = [], home: String? = nil) -> String? {
        if let configured = settings.agentPaths[agent.agentId] {
            let expanded = expandHome(configured, home: home)
            let absolute = expanded.hasPrefix("/") ? expanded : FileSystem.join(root, expanded)
            if FileSystem.isDirectory(absolute) { return absolute }
        }
        let roots = projectRoots + [WorkspacePaths.parent(root), root]
        guard let written = agent.agentPath, !written.isEmpty else {
            return roots.map { FileSystem.join($0, agent.agentId) }.first(where: FileSystem.isDirectory)
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
        return roots.map { FileSystem.join($0, name) }.first(where: FileSystem.isDirectory)
    }

    static func expandHome(_ path: String, home: String?) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home else { return path }
        return home + path.dropFirst()
    }
}
