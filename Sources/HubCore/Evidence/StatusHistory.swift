import Foundation

/// The status changes the hub has seen, kept in its own file beside the hand-off log (never in the
/// agents' files): `.coderef/sessions-hub/history.jsonl`, one JSON object a line:
/// `{"time", "session", "agent", "from", "to", "note"}`. Appended by the screen, `status --watch`
/// and `set-status` under a lock; when it passes `limit` bytes the older half is dropped.
public enum StatusHistory {
    public static let relativePath = HubStateFolder.relativePath + "/history.jsonl"
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

    /// Every entry, oldest first, from the file's last `limit` bytes (it is trimmed to that on
    /// every append); lines that do not parse are skipped.
    public static func load(root: String) -> [Entry] {
        JSONLines.read(FileSystem.join(root, relativePath), limit: limit).compactMap(Entry.init)
    }

    /// What another writer appended since the file was `before` (now `after`): only those bytes are
    /// read. Nil when the file shrank (trimmed), or the new bytes do not start a line: read it whole.
    /// Every writer appends (the file is rewritten with its old lines first, the older half dropped
    /// only past `limit`), so a longer file is the old one plus new lines.
    public static func appended(root: String, since before: FileStamp, now after: FileStamp) -> [Entry]? {
        let added = after.size - before.size
        guard added > 0, before.size > 0 else { return nil }
        // One byte more than the new lines: the newline that ended the old file, which readTail drops.
        guard let tail = try? FileSystem.readTail(FileSystem.join(root, relativePath), count: added + 1), tail.cut, tail.bytes.count == added else { return nil }
        return JSONLines.values(in: tail.bytes).compactMap(Entry.init)
    }

    /// Folds entries into a snapshot's last-change times (newer wins).
    public static func fold(_ entries: [Entry], into changes: inout [String: [String: Date]]) {
        for entry in entries where (changes[entry.session]?[entry.agent] ?? .distantPast) < entry.time {
            changes[entry.session, default: [:]][entry.agent] = entry.time
        }
    }

    /// The history file's stamp now (nil: there is none).
    public static func stamp(root: String) -> FileStamp? {
        FileStamp(FileSystem.join(root, relativePath))
    }

    /// Records what a live screen saw change, and folds it into `snapshot` (its `statusChanges` and
    /// the file's new stamp), so the watcher's echo of this write finds nothing new to read.
    public static func record(_ entries: [Entry], into snapshot: inout WorkspaceSnapshot, root: String) throws {
        guard !entries.isEmpty else { return }
        let before = stamp(root: root)
        try append(entries, root: root)
        fold(entries, into: &snapshot.statusChanges)
        // Only when nobody else wrote between what was read and this write is the new stamp ours alone.
        if before == snapshot.historyStamp || snapshot.historyStamp == nil { snapshot.historyStamp = stamp(root: root) }
    }

    /// Session path → agent id → when its status was last seen to change.
    public static func lastChanges(_ entries: [Entry]) -> [String: [String: Date]] {
        var result: [String: [String: Date]] = [:]
        fold(entries, into: &result)
        return result
    }

    /// The longest a recorded word or note may be: a status word of a megabyte is someone's
    /// mistake (or an attack), and must not push every other entry out of the file.
    static let fieldLimit = 2048

    /// Appends entries, skipping any whose change is already the latest recorded for its agent
    /// (the screen and `status --watch` may both see the same change). Only the file's tail is read;
    /// a history that cannot be read is moved aside (`history.jsonl.unreadable-<time>`), never
    /// overwritten, and when even that fails nothing is written.
    public static func append(_ entries: [Entry], root: String) throws {
        guard !entries.isEmpty else { return }
        try JSONLines.append("history.jsonl", root: root, limit: limit) { existing in
            var latest: [String: String?] = [:]
            for entry in existing.compactMap(Entry.init) { latest[entry.session + "\u{0}" + entry.agent] = .some(entry.to) }
            var added: [JSONValue] = []
            for var entry in entries {
                entry.capFields()
                let key = entry.session + "\u{0}" + entry.agent
                if let last = latest[key], last == entry.to { continue }
                latest[key] = .some(entry.to)
                added.append(entry.json)
            }
            return added
        }
    }
}

extension StatusHistory.Entry {
    /// Each field cut to `StatusHistory.fieldLimit` bytes (at a character boundary, marked with …).
    mutating func capFields() {
        func cap(_ text: String) -> String {
            guard text.utf8.count > StatusHistory.fieldLimit else { return text }
            var result = ""
            for character in text {
                if result.utf8.count + character.utf8.count > StatusHistory.fieldLimit - 3 { break }
                result.append(character)
            }
            return result + "…"
        }
        session = cap(session)
        agent = cap(agent)
        from = from.map(cap)
        to = to.map(cap)
        note = note.map(cap)
    }
}
