import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// [FORMATS] The rest of a workorder folder (HANDOFF-*.json, terminal-post-exec.txt) and
/// `cancelled` as its own state, on a synthetic workspace written here in the newest layout.
@Suite struct NewestLayoutTests {
    @Test func handoffFilesAreReadAsHandoffsNewestLast() throws {
        let workspace = try TemporaryWorkspace("workorder-handoffs")
        try workspace.write("coderef/workorder/feat-h/communication.json", #"{"workorder_id": "WO-FEAT-H-001", "status": "implementing"}"#)
        try workspace.write("coderef/workorder/feat-h/HANDOFF-feat-h-001.json", #"{"from": "planner", "to": "coder", "reason": "plan approved", "status": "accepted", "created_at": "2026-08-01T10:00:00Z"}"#)
        try workspace.write("coderef/workorder/feat-h/HANDOFF-feat-h-002.json", #"{"handoff": {"from_agent": "coder", "to_agent": "reviewer\u001b[2J", "summary": "ready for review"}}"#)
        try workspace.write("coderef/workorder/feat-h/HANDOFF-feat-h-003.json", #"{"from": "rev"#)
        let snapshot = workspace.load()
        let plan = try #require(snapshot.workorders.first { $0.workorderId == "WO-FEAT-H-001" })
        #expect(plan.handoffFiles.map(\.file) == ["HANDOFF-feat-h-001.json", "HANDOFF-feat-h-002.json", "HANDOFF-feat-h-003.json"],
                "a half-written file is still listed, by name")
        #expect(plan.handoffFiles[0].text == "planner → coder: plan approved" && plan.handoffFiles[0].status == "accepted")
        #expect(plan.handoffFiles[1].from == "coder" && plan.handoffFiles[1].reason == "ready for review", "a nested handoff object counts")
        #expect(plan.handoffFiles[2].from == nil)
        #expect(plan.handoff == "coder → reviewer\u{1b}[2J: ready for review",
                "without a handoff in communication.json the newest readable file's is the current one (kept as written, sanitised where drawn)")
        let json = try #require(StatusReport.workordersJSON(snapshot).first { $0["workorder_id"]?.stringValue == "WO-FEAT-H-001" })
        #expect(json["handoff_files"]?.arrayValue?.count == 3)
        #expect(json["handoff_files"]?.arrayValue?.first?["to"]?.stringValue == "coder")
    }

    @Test func communicationsOwnHandoffStaysTheCurrentOne() throws {
        let workspace = try TemporaryWorkspace("workorder-handoff-own")
        try workspace.write("coderef/workorder/feat-o/communication.json", #"{"workorder_id": "WO-O-001", "status": "implementing", "handoff": {"from": "a", "to": "b", "reason": "now"}}"#)
        try workspace.write("coderef/workorder/feat-o/HANDOFF-feat-o-001.json", #"{"from": "x", "to": "y"}"#)
        let plan = try #require(workspace.load().workorders.first { $0.workorderId == "WO-O-001" })
        #expect(plan.handoff == "a → b: now" && plan.handoffFiles.count == 1)
    }

    @Test func theCloseSummaryIsReadLineByLineAndCut() throws {
        let workspace = try TemporaryWorkspace("workorder-close-summary")
        try workspace.write("coderef/archived/feat-s/communication.json", #"{"workorder_id": "WO-S-001", "status": "closed", "closed_at": "2026-08-03T09:30:00Z"}"#)
        try workspace.write("coderef/archived/feat-s/terminal-post-exec.txt",
                            "\r\nWORKORDER: WO-S-001\r\nStatus: closed\r\nSession: feat-phase1\r\nCommits: abc123, def456\r\n\r\n")
        let long = (1...100).map { "file \($0).swift" }.joined(separator: "\n")
        try workspace.write("coderef/workorder/feat-l/plan.json", #"{"workorder_id": "WO-L-001", "status": "complete"}"#)
        try workspace.write("coderef/workorder/feat-l/terminal-post-exec.txt", long)
        try workspace.write("coderef/workorder/feat-e/plan.json", #"{"workorder_id": "WO-E-001", "status": "complete"}"#)
        try workspace.write("coderef/workorder/feat-e/terminal-post-exec.txt", "\n  \n")
        let snapshot = workspace.load()
        let closed = try #require(snapshot.workorders.first { $0.workorderId == "WO-S-001" })
        #expect(closed.archived)
        #expect(closed.closeSummary == ["WORKORDER: WO-S-001", "Status: closed", "Session: feat-phase1", "Commits: abc123, def456"])
        let cut = try #require(snapshot.workorders.first { $0.workorderId == "WO-L-001" }?.closeSummary)
        #expect(cut.count == 41 && cut.first == "file 1.swift" && cut.last?.hasPrefix("(… cut") == true)
        #expect(snapshot.workorders.first { $0.workorderId == "WO-E-001" }?.closeSummary == nil, "a blank summary says nothing")
        let json = StatusReport.workordersJSON(snapshot).first { $0["workorder_id"]?.stringValue == "WO-S-001" }
        #expect(json?["close_summary"]?.stringValue?.hasPrefix("WORKORDER: WO-S-001\nStatus: closed") == true)
    }

    @Test func aWindowsWorkorderLogIsReadLineByLine() {
        let entries = WorkorderLoader.parseLog("WO-A-001 | api | first | 2026-08-01\r\n# note\r\nWO-B-002 | web | second | 2026-08-02\r\n", path: "log")
        #expect(entries.map(\.workorderId) == ["WO-A-001", "WO-B-002"] && entries[1].line == 3 && entries[1].timestamp == "2026-08-02")
    }

    @Test func cancelledIsItsOwnStateAndNeedsNobody() throws {
        let workspace = try TemporaryWorkspace("cancelled")
        try workspace.write("coderef/sessions/feat-phase1/communication.json", #"""
        {"workorder_id": "WO-FEAT-001", "agents": [{"agent_id": "a", "status": "cancelled"}, {"agent_id": "b", "status": "complete"}]}
        """#)
        try workspace.write("coderef/sessions/gone-phase1/communication.json", #"{"workorder_id": "WO-GONE-001", "agents": [{"agent_id": "a", "status": "Cancelled"}]}"#)
        try workspace.write("coderef/workorder/feat-x/communication.json", #"{"workorder_id": "WO-X-001", "status": "cancelled"}"#)
        let snapshot = workspace.load()
        let feat = try #require(snapshot.sessions.first { $0.name == "feat-phase1" })
        #expect(feat.derivedStatus == .complete, "a cancelled agent holds nothing up")
        let gone = try #require(snapshot.sessions.first { $0.name == "gone-phase1" })
        #expect(gone.derivedStatus == .cancelled && gone.derivedStatus.isFinished)
        #expect(Evidence.attention(snapshot, now: Date(), policy: EvidencePolicy()).filter { $0.reason == .failed }.isEmpty,
                "cancelled is not a failure: nothing in NEEDS YOU")
        #expect(snapshot.workorders.first { $0.workorderId == "WO-X-001" }?.status.bucket == .cancelled)
        let sessions = StatusReport.json(snapshot)["sessions"]?.arrayValue ?? []
        #expect(sessions.contains { $0["derived_status"]?.stringValue == "cancelled" })
        // A cancelled phase is finished: archiving it asks about nothing.
        let plan = try Archiver.plan(session: gone, layout: WorkspaceLayout(root: workspace.root))
        #expect(plan.warnings.isEmpty)
    }
}
