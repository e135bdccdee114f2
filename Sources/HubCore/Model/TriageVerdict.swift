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
