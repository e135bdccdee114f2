import Foundation

/// When each agent's one-liner was copied: the hub's own small state file
/// (`.coderef/sessions-hub/handoffs.json`), never written into the agents' files.
/// `{"handoffs": {"<session path>": {"<agent id>": "<ISO time>"}}}`.
public enum HandoffLog {
    static let fileName = "handoffs.json"
    public static let relativePath = HubStateFolder.relativePath + "/" + fileName

    /// Session path → agent id → time of the last copy. A missing or unreadable file is empty.
    public static func load(root: String) -> [String: [String: Date]] { loadAll(root: root).handoffs }

    /// The hand-offs and the dispatches (`"dispatches": {"<session>": {"<agent>": {"at", "pane",
    /// "window", "form", "outcome"}}}`), read once.
    public static func loadAll(root: String) -> (handoffs: [String: [String: Date]], dispatches: [String: [String: DispatchRecord]]) {
        let path = FileSystem.join(root, relativePath)
        guard FileSystem.isFile(path), let bytes = try? FileSystem.read(path), let value = try? JSONParser.parse(bytes) else { return ([:], [:]) }
        let formatter = ISO8601DateFormatter()
        var handoffs: [String: [String: Date]] = [:]
        for session in value["handoffs"]?.objectValue?.members ?? [] {
            for agent in session.value.objectValue?.members ?? [] {
                if let text = agent.value.stringValue, let date = formatter.date(from: text) { handoffs[session.key, default: [:]][agent.key] = date }
            }
        }
        var dispatches: [String: [String: DispatchRecord]] = [:]
        for session in value["dispatches"]?.objectValue?.members ?? [] {
            for agent in session.value.objectValue?.members ?? [] {
                guard let entry = agent.value.objectValue, let at = entry["at"]?.stringValue.flatMap(formatter.date(from:)) else { continue }
                dispatches[session.key, default: [:]][agent.key] = DispatchRecord(
                    at: at, pane: entry["pane"]?.stringValue, window: entry["window"]?.stringValue,
                    form: entry["form"]?.stringValue ?? "short", outcome: entry["outcome"]?.stringValue ?? "submitted")
            }
        }
        return (handoffs, dispatches)
    }

    /// Records a dispatch; a delivered one is a hand-off too (its "not picked up" clock starts).
    public static func record(root: String, dispatch result: DispatchResult) throws {
        let path = try HubStateFolder.prepare(fileName, root: root)
        let stamp = ISO8601DateFormatter().string(from: result.at)
        try AtomicFile.withLock(on: path) {
            var document = (try? JSONDocument(bytes: FileSystem.read(path))) ?? JSONDocument(value: .object(JSONObject([("handoffs", .object(JSONObject()))])))
            if document.root.objectValue == nil { document = JSONDocument(value: .object(JSONObject([("handoffs", .object(JSONObject()))]))) }
            var members: [(String, JSONValue)] = [("at", .string(stamp)), ("form", .string(result.longForm ? "long" : "short")), ("outcome", .string(result.outcome.word))]
            if let pane = result.pane { members.append(("pane", .string(pane))) }
            if let window = result.window { members.append(("window", .string(window))) }
            if document.root["dispatches"]?.objectValue == nil { try document.set([.key("dispatches")], to: .object(JSONObject())) }
            try document.set([.key("dispatches"), .key(result.sessionPath), .key(result.agentId)], to: .object(JSONObject(members)))
            if result.outcome.delivered {
                if document.root["handoffs"]?.objectValue == nil { try document.set([.key("handoffs")], to: .object(JSONObject())) }
                try document.set([.key("handoffs"), .key(result.sessionPath), .key(result.agentId)], to: .string(stamp))
            }
            try AtomicFile.write(document.bytes, to: path)
        }
    }

    /// Records copies under a lock (another hub may be writing too).
    public static func record(root: String, session: String, agents: [String], at date: Date) throws {
        let path = try HubStateFolder.prepare(fileName, root: root)
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
