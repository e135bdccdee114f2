import Foundation

/// When each agent's one-liner was copied: the hub's own small state file
/// (`.coderef/sessions-hub/handoffs.json`), never written into the agents' files.
/// `{"handoffs": {"<session path>": {"<agent id>": "<ISO time>"}}}`.
public enum HandoffLog {
    public static let relativePath = ".coderef/sessions-hub/handoffs.json"

    /// Session path → agent id → time of the last copy. A missing or unreadable file is empty.
    public static func load(root: String) -> [String: [String: Date]] {
        let path = FileSystem.join(root, relativePath)
        guard FileSystem.isFile(path), let bytes = try? FileSystem.read(path), let value = try? JSONParser.parse(bytes) else { return [:] }
        let formatter = ISO8601DateFormatter()
        var result: [String: [String: Date]] = [:]
        for session in value["handoffs"]?.objectValue?.members ?? [] {
            for agent in session.value.objectValue?.members ?? [] {
                if let text = agent.value.stringValue, let date = formatter.date(from: text) { result[session.key, default: [:]][agent.key] = date }
            }
        }
        return result
    }

    /// Records copies under a lock (another hub may be writing too).
    public static func record(root: String, session: String, agents: [String], at date: Date) throws {
        let path = FileSystem.join(root, relativePath)
        try FileManager.default.createDirectory(atPath: WorkspacePaths.parent(path), withIntermediateDirectories: true)
        let stamp = ISO8601DateFormatter().string(from: date)
        try AtomicFile.withLock(on: path) {
            var document = (try? JSONDocument(bytes: FileSystem.read(path))) ?? JSONDocument(value: .object(JSONObject([("handoffs", .object(JSONObject()))])))
            if document.root["handoffs"]?.objectValue == nil {
                document = JSONDocument(value: .object(JSONObject([("handoffs", .object(JSONObject()))])))
            }
            for agent in agents {
                try document.set([.key("handoffs"), .key(session), .key(agent)], to: .string(stamp))
            }
            try AtomicFile.write(document.bytes, to: path)
        }
    }
}
