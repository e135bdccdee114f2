/// Names for shell completion, from folder listings (the default layout's folders).
public struct CompletionNames: Sendable {
    public let layout: WorkspaceLayout

    public init(root: String) { layout = WorkspaceLayout(root: root) }

    public func stubNames() -> [String] {
        layout.stubDirectories.flatMap { directory -> [String] in
            let folder = layout.absolute(directory)
            return FileSystem.subdirectories(folder).filter { FileSystem.isFile(FileSystem.join(FileSystem.join(folder, $0), "stub.json")) }
        }.sorted()
    }

    public func sessionNames() -> [String] {
        layout.sessionDirectories.flatMap { directory in
            FileSystem.subdirectories(layout.absolute(directory)).filter { $0 != layout.archiveFolderName }
        }.sorted()
    }

    /// The agent ids in a session's communication.json (and its nested agents' folders).
    public func agentIds(of session: String) -> [String] {
        for directory in layout.sessionDirectories {
            let folder = FileSystem.join(layout.absolute(directory), session)
            guard FileSystem.isDirectory(folder), NameValidator.isValid(session) else { continue }
            var ids: [String] = []
            if let bytes = try? FileSystem.read(FileSystem.join(folder, "communication.json")), let value = try? JSONParser.parse(bytes) {
                if let id = value["orchestrator"]?["agent_id"]?.stringValue { ids.append(id) }
                for item in value["agents"]?.arrayValue ?? [] {
                    if let id = item["agent_id"]?.stringValue ?? item.stringValue { ids.append(id) }
                }
                ids += value["agents"]?.objectValue?.members.map(\.key) ?? []
            }
            ids += FileSystem.subdirectories(folder).filter { FileSystem.isFile(FileSystem.join(FileSystem.join(folder, $0), "communication.json")) }
            var seen = Set<String>()
            return ids.filter { seen.insert($0).inserted }
        }
        return []
    }
}
