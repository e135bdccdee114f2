import Foundation

/// The status changes the hub has seen, kept in its own file beside the hand-off log (never in the
/// agents' files): `.coderef/sessions-hub/history.jsonl`, one JSON object a line:
/// `{"time", "session", "agent", "from", "to", "note"}`. Appended by the screen, `status --watch`
/// and `set-status` under a lock; when it passes `limit` bytes the older half is dropped.
public enum StatusHistory {
    public static let relativePath = ".coderef/sessions-hub/history.jsonl"
    public static let limit = 1024 * 1024

    public struct Entry: Equatable, Sendable {
        public var time: Date
        public var session: String
        public var agent: String
        public var from: String?
        public var to: String?
        public var note: String?

        public init(time: Date, session: String, agent: String, from: String?, to: String?, note: String? = nil) {
            self.time = time
            self.session = session
            self.agent = agent
            self.from = from
            self.to = to
            self.note = note
        }

        var json: JSONValue {
            .object(JSONObject([
                ("time", .string(Timestamp.format(time))), ("session", .string(session)), ("agent", .string(agent)),
                ("from", from.map(JSONValue.string) ?? .null), ("to", to.map(JSONValue.string) ?? .null),
                ("note", note.map(JSONValue.string) ?? .null),
            ]))
        }

        init?(_ value: JSONValue) {
            guard let time = Timestamp.parse(value["time"]?.stringValue), let session = value["session"]?.stringValue,
                  let agent = value["agent"]?.stringValue else { return nil }
            self.init(time: time, session: session, agent: agent, from: value["from"]?.stringValue, to: value["to"]?.stringValue, note: value["note"]?.stringValue)
        }
    }

    /// Every entry, oldest first; lines that do not parse are skipped.
    public static func load(root: String) -> [Entry] {
        let path = FileSystem.join(root, relativePath)
        guard FileSystem.isFile(path), let bytes = try? FileSystem.read(path) else { return [] }
        return bytes.split(separator: UInt8(ascii: "\n")).compactMap { line in
            (try? JSONParser.parse(Array(line))).flatMap(Entry.init)
        }
    }

    /// Session path → agent id → when its status was last seen to change.
    public static func lastChanges(_ entries: [Entry]) -> [String: [String: Date]] {
        var result: [String: [String: Date]] = [:]
        for entry in entries where (result[entry.session]?[entry.agent] ?? .distantPast) < entry.time {
            result[entry.session, default: [:]][entry.agent] = entry.time
        }
        return result
    }

    /// Appends entries, skipping any whose change is already the latest recorded for its agent
    /// (the screen and `status --watch` may both see the same change).
    public static func append(_ entries: [Entry], root: String) throws {
        guard !entries.isEmpty else { return }
        let path = FileSystem.join(root, relativePath)
        try FileManager.default.createDirectory(atPath: WorkspacePaths.parent(path), withIntermediateDirectories: true)
        try AtomicFile.withLock(on: path) {
            var existing = FileSystem.isFile(path) ? ((try? FileSystem.read(path)) ?? []) : []
            let known = load(root: root)
            var latest: [String: String?] = [:]
            for entry in known { latest[entry.session + "\u{0}" + entry.agent] = .some(entry.to) }
            var added: [UInt8] = []
            for entry in entries {
                let key = entry.session + "\u{0}" + entry.agent
                if let last = latest[key], last == entry.to { continue }
                latest[key] = .some(entry.to)
                added += JSONPrinter.compactBytes(entry.json) + [UInt8(ascii: "\n")]
            }
            guard !added.isEmpty else { return }
            existing += added
            if existing.count > limit {
                // Keep the newer half, starting at a line boundary.
                let cut = existing.count - limit / 2
                let start = existing[cut...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? existing.count
                existing = Array(existing[start...])
            }
            try AtomicFile.write(existing, to: path)
        }
    }
}
