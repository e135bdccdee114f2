import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// Claims checked against evidence: each rule of [TRUTH] on a small real workspace.
@Suite struct EvidenceTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let policy = EvidencePolicy(staleAfter: 30 * 60, notPickedUpAfter: 15 * 60)

    func session(_ json: String, files: [String: String] = [:]) throws -> (TemporaryWorkspace, WorkspaceSnapshot, Session) {
        let workspace = try TemporaryWorkspace("evidence")
        try workspace.write("coderef/sessions/feat-phase1/communication.json", json)
        for (path, text) in files { try workspace.write(path, text) }
        let snapshot = workspace.load()
        return (workspace, snapshot, try #require(snapshot.sessions.first))
    }

    @Test func aSessionWhoseOrchestratorStillWorksIsNotComplete() throws {
        let (_, _, session) = try session(#"""
        {"workorder_id": "WO-F-001", "orchestrator": {"agent_id": "boss", "status": "in_progress"},
         "agents": [{"agent_id": "a", "status": "complete"}, {"agent_id": "b", "status": "done"}]}
        """#)
        #expect(session.derivedStatus == .inProgress)
        #expect(session.waitingOnOrchestrator)
        #expect(session.statusLabel == "in progress · orchestrator")
    }

    @Test func anOrchestratorNamedOnlyByIdDoesNotHoldTheSessionBack() throws {
        let (_, _, session) = try session(#"{"orchestrator": "coderef", "agents": [{"agent_id": "a", "status": "complete"}]}"#)
        #expect(session.derivedStatus == .complete)
        #expect(!session.waitingOnOrchestrator)
    }

    @Test func completeWithoutItsOutputOrWithTasksLeftIsUnverified() throws {
        let (_, snapshot, session) = try session(#"""
        {"agents": [{"agent_id": "a", "status": "complete", "output_file": "a-out.json"},
                    {"agent_id": "b", "status": "complete", "output_file": "b-out.json"},
                    {"agent_id": "c", "status": "complete", "tasks": [{"status": "complete"}, {"status": "pending"}, {"status": "pending"}]}]}
        """#, files: ["coderef/sessions/feat-phase1/b-out.json": "{}"])
        let verdicts = session.agents.map { Evidence.assess($0, in: session, snapshot: snapshot, now: now, policy: policy) }
        #expect(verdicts.map(\.flag) == [.unverified, nil, .unverified])
        #expect(verdicts[0].detail == "output missing")
        #expect(verdicts[2].detail == "tasks 1/3")
        let items = Evidence.attention(snapshot, now: now, policy: policy)
        #expect(items.map(\.reason) == [.unverified, .unverified])
    }

    @Test func anAgentsAgeComesFromItsOwnEvidenceNeverTheSharedFile() throws {
        let (_, snapshot, session) = try session(#"""
        {"agents": [{"agent_id": "a", "status": "complete", "completed_at": "2026-11-18T10:00:00Z"},
                    {"agent_id": "b", "status": "in_progress"}]}
        """#)
        let a = try #require(session.agents.first { $0.agentId == "a" })
        let b = try #require(session.agents.first { $0.agentId == "b" })
        #expect(Evidence.changedAt(a, in: session, snapshot: snapshot) == Timestamp.parse("2026-11-18T10:00:00Z"))
        #expect(Evidence.changedAt(b, in: session, snapshot: snapshot) == nil, "the shared communication.json's time is not b's")
        var seen = snapshot
        seen.statusChanges[session.path] = ["b": now.addingTimeInterval(-60)]
        #expect(Evidence.changedAt(b, in: session, snapshot: seen) == now.addingTimeInterval(-60), "a change the hub saw counts")
    }

    @Test func staleKeepsTheWordAndSaysSince() throws {
        let (_, snapshot, session) = try session(#"{"agents": [{"agent_id": "a", "status": "in_progress", "updated_at": "2026-11-18T08:00:00Z"}]}"#)
        let agent = try #require(session.agents.first)
        let verdict = Evidence.assess(agent, in: session, snapshot: snapshot, now: Timestamp.parse("2026-11-18T08:42:00Z")!, policy: policy)
        #expect(verdict.flag == .stale)
        #expect(verdict.detail == "no change for 42m")
        #expect(agent.status.word == "in_progress", "the word as written stays")
        let fresh = Evidence.assess(agent, in: session, snapshot: snapshot, now: Timestamp.parse("2026-11-18T08:10:00Z")!, policy: policy)
        #expect(fresh.flag == nil)
    }

    @Test func aHandOffNotPickedUpNeedsThePerson() throws {
        var (_, snapshot, session) = try session(#"{"agents": [{"agent_id": "a", "status": "not_started"}, {"agent_id": "b", "status": "not_started"}]}"#)
        snapshot.handoffs[session.path] = ["a": now.addingTimeInterval(-3600), "b": now.addingTimeInterval(-60)]
        let items = Evidence.attention(snapshot, now: now, policy: policy)
        #expect(items.map(\.agent) == ["a"])
        #expect(items.first?.reason == .notPickedUp)
    }

    @Test func theWorstComesFirstWithTheAgentsNote() throws {
        let (_, snapshot, _) = try session(#"""
        {"agents": [{"agent_id": "late", "status": "complete", "output_file": "nope.json"},
                    {"agent_id": "stuck", "status": "blocked", "notes": "Waiting for the v2 auth endpoint"},
                    {"agent_id": "broken", "status": "failed", "notes": "tests fail"}]}
        """#)
        let items = Evidence.attention(snapshot, now: now, policy: policy)
        #expect(items.map(\.reason) == [.failed, .blocked, .unverified])
        #expect(items[1].note == "Waiting for the v2 auth endpoint")
    }

    @Test func aCompletePhaseWithANamedNextPhaseIsReadyToAdvance() throws {
        let (_, snapshot, _) = try session(#"{"agents": [{"agent_id": "a", "status": "complete"}]}"#,
            files: ["coderef/working/feat/stub.json": #"{"feature_name": "feat", "status": "promoted", "session_phases": ["Phase 1: A", "Phase 2: B"]}"#])
        let items = Evidence.attention(snapshot, now: now, policy: policy)
        #expect(items.map(\.reason) == [.readyToAdvance])
    }

    @Test func theBoardFollowsIncrementalReloads() throws {
        let (workspace, snapshot, session) = try session(#"{"agents": [{"agent_id": "a", "status": "in_progress"}]}"#)
        var board = AttentionBoard(snapshot, now: now, policy: policy)
        #expect(board.ordered.isEmpty)
        try workspace.write("coderef/sessions/feat-phase1/communication.json", #"{"agents": [{"agent_id": "a", "status": "blocked", "notes": "why"}]}"#)
        let reload = WorkspaceLoader(layout: WorkspaceLayout(root: workspace.root)).reloadTouching(changed: [workspace.path("coderef/sessions/feat-phase1/communication.json")], previous: snapshot)
        board.update(reload.snapshot, touched: reload.touched, now: now, policy: policy)
        #expect(board.worst(session.path)?.reason == .blocked)
        #expect(board.worst(session.path)?.note == "why")
    }
}

@Suite struct HandoffReloadTests {
    /// A new hand-off touches its session alone, so the verdicts of that session (not of every
    /// session with a history) are renewed.
    @Test func aChangedHandoffTouchesOnlyItsSession() throws {
        let workspace = try TemporaryWorkspace("handoff-touch")
        for name in ["a", "b"] {
            _ = try workspace.write("coderef/sessions/\(name)/communication.json", #"{"agents": [{"agent_id": "x", "status": "not_started"}]}"#)
        }
        let layout = WorkspaceLayout(root: workspace.root)
        try HandoffLog.record(root: workspace.root, session: "coderef/sessions/b", agents: ["x"], at: Date(timeIntervalSince1970: 1_795_000_000))
        let before = workspace.load()
        try HandoffLog.record(root: workspace.root, session: "coderef/sessions/a", agents: ["x"], at: Date(timeIntervalSince1970: 1_795_000_000))
        let reload = WorkspaceLoader(layout: layout).reloadTouching(changed: [workspace.path(HandoffLog.relativePath)], previous: before)
        #expect(reload.touched?.sessionFolders == ["coderef/sessions/a"])
        var board = AttentionBoard(before, now: Date(timeIntervalSince1970: 1_795_003_600), policy: EvidencePolicy())
        #expect(board.worst("coderef/sessions/a") == nil)
        board.update(reload.snapshot, touched: reload.touched, now: Date(timeIntervalSince1970: 1_795_003_600), policy: EvidencePolicy())
        #expect(board.worst("coderef/sessions/a")?.reason == .notPickedUp)
    }
}

@Suite struct StatusHistoryTests {
    @Test func appendsOnceLoadsAndKeepsTheLatestPerAgent() throws {
        let workspace = try TemporaryWorkspace("history")
        let t0 = Date(timeIntervalSince1970: 1_795_000_000)
        try StatusHistory.append([StatusHistory.Entry(time: t0, session: "s", agent: "a", from: "not_started", to: "in_progress")], root: workspace.root)
        // The screen and status --watch may both record the same change: it is kept once.
        try StatusHistory.append([StatusHistory.Entry(time: t0.addingTimeInterval(1), session: "s", agent: "a", from: "not_started", to: "in_progress")], root: workspace.root)
        try StatusHistory.append([StatusHistory.Entry(time: t0.addingTimeInterval(60), session: "s", agent: "a", from: "in_progress", to: "blocked", note: "why")], root: workspace.root)
        let entries = StatusHistory.load(root: workspace.root)
        #expect(entries.map(\.to) == ["in_progress", "blocked"])
        #expect(entries.last?.note == "why")
        #expect(StatusHistory.lastChanges(entries)["s"]?["a"] == t0.addingTimeInterval(60))
    }

    @Test func staysBoundedAndSkipsBrokenLines() throws {
        let workspace = try TemporaryWorkspace("history-bound")
        _ = try workspace.write(StatusHistory.relativePath, "not json\n" + String(repeating: "x", count: 10) + "\n")
        var entries: [StatusHistory.Entry] = []
        for index in 0..<12_000 {
            entries.append(StatusHistory.Entry(time: Date(timeIntervalSince1970: Double(1_795_000_000 + index)), session: "s-\(index)", agent: "a", from: nil, to: "step-\(index)"))
        }
        try StatusHistory.append(entries, root: workspace.root)
        let size = try FileManager.default.attributesOfItem(atPath: workspace.path(StatusHistory.relativePath))[.size] as? Int ?? 0
        #expect(size <= StatusHistory.limit)
        let loaded = StatusHistory.load(root: workspace.root)
        #expect(loaded.last?.to == "step-11999", "the newest are kept")
        #expect(loaded.count < 12_000)
    }
}

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2026-11-20T10:00:00Z", 1_795_168_800.0), ("2026-11-20T10:00:00.500Z", 1_795_168_800.5),
        ("2026-11-20T11:00:00+01:00", 1_795_168_800.0), ("2026-11-20T10:00:00", 1_795_168_800.0),
        ("2026-11-20", 1_795_132_800.0), ("2026-11-20 10:00", 1_795_168_800.0),
    ])
    func parsesWhatTheWorkflowWrites(text: String, seconds: Double) {
        #expect(Timestamp.parse(text)?.timeIntervalSince1970 == seconds, "\(text)")
    }

    @Test func rejectsWhatIsNoTime() {
        for text in ["", "soon", "2026-13-01", "2026/11/20", "2026-11-20Tnoon", nil] as [String?] { #expect(Timestamp.parse(text) == nil) }
    }
}

@Suite struct TimestampFormatTests {
    @Test func formatsAsISO8601InUTCAndParsesBack() {
        for seconds in [0.0, 1_795_168_800, 1_795_168_859.9, 951_782_400] {
            let date = Date(timeIntervalSince1970: seconds)
            let text = Timestamp.format(date)
            let formatter = ISO8601DateFormatter()
            #expect(text == formatter.string(from: date))
            #expect(Timestamp.parse(text) == Date(timeIntervalSince1970: seconds.rounded(.down)))
        }
    }
}

/// Finished work that was not reported is its own reason, never "stale".
@Suite struct DoneUnreportedTests {
    @Test func everyTaskDoneWithTheStatusInProgressIsDoneUnreported() throws {
        let workspace = try TemporaryWorkspace("done-unreported")
        try workspace.write("coderef/sessions/feat-phase1/communication.json", #"""
        {"agents": [{"agent_id": "a", "status": "in_progress", "tasks": [{"status": "complete"}, {"status": "done"}]},
                    {"agent_id": "b", "status": "in_progress", "tasks": [{"status": "complete"}, {"status": "pending"}]}]}
        """#)
        let snapshot = workspace.load()
        let session = try #require(snapshot.sessions.first)
        // A month later: a is done and unreported (never stale); b, with work left, is not.
        let later = Date().addingTimeInterval(30 * 86400)
        let a = Evidence.assess(session.agents[0], in: session, snapshot: snapshot, now: later, policy: EvidencePolicy())
        #expect(a.flag == .doneUnreported && a.detail == "2/2 tasks done, status says in_progress")
        #expect(Evidence.assess(session.agents[1], in: session, snapshot: snapshot, now: later, policy: EvidencePolicy()).flag != .doneUnreported)
        let items = Evidence.attention(snapshot, now: later, policy: EvidencePolicy())
        #expect(items.first?.reason == .doneUnreported && items.first?.agent == "a")
        #expect(items.first?.note?.contains("2/2 tasks done") == true)
    }
}
