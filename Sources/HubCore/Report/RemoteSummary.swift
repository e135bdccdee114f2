import Foundation

/// A far workspace as this hub shows it, read back from what its hub sent (the JSON of
/// `status --json` there). Anything missing or of another type is left out, never trusted: the far
/// side is another machine's code. Text in it is kept as sent; whoever draws it sanitises it.
public struct RemoteSummary: Equatable, Sendable {
    public struct SessionRow: Equatable, Sendable {
        public var name: String
        public var path: String
        public var status: StatusBucket
        public var agentsComplete: Int
        public var agentsTotal: Int
        public var archived: Bool
        public var phase: Int? = nil
        /// An agent of it is at work now (its activity, read on the far side).
        public var working = false

        public init(name: String, path: String, status: StatusBucket, agentsComplete: Int, agentsTotal: Int, archived: Bool, phase: Int? = nil, working: Bool = false) {
            self.name = name
            self.path = path
            self.status = status
            self.agentsComplete = agentsComplete
            self.agentsTotal = agentsTotal
            self.archived = archived
            self.phase = phase
            self.working = working
        }
    }

    public struct StubRow: Equatable, Sendable {
        public var name: String
        public var path: String
        public var status: StatusBucket
        public var priority: String?
        public var agents: Int
        public var archived: Bool
        /// A session was started from it (the far side's rows show the session instead).
        public var promoted: Bool
    }

    public struct Item: Equatable, Sendable {
        public var session: String
        public var agent: String?
        public var reason: AttentionReason?
        /// The reason as sent (a newer far hub may know reasons this one does not).
        public var reasonWord: String
        public var note: String?
        public var since: Date?
    }

    public var root: String?
    /// How many stubs there are (from a far hub that sends no stub rows, the only thing known).
    public var stubCount: Int
    public var stubs: [StubRow]
    public var sessions: [SessionRow]
    /// What needs the person there, in the far side's order (worst first).
    public var attention: [Item] { didSet { itemsBySession = Self.index(attention) } }
    /// Indices into `attention` by session path, worst first: kept with it, since the status bar,
    /// the list's rows and its filter ask per frame and per row.
    public private(set) var itemsBySession: [String: [Int]] = [:]
    /// How many sessions there need the person (one count per session, as the list shows them).
    public var sessionsNeedingYou: Int { itemsBySession.count }

    /// The items of one far session, worst first.
    public func items(of session: String) -> [Item] { (itemsBySession[session] ?? []).map { attention[$0] } }

    static func index(_ items: [Item]) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (offset, item) in items.enumerated() { index[item.session, default: []].append(offset) }
        return index
    }

    public init?(status: JSONValue) {
        guard case .object = status else { return nil }
        root = status["root"]?.stringValue
        stubCount = status["counts"]?["stubs"]?.intValue ?? status["stubs"]?.arrayValue?.count ?? 0
        stubs = (status["stubs"]?.arrayValue ?? []).compactMap { value in
            guard let name = value["feature_name"]?.stringValue, let path = value["path"]?.stringValue else { return nil }
            let promoted = value["promoted_to"]?.stringValue.map { !$0.isEmpty } ?? false
            return StubRow(name: name, path: path, status: StatusBucket(rawValue: value["bucket"]?.stringValue ?? "") ?? .other,
                           priority: value["priority"]?.stringValue, agents: max(0, value["agents"]?.intValue ?? 0),
                           archived: value["archived"] == .bool(true), promoted: promoted)
        }
        sessions = (status["sessions"]?.arrayValue ?? []).compactMap { value in
            guard let name = value["name"]?.stringValue, let path = value["path"]?.stringValue else { return nil }
            // The slim summary says `working`; a whole status says it in each agent's activity.
            let working = value["working"] == .bool(true)
                || (value["agents"]?.arrayValue ?? []).contains { $0["activity"]?["state"]?.stringValue == Activity.State.working.rawValue }
            return SessionRow(name: name, path: path, status: StatusBucket(rawValue: value["derived_status"]?.stringValue ?? "") ?? .other,
                              agentsComplete: max(0, value["agents_complete"]?.intValue ?? 0), agentsTotal: max(0, value["agents_total"]?.intValue ?? 0),
                              archived: value["archived"] == .bool(true), phase: value["phase"]?.intValue, working: working)
        }
        attention = (status["attention"]?.arrayValue ?? []).compactMap { value in
            guard let session = value["session"]?.stringValue, let reason = value["reason"]?.stringValue else { return nil }
            return Item(session: session, agent: value["agent"]?.stringValue, reason: AttentionReason(rawValue: reason), reasonWord: reason,
                        note: value["note"]?.stringValue, since: Timestamp.parse(value["since"]?.stringValue))
        }
        itemsBySession = Self.index(attention)
    }

    /// What a far hub sends a near one that follows it: only what this summary reads (the rows the
    /// screen shows, and what needs the person) — a tenth of the whole status, so a far change costs
    /// little to send and to read.
    public static func json(_ snapshot: WorkspaceSnapshot, now: Date, policy: EvidencePolicy) -> JSONValue {
        .object(JSONObject([
            ("root", .string(snapshot.root)),
            ("counts", .object(JSONObject([("stubs", .int(snapshot.stubs.count)), ("sessions", .int(snapshot.sessions.count))]))),
            ("stubs", .array(snapshot.stubs.map { stub in
                .object(JSONObject([
                    ("feature_name", .string(stub.featureName)), ("path", .string(stub.path)), ("bucket", .string(stub.status.bucket.rawValue)),
                    ("priority", StatusReport.optional(stub.priority)), ("agents", .int(stub.agents.count)), ("archived", .bool(stub.archived)),
                    ("promoted_to", StatusReport.optional(stub.promotedTo)),
                ]))
            })),
            ("sessions", .array(snapshot.sessions.map { session in
                .object(JSONObject([
                    ("name", .string(session.name)), ("path", .string(session.path)), ("derived_status", .string(session.derivedStatus.rawValue)),
                    ("agents_complete", .int(session.agentsComplete)), ("agents_total", .int(session.agents.count)), ("archived", .bool(session.archived)),
                    ("phase", StatusReport.optional(session.phase)),
                    ("working", .bool(snapshot.activities[session.path]?.values.contains { $0.state == .working } ?? false)),
                ]))
            })),
            ("attention", .array(Evidence.attention(snapshot, now: now, policy: policy).map(StatusReport.attentionJSON))),
        ]))
    }

    /// Sessions not archived.
    public var liveSessions: Int { sessions.filter { !$0.archived }.count }
}
