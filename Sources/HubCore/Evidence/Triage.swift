import Foundation

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
        // Hashed twice since the first version: kept, so that earlier snoozes and dismissals hold.
        return String(ContentDigest.sha256Hex(ContentDigest.sha256(Array(parts.joined(separator: "\u{0}").utf8))).prefix(16))
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
