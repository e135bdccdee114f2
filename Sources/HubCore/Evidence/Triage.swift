import Foundation

/// What the person decided about something in NEEDS YOU, journalled in
/// `.coderef/sessions-hub/triage.jsonl` (one verdict a line; an undo is a line of its own):
/// - `snooze`: the agent's items are set aside until its evidence changes (its file, output or
///   activity);
/// - `dismiss`: one reason of the agent (or of the session) is set aside, likewise until its
///   evidence changes;
/// - `mark`: its status was written (the locked `set-status`); undo writes the previous one back.
/// New evidence brings an item back by itself: a verdict holds only while the evidence it was
/// given on (its fingerprint) is unchanged.
public struct TriageVerdict: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case snooze, dismiss, mark, undo
    }

    public var id: String
    public var at: Date
    public var session: String
    public var agent: String?
    public var kind: Kind
    /// `dismiss`: the reason set aside.
    public var reason: AttentionReason?
    /// `mark`: the status written, and the one it replaced.
    public var status: String?
    public var previous: String?
    public var note: String?
    /// Who decided: the user name, or `mcp`.
    public var by: String?
    /// The evidence the verdict was given on (`Triage.fingerprint`).
    public var fingerprint: String?
    /// `undo`: the verdict it takes back.
    public var undoes: String?

    public init(id: String, at: Date, session: String, agent: String?, kind: Kind, reason: AttentionReason? = nil, status: String? = nil,
                previous: String? = nil, note: String? = nil, by: String? = nil, fingerprint: String? = nil, undoes: String? = nil) {
        self.id = id
        self.at = at
        self.session = session
        self.agent = agent
        self.kind = kind
        self.reason = reason
        self.status = status
        self.previous = previous
        self.note = note
        self.by = by
        self.fingerprint = fingerprint
        self.undoes = undoes
    }

    var json: JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(id)), ("at", .string(Timestamp.format(at))), ("session", .string(session)),
                                              ("agent", agent.map(JSONValue.string) ?? .null), ("verdict", .string(kind.rawValue))]
        if let reason { members.append(("reason", .string(reason.rawValue))) }
        if let status { members.append(("status", .string(status))) }
        if let previous { members.append(("previous", .string(previous))) }
        if let note { members.append(("note", .string(note))) }
        if let by { members.append(("by", .string(by))) }
        if let fingerprint { members.append(("fingerprint", .string(fingerprint))) }
        if let undoes { members.append(("undoes", .string(undoes))) }
        return .object(JSONObject(members))
    }

    init?(_ value: JSONValue) {
        guard let id = value["id"]?.stringValue, let at = Timestamp.parse(value["at"]?.stringValue), let session = value["session"]?.stringValue,
              let kind = value["verdict"]?.stringValue.flatMap(Kind.init(rawValue:)) else { return nil }
        self.init(id: id, at: at, session: session, agent: value["agent"]?.stringValue, kind: kind,
                  reason: value["reason"]?.stringValue.flatMap(AttentionReason.init(rawValue:)), status: value["status"]?.stringValue,
                  previous: value["previous"]?.stringValue, note: value["note"]?.stringValue, by: value["by"]?.stringValue,
                  fingerprint: value["fingerprint"]?.stringValue, undoes: value["undoes"]?.stringValue)
    }

    /// `snoozed by ann 2h ago: waiting for review`.
    public var sentence: String {
        let what: String
        switch kind {
        case .snooze: what = "snoozed"
        case .dismiss: what = "dismissed" + (reason.map { " (\($0.word))" } ?? "")
        case .mark: what = "marked \(status ?? "?")"
        case .undo: what = "undone"
        }
        return what + (by.map { " by \($0)" } ?? "") + (note.map { ": \($0)" } ?? "")
    }
}

/// The verdicts' rules: which are in force, what they set aside, the journal.
public enum Triage {
    public static let fileName = "triage.jsonl"
    public static let relativePath = HubStateFolder.relativePath + "/" + fileName
    static let limit = 1024 * 1024

    /// Every verdict in the journal, oldest first.
    public static func load(root: String) -> [TriageVerdict] {
        JSONLines.read(FileSystem.join(root, relativePath), limit: limit).compactMap(TriageVerdict.init)
    }

    public static func record(_ verdict: TriageVerdict, root: String) throws {
        try JSONLines.append(fileName, root: root, limit: limit) { _ in [verdict.json] }
    }

    /// Snoozes and dismissals not undone, by session path (the newest last).
    public static func inForce(_ journal: [TriageVerdict]) -> [String: [TriageVerdict]] {
        let undone = Set(journal.compactMap { $0.kind == .undo ? $0.undoes : nil })
        var result: [String: [TriageVerdict]] = [:]
        for verdict in journal where (verdict.kind == .snooze || verdict.kind == .dismiss) && !undone.contains(verdict.id) {
            result[verdict.session, default: []].append(verdict)
        }
        return result
    }

    /// The newest verdict not undone (what `u` / `triage --undo` takes back), if any.
    public static func lastUndoable(_ journal: [TriageVerdict]) -> TriageVerdict? {
        let undone = Set(journal.compactMap { $0.kind == .undo ? $0.undoes : nil })
        return journal.last { $0.kind != .undo && !undone.contains($0.id) }
    }

    /// What the agent's (or, without one, the session's) evidence is now: a verdict holds while
    /// this is unchanged. Its status, note, tasks, output, when it last changed, and what it does.
    /// (Hashed: a note may be long, and the journal keeps only what tells evidence apart.)
    public static func fingerprint(session: Session, agent agentId: String?, snapshot: WorkspaceSnapshot) -> String {
        let parts: [String]
        if let agentId, let agent = session.everyone.first(where: { $0.agentId == agentId }) {
            let changed = Evidence.changedAt(agent, in: session, snapshot: snapshot).map(Timestamp.format) ?? ""
            let activity = snapshot.activity(of: agent, in: session)
            parts = [agent.status.word ?? "", agent.notes ?? "", "\(agent.tasksDone ?? -1)/\(agent.tasksTotal ?? -1)", agent.outputExists ? "output" : "",
                     changed, activity?.state.rawValue ?? "", activity?.detail ?? ""]
        } else {
            parts = ["session", session.derivedStatus.rawValue, session.storedStatus?.word ?? "", "\(session.agentsComplete)/\(session.agents.count)",
                     session.unreadableFiles.sorted().joined(separator: ",")]
        }
        return String(SHA256.hex(SHA256.digest(Array(parts.joined(separator: "\u{0}").utf8))).prefix(16))
    }

    /// A session's items, split into those still shown and those a verdict in force sets aside.
    public static func sift(_ items: [AttentionItem], session: Session, snapshot: WorkspaceSnapshot) -> (kept: [AttentionItem], setAside: [(item: AttentionItem, verdict: TriageVerdict)]) {
        guard let verdicts = snapshot.triage[session.path], !verdicts.isEmpty, !items.isEmpty else { return (items, []) }
        var kept: [AttentionItem] = []
        var setAside: [(AttentionItem, TriageVerdict)] = []
        var prints: [String: String] = [:]
        for item in items {
            let key = item.agent ?? ""
            let now = prints[key] ?? fingerprint(session: session, agent: item.agent, snapshot: snapshot)
            prints[key] = now
            let holding = verdicts.last { verdict in
                verdict.agent == item.agent && verdict.fingerprint == now && (verdict.kind == .snooze || verdict.reason == item.reason)
            }
            if let holding { setAside.append((item, holding)) } else { kept.append(item) }
        }
        return (kept, setAside)
    }

    /// A new verdict's id: its time and a random part (two hubs never share one).
    public static func newId(at: Date) -> String {
        "t\(Int(at.timeIntervalSince1970 * 1000))-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
    }
}
