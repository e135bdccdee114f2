import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// Working off NEEDS YOU: verdicts journalled, kept out while the evidence is unchanged, back with
/// new evidence, undone.
@Suite struct TriageTests {
    let policy = EvidencePolicy()

    func workspace(_ agents: String) throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace("triage")
        try workspace.write("coderef/sessions/feat-phase1/communication.json", #"{"workorder_id": "WO-F-001", "agents": \#(agents)}"#)
        return workspace
    }

    func attention(_ snapshot: WorkspaceSnapshot) -> [AttentionItem] { Evidence.attention(snapshot, now: Date(), policy: policy) }

    @Test func aSnoozeHoldsUntilTheAgentsEvidenceChanges() throws {
        let workspace = try workspace(#"[{"agent_id": "api", "status": "blocked", "notes": "waiting for keys"}, {"agent_id": "web", "status": "failed"}]"#)
        var snapshot = workspace.load()
        #expect(attention(snapshot).map(\.agent) == ["web", "api"])
        let session = try #require(snapshot.sessions.first)
        let done = try TriageAction.apply(.snooze, session: session, agent: "api", note: "keys are on the way", by: "ann", snapshot: snapshot, policy: policy, root: workspace.root)
        #expect(done.sentence.contains("api: snoozed"))
        snapshot = workspace.load()
        #expect(attention(snapshot).map(\.agent) == ["web"], "set aside, the other agent still shows")
        let aside = Evidence.setAside(for: try #require(snapshot.sessions.first), snapshot: snapshot, context: EvidenceContext(snapshot), now: Date(), policy: policy)
        #expect(aside.map(\.item.agent) == ["api"] && aside.first?.verdict.by == "ann" && aside.first?.verdict.note == "keys are on the way")
        // status --json: out of attention, in dismissed, with who and why.
        let report = StatusReport.json(snapshot, policy: policy)
        #expect(report["attention"]?.arrayValue?.count == 1)
        #expect(report["dismissed"]?.arrayValue?.first?["agent"] == .string("api") && report["dismissed"]?.arrayValue?.first?["why"] == .string("keys are on the way"))
        // New evidence (the agent wrote a new note) brings it back by itself.
        try workspace.write("coderef/sessions/feat-phase1/communication.json", #"{"workorder_id": "WO-F-001", "agents": [{"agent_id": "api", "status": "blocked", "notes": "still no keys"}, {"agent_id": "web", "status": "failed"}]}"#)
        #expect(attention(workspace.load()).map(\.agent) == ["web", "api"])
    }

    @Test func aDismissalSetsOneReasonAsideAndUndoBringsItBack() throws {
        let workspace = try workspace(#"[{"agent_id": "api", "status": "failed", "notes": "tests red"}]"#)
        var snapshot = workspace.load()
        let session = try #require(snapshot.sessions.first)
        #expect(throws: TriageAction.Failure.self) {
            try TriageAction.apply(.dismiss(.stale), session: session, agent: "api", note: nil, by: nil, snapshot: snapshot, policy: policy, root: workspace.root)
        }
        _ = try TriageAction.apply(.dismiss(nil), session: session, agent: "api", note: nil, by: nil, snapshot: snapshot, policy: policy, root: workspace.root)
        snapshot = workspace.load()
        #expect(attention(snapshot).isEmpty)
        // A second dismissal says it is already set aside.
        do {
            _ = try TriageAction.apply(.dismiss(nil), session: try #require(snapshot.sessions.first), agent: "api", note: nil, by: nil, snapshot: snapshot, policy: policy, root: workspace.root)
            Issue.record("dismissed twice")
        } catch { #expect("\(error)".contains("already set aside")) }
        #expect(try TriageAction.undo(snapshot: snapshot, by: nil, root: workspace.root).contains("dismissal undone"))
        #expect(attention(workspace.load()).map(\.reason) == [.failed])
        #expect(throws: TriageAction.Failure.self) { try TriageAction.undo(snapshot: snapshot, by: nil, root: workspace.root) }
    }

    @Test func aMarkWritesTheStatusAndItsUndoWritesTheOldOneBack() throws {
        let workspace = try workspace(#"[{"agent_id": "api", "status": "blocked", "notes": "done really"}]"#)
        let snapshot = workspace.load()
        let done = try TriageAction.apply(.mark("complete"), session: try #require(snapshot.sessions.first), agent: "api", note: "checked", by: nil,
                                          snapshot: snapshot, policy: policy, root: workspace.root)
        #expect(done.sentence.contains("blocked → complete"))
        #expect(workspace.load().sessions.first?.agents.first?.status.word == "complete")
        #expect(try TriageAction.undo(snapshot: workspace.load(), by: nil, root: workspace.root).contains("back to blocked"))
        #expect(workspace.load().sessions.first?.agents.first?.status.word == "blocked")
        #expect(throws: TriageAction.Failure.self) {
            try TriageAction.apply(.mark("donezo"), session: try #require(snapshot.sessions.first), agent: "api", note: nil, by: nil, snapshot: snapshot, policy: policy, root: workspace.root)
        }
    }

    @Test func theJournalSkipsWhatItCannotReadAndIsOnlyTheHubs() throws {
        let workspace = try workspace(#"[{"agent_id": "api", "status": "blocked"}]"#)
        try workspace.write(".coderef/sessions-hub/triage.jsonl", "not json\n{\"id\": 3}\n")
        let snapshot = workspace.load()
        #expect(snapshot.triage.isEmpty)
        _ = try TriageAction.apply(.snooze, session: try #require(snapshot.sessions.first), agent: "api", note: nil, by: nil, snapshot: snapshot, policy: policy, root: workspace.root)
        #expect(Triage.load(root: workspace.root).count == 1)
        #expect(try workspace.read(".coderef/sessions-hub/triage.jsonl").hasPrefix("not json\n"), "lines it did not write are kept")
    }
}

/// The hub's own history write is not read back by the reload its echo causes; another writer's is.
@Suite struct HistoryEchoTests {
    @Test func theHubsOwnWriteIsNotReadBackAnotherWritersIs() throws {
        let workspace = try TemporaryWorkspace("history-echo")
        try workspace.write("coderef/sessions/feat-phase1/communication.json", #"{"agents": [{"agent_id": "a", "status": "in_progress"}]}"#)
        let loader = WorkspaceLoader(layout: WorkspaceLayout(root: workspace.root))
        var snapshot = loader.load()
        let time = Date(timeIntervalSince1970: 1_795_000_000)
        try StatusHistory.record([StatusHistory.Entry(time: time, session: "coderef/sessions/feat-phase1", agent: "a", from: "not_started", to: "in_progress", note: nil)],
                                 into: &snapshot, root: workspace.root)
        #expect(snapshot.statusChanges["coderef/sessions/feat-phase1"]?["a"] == time)
        #expect(snapshot.historyStamp == StatusHistory.stamp(root: workspace.root))
        // A marker only the snapshot has: a reload that read the file would lose it.
        snapshot.statusChanges["marker"] = ["x": time]
        let history = workspace.path(".coderef/sessions-hub/history.jsonl")
        let echo = loader.reload(changed: [history], previous: snapshot)
        #expect(echo.statusChanges["marker"] != nil, "its own write is not read back")
        // Another process appends: the stamp differs, and what it appended (only that) is read.
        try StatusHistory.append([StatusHistory.Entry(time: time.addingTimeInterval(60), session: "coderef/sessions/feat-phase1", agent: "a", from: "in_progress", to: "blocked", note: nil)],
                                 root: workspace.root)
        let other = loader.reload(changed: [history], previous: echo)
        #expect(other.statusChanges["coderef/sessions/feat-phase1"]?["a"] == time.addingTimeInterval(60))
        #expect(other.statusChanges["marker"] != nil, "the lines read before are not read again")
    }
}
