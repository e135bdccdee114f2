import Foundation

/// How long before silence means something: an agent in progress whose own files have not changed
/// for `staleAfter` is stale; one still not started `notPickedUpAfter` after its hand-off was not
/// picked up.
public struct EvidencePolicy: Equatable, Sendable {
    public var staleAfter: TimeInterval
    public var notPickedUpAfter: TimeInterval
    /// An agent whose turn ended this long ago while its status is still not complete forgot to
    /// report (or asked a question in prose).
    public var idleUnreportedAfter: TimeInterval

    public init(staleAfter: TimeInterval = 30 * 60, notPickedUpAfter: TimeInterval = 15 * 60, idleUnreportedAfter: TimeInterval = 2 * 60) {
        self.staleAfter = staleAfter
        self.notPickedUpAfter = notPickedUpAfter
        self.idleUnreportedAfter = idleUnreportedAfter
    }

    public init(_ settings: HubSettings) {
        self.init(staleAfter: settings.staleAfter, notPickedUpAfter: settings.notPickedUpAfter, idleUnreportedAfter: settings.idleUnreportedAfter)
    }
}

/// What an agent's claim looks like next to the evidence.
public enum EvidenceFlag: String, Equatable, Sendable {
    /// Says complete, but its output file is missing or its tasks are not all done.
    case unverified
    /// Says in progress, but nothing of its own has changed for a long time.
    case stale
    /// Its one-liner was handed over long ago and it has still not started.
    case notPickedUp = "not_picked_up"
    /// Every task done, its status still in progress: it finished and did not say so.
    case doneUnreported = "done_unreported"
    /// The session's file and the agent's own file claim different states.
    case conflict
}

public struct AgentEvidence: Equatable, Sendable {
    public var flag: EvidenceFlag?
    /// Why, in a few words: `output missing`, `tasks 1/3`, `no change for 42m`.
    public var detail: String?
    /// When the agent's own evidence last changed (its files, its timestamps, a status change the
    /// hub saw); nil when nothing tells.
    public var changedAt: Date?
}

/// One thing that needs the person: a session, the agent concerned (nil: the session itself), why,
/// the agent's note, and since when.
public struct AttentionItem: Equatable, Sendable {
    public var session: String
    public var agent: String?
    public var reason: AttentionReason
    public var note: String?
    public var since: Date?

    public init(session: String, agent: String?, reason: AttentionReason, note: String?, since: Date?) {
        self.session = session
        self.agent = agent
        self.reason = reason
        self.note = note
        self.since = since
    }

    /// Worst reason first, then the longest waiting, then by name.
    public static func worstFirst(_ a: AttentionItem, _ b: AttentionItem) -> Bool {
        if a.reason != b.reason { return a.reason < b.reason }
        let sa = a.since ?? .distantFuture, sb = b.since ?? .distantFuture
        if sa != sb { return sa < sb }
        return (a.session, a.agent ?? "") < (b.session, b.agent ?? "")
    }
}

/// Claims checked against evidence: the one place that decides what is unverified, stale, not picked
/// up, unreadable or ready to advance. The screen, `status --json`, `status --watch` and `doctor` all
/// ask it.
public enum Evidence {
    /// The agent's last sign of life: its files' times, the hub's history, and its project's last
    /// commit since the hand-off (an agent that commits is at work whatever its file says).
    public static func changedAt(_ agent: AgentState, in session: Session, snapshot: WorkspaceSnapshot) -> Date? {
        [agent.lastChange, snapshot.statusChanges[session.path]?[agent.agentId], snapshot.commits[session.path]?[agent.agentId]?.last].compactMap { $0 }.max()
    }

    public static func assess(_ agent: AgentState, in session: Session, snapshot: WorkspaceSnapshot, now: Date, policy: EvidencePolicy) -> AgentEvidence {
        let changed = changedAt(agent, in: session, snapshot: snapshot)
        var result = AgentEvidence(flag: nil, detail: nil, changedAt: changed)
        // The agent's own file wins over the session's, unless the session's claim is the newer (an
        // orchestrator's edit after the agent's): then two files disagree and neither is judged.
        if let root = agent.rootStatus, root.bucket != agent.status.bucket, agent.status.bucket != .failed, agent.status.bucket != .blocked,
           let rootAt = agent.rootClaimedAt, let ownAt = agent.ownClaimedAt, rootAt.timeIntervalSince(ownAt) >= 1 {
            result.flag = .conflict
            result.detail = conflictDetail(agent, root: root)
            return result
        }
        switch agent.status.bucket {
        case .complete:
            if agent.outputFile != nil && !agent.outputExists {
                result.flag = .unverified
                result.detail = "output missing"
            } else if let invalid = agent.outputInvalid {
                result.flag = .unverified
                result.detail = invalid
            } else if let done = agent.tasksDone, let total = agent.tasksTotal, done < total {
                result.flag = .unverified
                result.detail = "tasks \(done)/\(total)"
            }
        case .inProgress:
            // Finished work is never "stale": it is done and unreported.
            if let done = agent.tasksDone, let total = agent.tasksTotal, total > 0, done == total {
                result.flag = .doneUnreported
                result.detail = "\(done)/\(total) tasks done, status says \(agent.status.word ?? "in progress")"
            } else if let changed, now.timeIntervalSince(changed) >= policy.staleAfter {
                result.flag = .stale
                result.detail = "no change for " + Evidence.age(now.timeIntervalSince(changed))
            }
        case .notStarted:
            // Commits in its project since the hand-off: it was picked up, whatever its file says.
            if snapshot.commits[session.path]?[agent.agentId] != nil { break }
            // A dispatch that was typed but never taken needs the person now, not in fifteen minutes.
            if let dispatch = snapshot.dispatches[session.path]?[agent.agentId], DispatchResult.Outcome.leftInInput(dispatch.outcome),
               snapshot.handoffs[session.path]?[agent.agentId].map({ $0 < dispatch.at }) ?? true {
                result.flag = .notPickedUp
                result.detail = dispatch.outcome + (dispatch.window.map { " (window \($0))" } ?? "")
            } else if let handed = snapshot.handoffs[session.path]?[agent.agentId], now.timeIntervalSince(handed) >= policy.notPickedUpAfter {
                result.flag = .notPickedUp
                result.detail = "handed off " + Evidence.age(now.timeIntervalSince(handed)) + " ago"
            }
        default:
            break
        }
        return result
    }

    /// `session file says complete (2026-11-20 10:00), its own file says in_progress (2026-11-18 09:12)`.
    static func conflictDetail(_ agent: AgentState, root: Status) -> String {
        func dated(_ date: Date?) -> String { date.map { " (\(Timestamp.short($0)))" } ?? "" }
        return "session file says \(root.word ?? "?")\(dated(agent.rootClaimedAt)), its own file says \(agent.status.word ?? "?")\(dated(agent.ownClaimedAt))"
    }

    /// The moment this agent's evidence will next change its verdict by time alone, if any.
    static func deadline(_ agent: AgentState, in session: Session, snapshot: WorkspaceSnapshot, now: Date, policy: EvidencePolicy) -> Date? {
        if let activity = snapshot.activity(of: agent, in: session), activity.state == .idle, !agent.status.bucket.isFinished, let since = activity.since {
            let at = since.addingTimeInterval(policy.idleUnreportedAfter)
            if at > now { return at }
        }
        switch agent.status.bucket {
        case .inProgress:
            guard let changed = changedAt(agent, in: session, snapshot: snapshot) else { return nil }
            let at = changed.addingTimeInterval(policy.staleAfter)
            return at > now ? at : nil
        case .notStarted:
            guard let handed = snapshot.handoffs[session.path]?[agent.agentId] else { return nil }
            let at = handed.addingTimeInterval(policy.notPickedUpAfter)
            return at > now ? at : nil
        default:
            return nil
        }
    }

    /// What needs the person in one session, worst first.
    /// `assessed`: the verdicts of `session.everyone`, when the caller has them already.
    public static func attention(for session: Session, snapshot: WorkspaceSnapshot, context: EvidenceContext, now: Date, policy: EvidencePolicy, assessed: [AgentEvidence]? = nil) -> [AttentionItem] {
        guard !session.archived else { return [] }
        var items: [AttentionItem] = []
        for (index, agent) in session.everyone.enumerated() {
            let evidence = assessed?[index] ?? assess(agent, in: session, snapshot: snapshot, now: now, policy: policy)
            // What the agent itself does comes first: it may wait for the person whatever its file says.
            if let activity = snapshot.activity(of: agent, in: session), let item = activityItem(activity, agent: agent, session: session, now: now, policy: policy) {
                items.append(item)
                continue
            }
            if agent.unreadable {
                let file = agent.nestedFile.map { WorkspacePaths.relative($0, to: session.path) } ?? "its file"
                items.append(AttentionItem(session: session.path, agent: agent.agentId, reason: .unreadable, note: "\(file) cannot be read (being written, or not JSON)", since: nil))
                continue
            }
            let reason: AttentionReason?
            switch (agent.status.bucket, evidence.flag) {
            case (.failed, _): reason = .failed
            case (.blocked, _): reason = .blocked
            case (_, .conflict?): reason = .conflict
            case (_, .stale?): reason = .stale
            case (_, .notPickedUp?): reason = .notPickedUp
            case (_, .unverified?): reason = .unverified
            case (_, .doneUnreported?): reason = .doneUnreported
            default: reason = nil
            }
            guard let reason else { continue }
            // Blocked and failed: the agent's own words. Otherwise what the evidence says comes first.
            let note = (reason == .blocked || reason == .failed) ? agent.notes : ([evidence.detail, agent.notes].compactMap { $0 }.joined(separator: " · ")).nilIfEmpty
            let since = reason == .notPickedUp ? snapshot.handoffs[session.path]?[agent.agentId] : evidence.changedAt
            items.append(AttentionItem(session: session.path, agent: agent.agentId, reason: reason, note: note, since: since))
        }
        // A broken file belongs to the agent whose file it is (named above); the rest to the session.
        let ownFiles = Set(session.everyone.compactMap { $0.unreadable ? $0.nestedFile : nil })
        let broken = (session.unreadableFiles + (context.unreadableFiles[session.path] ?? [])).filter { !ownFiles.contains($0) }
        if let file = broken.first {
            // Whose file: an agent's own file, or any file in its own folder (its instructions.json).
            let folder = WorkspacePaths.parent(file)
            let owner = session.everyone.first { agent in [agent.nestedFile, agent.instructionsFile].contains(file) }
                ?? session.everyone.first { agent in agent.nestedFile.map { WorkspacePaths.parent($0) == folder && folder != session.path } ?? false }
            let more = Set(broken).count > 1 ? " (and \(Set(broken).count - 1) more)" : ""
            items.append(AttentionItem(session: session.path, agent: owner?.agentId, reason: .unreadable,
                                       note: WorkspacePaths.relative(file, to: session.path) + " cannot be read" + more, since: nil))
        }
        for note in context.blockedWorkorders[session.path] ?? [] {
            items.append(AttentionItem(session: session.path, agent: nil, reason: .blocked, note: "workorder " + note, since: nil))
        }
        if let wave = waveReady(session, snapshot: snapshot) {
            items.append(AttentionItem(session: session.path, agent: nil, reason: .waveReady, note: wave, since: nil))
        }
        if isReadyToAdvance(session, context: context) {
            items.append(AttentionItem(session: session.path, agent: nil, reason: .readyToAdvance, note: "phase \(session.phase ?? 1) complete; next phase not started (a)", since: nil))
        }
        // What the person snoozed or dismissed stays out while its evidence is unchanged.
        return Triage.sift(items, session: session, snapshot: snapshot).kept.sorted(by: AttentionItem.worstFirst)
    }

    /// What a verdict in force keeps out of a session's attention, with the verdict.
    public static func setAside(for session: Session, snapshot: WorkspaceSnapshot, context: EvidenceContext, now: Date, policy: EvidencePolicy) -> [(item: AttentionItem, verdict: TriageVerdict)] {
        guard snapshot.triage[session.path]?.isEmpty == false else { return [] }
        var unsifted = snapshot
        unsifted.triage = [:]
        let items = attention(for: session, snapshot: unsifted, context: context, now: now, policy: policy)
        return Triage.sift(items, session: session, snapshot: snapshot).setAside
    }

    /// The attention an agent's own activity calls for, next to its file's claim.
    static func activityItem(_ activity: Activity, agent: AgentState, session: Session, now: Date, policy: EvidencePolicy) -> AttentionItem? {
        let claim = agent.status.word ?? "nothing"
        switch activity.state {
        case .waiting:
            return AttentionItem(session: session.path, agent: agent.agentId, reason: .waiting, note: activity.detail ?? "waiting for you", since: activity.since)
        case .exited where !agent.status.bucket.isFinished:
            return AttentionItem(session: session.path, agent: agent.agentId, reason: .exited,
                                 note: "its process ended" + (activity.detail.map { " (\($0))" } ?? "") + "; status says \(claim)", since: activity.since)
        case .idle where !agent.status.bucket.isFinished:
            guard let since = activity.since, now.timeIntervalSince(since) >= policy.idleUnreportedAfter else { return nil }
            return AttentionItem(session: session.path, agent: agent.agentId, reason: .idleUnreported,
                                 note: "its turn ended \(Evidence.age(now.timeIntervalSince(since))) ago; status says \(claim)", since: since)
        case .working where agent.status.bucket == .complete && activity.source != .pane:
            // (A screen can keep old lines in view; only the agent's own word is trusted for this.)
            return AttentionItem(session: session.path, agent: agent.agentId, reason: .unverified, note: "says complete while still working", since: activity.since)
        default:
            return nil
        }
    }

    /// `wave 2 ready: docs, tests (D)`: the hub handed out an earlier wave, and agents whose
    /// dependencies were not complete then are ready now. Nothing opens by itself; D dispatches them.
    static func waveReady(_ session: Session, snapshot: WorkspaceSnapshot) -> String? {
        guard !session.archived, let records = snapshot.dispatches[session.path], !records.isEmpty else { return nil }
        let delivered = DispatchRecord.delivered(records)
        guard !delivered.isEmpty else { return nil }
        guard case .dispatch(let ready, _) = WaveFollower.next(session, handled: Set(records.keys)) else { return nil }
        let waves = Waves(session)
        // A first-wave agent left out of D on purpose is not news; a later wave (or the orchestrator
        // after every agent) is.
        let later = ready.filter { id in (waves.waveOf[id] ?? 1) > 1 || id == session.orchestrator?.agentId }
        guard !later.isEmpty else { return nil }
        guard let number = later.compactMap({ waves.waveOf[$0] }).min() else { return "every agent complete: \(later.joined(separator: ", ")) ready (D)" }
        return "wave \(number) ready: " + later.joined(separator: ", ") + " (D)"
    }

    /// Complete, the latest phase of its feature, and the workflow names a next phase.
    static func isReadyToAdvance(_ session: Session, context: EvidenceContext) -> Bool {
        guard session.parent == nil, !session.archived, session.derivedStatus == .complete else { return false }
        guard !context.hasLaterPhase.contains(session.path) else { return false }
        let phase = session.phase ?? 1
        let named = max(session.phases.count, context.stubPhaseCount[session.feature] ?? 0)
        return named > phase
    }

    /// Everything that needs the person in the workspace, worst first.
    public static func attention(_ snapshot: WorkspaceSnapshot, now: Date, policy: EvidencePolicy) -> [AttentionItem] {
        let context = EvidenceContext(snapshot)
        return snapshot.sessions.flatMap { attention(for: $0, snapshot: snapshot, context: context, now: now, policy: policy) }
            .sorted(by: AttentionItem.worstFirst)
    }

    /// `42m`, `3h`, `2d`.
    public static func age(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86400 { return "\(s / 3600)h" }
        return "\(s / 86400)d"
    }
}

/// Facts about the whole workspace that the per-session verdicts need, computed once per snapshot:
/// the phases each feature's stub names, sessions that have a later phase, unreadable files.
public struct EvidenceContext: Equatable, Sendable {
    public var stubPhaseCount: [String: Int] = [:]
    public var hasLaterPhase: Set<String> = []
    public var unreadableSessions: Set<String> = []
    /// Session path → its files that cannot be read, in the order the problems name them.
    public var unreadableFiles: [String: [String]] = [:]
    /// Session path → its workorders that name blockers (`WO-ID: the first blocker`).
    public var blockedWorkorders: [String: [String]] = [:]

    public init(_ snapshot: WorkspaceSnapshot) {
        for stub in snapshot.stubs where !stub.phases.isEmpty {
            for key in [stub.featureName, stub.folderName] { stubPhaseCount[key] = max(stubPhaseCount[key] ?? 0, stub.phases.count) }
        }
        for feature in snapshot.features where feature.sessionPaths.count > 1 {
            for path in feature.sessionPaths.dropLast() { hasLaterPhase.insert(path) }
        }
        noteUnreadable(snapshot.problems, sessions: snapshot.sessions)
        // A workorder that names blockers needs the person as its session does (links are worked out
        // only when one does: they walk every stub and session).
        let blocked = snapshot.workorders.filter { !$0.blockers.isEmpty && !$0.archived }
        if !blocked.isEmpty {
            let links = WorkorderLinks(snapshot)
            for workorder in blocked {
                guard let session = links.session[workorder.path] else { continue }
                blockedWorkorders[session, default: []].append(workorder.workorderId + ": " + workorder.blockers[0])
            }
        }
    }

    public init() {}

    /// Re-derives the unreadable files (problems change with every reload; they are few).
    public mutating func noteUnreadable(_ problems: [Problem], sessions: [Session]) {
        unreadableSessions = []
        unreadableFiles = [:]
        for problem in problems where problem.isUnreadableFile {
            var folder = WorkspacePaths.parent(problem.path)
            while !folder.isEmpty && folder != "." && folder != "/" {
                if let index = sessions.sortedIndex(ofPath: folder) {
                    unreadableSessions.insert(sessions[index].path)
                    unreadableFiles[sessions[index].path, default: []].append(problem.path)
                    break
                }
                let up = WorkspacePaths.parent(folder)
                if up == folder { break }
                folder = up
            }
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
