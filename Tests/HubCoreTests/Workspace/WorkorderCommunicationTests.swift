import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// [FORMATS] A workorder folder's own communication.json: its state wins over plan.json, plan.json
/// still gives the tasks, and a folder with only the communication.json is a workorder too.
@Suite struct WorkorderCommunicationTests {
    func workspace() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace("workorder-communication")
        try workspace.write("coderef/workorder/feat-a/plan.json", #"""
        {"workorder_id": "WO-FEAT-A-001", "status": "plan_created",
         "5_task_id_system": {"tasks": [{"task_id": "T1", "status": "complete"}, {"task_id": "T2", "status": "pending"}]}}
        """#)
        try workspace.write("coderef/workorder/feat-a/communication.json", #"""
        {"workorder_id": "WO-FEAT-A-001", "status": "implementing", "current_phase": 2, "phase_status": "in_progress",
         "blockers": [{"description": "needs the staging API key", "owner": "ops"}, "waiting for review"],
         "handoff": {"from": "planner", "to": "coder", "reason": "plan approved"},
         "communication_log": [{"event": "started", "at": "2026-08-01T10:00:00Z"}, {"event": "checkpoint", "message": "phase 1 done", "timestamp": "2026-08-02T12:00:00Z"}],
         "phase_transitions": [{"phase": 0, "to_status": "complete"}, {"phase": 1, "to_status": "complete", "commit": "abc1234567890fff", "at": "2026-08-02T11:00:00Z", "verdict": "pass"}]}
        """#)
        try workspace.write("coderef/workorder/feat-b/communication.json", #"{"workorder_id": "WO-FEAT-B-001", "status": "closed", "closed_at": "2026-08-03T09:30:00Z"}"#)
        try workspace.write("coderef/workorder/feat-c/plan.json", #"{"workorder_id": "WO-FEAT-C-001", "status": "complete"}"#)
        try workspace.write("coderef/workorder/feat-c/communication.json", #"{"status": "in_progress"}"#)
        return workspace
    }

    @Test func theWorkordersOwnFileWinsAndEveryFieldIsRead() throws {
        let workspace = try workspace()
        let snapshot = workspace.load()
        let a = try #require(snapshot.workorders.first { $0.workorderId == "WO-FEAT-A-001" })
        #expect(a.status.word == "implementing" && a.status.bucket == .inProgress)
        #expect(a.tasksDone == 1 && a.tasksTotal == 2, "plan.json still gives the tasks")
        #expect(a.currentPhase == "2" && a.phaseStatus == "in_progress")
        #expect(a.blockers == ["needs the staging API key (waiting on ops)", "waiting for review"])
        #expect(a.handoff == "planner → coder: plan approved")
        #expect(a.lastEvents == ["started (2026-08-01T10:00:00Z)", "checkpoint — phase 1 done (2026-08-02T12:00:00Z)"])
        #expect(a.lastTransition == "phase 1 → complete at 2026-08-02T11:00:00Z commit abc1234567 (pass)")
        #expect(a.transitions == ["phase 0 → complete", "phase 1 → complete at 2026-08-02T11:00:00Z commit abc1234567 (pass)"])
        #expect(a.modified == Timestamp.parse("2026-08-02T12:00:00Z"), "dated by the newest time it writes")
        #expect(a.communicationFile == "coderef/workorder/feat-a/communication.json")
        #expect(a.disagreement == nil, "a plan left at plan_created while the work moved on is the usual case")
        // Only a communication.json: listed, closed.
        let b = try #require(snapshot.workorders.first { $0.workorderId == "WO-FEAT-B-001" })
        #expect(b.status.bucket == .complete && b.closedAt == "2026-08-03T09:30:00Z" && b.path == "coderef/workorder/feat-b/communication.json")
        // The two files disagree: the evidence says so.
        let c = try #require(snapshot.workorders.first { $0.workorderId == "WO-FEAT-C-001" })
        #expect(c.status.word == "in_progress" && c.disagreement == "plan.json says complete, communication.json says in_progress")
        // status --json and MCP carry the new fields; blockers make it blocked.
        let json = try #require(StatusReport.workordersJSON(snapshot).first { $0["workorder_id"]?.stringValue == "WO-FEAT-A-001" })
        #expect(json["evidence"]?.stringValue == "blocked" && json["blockers"]?.arrayValue?.count == 2)
        #expect(json["handoff"]?.stringValue == "planner → coder: plan approved" && json["last_event"]?.stringValue?.hasPrefix("checkpoint") == true)
    }
}

extension WorkorderCommunicationTests {
    /// Archived workorder folders, in both spellings, in the workspace and in a project: listed,
    /// flagged archived.
    @Test func archivedWorkordersAreListedAndFlagged() throws {
        let parent = try TemporaryWorkspace("workorder-archived")
        try parent.write("ws/coderef/ARCHIVED/old-a/plan.json", #"{"workorder_id": "WO-OLD-A-001", "status": "complete"}"#)
        try parent.write("ws/coderef/archived/old-b/communication.json", #"{"workorder_id": "WO-OLD-B-001", "status": "closed"}"#)
        try parent.write("ws/coderef/archived/old-stub/stub.json", #"{"feature_name": "old-stub", "status": "complete"}"#)
        try parent.write("proj/coderef/archived/old-c/plan.json", #"{"workorder_id": "WO-OLD-C-001", "status": "complete"}"#)
        try parent.write("proj/coderef/workorder/live/plan.json", #"{"workorder_id": "WO-LIVE-001", "status": "in_progress"}"#)
        var layout = WorkspaceLayout(root: parent.path("ws"))
        layout.projectDirectories = [parent.path("proj")]
        let snapshot = WorkspaceLoader(layout: layout).load()
        let byId = Dictionary(uniqueKeysWithValues: snapshot.workorders.map { ($0.workorderId, $0) })
        #expect(byId["WO-OLD-A-001"]?.archived == true && byId["WO-OLD-B-001"]?.archived == true && byId["WO-OLD-C-001"]?.archived == true)
        #expect(byId["WO-OLD-C-001"]?.project == "proj")
        #expect(byId["WO-LIVE-001"]?.archived == false)
        #expect(!snapshot.workorders.contains { $0.path.contains("old-stub") }, "an archived stub's folder is not a workorder")
        let json = StatusReport.workordersJSON(snapshot).first { $0["workorder_id"]?.stringValue == "WO-OLD-B-001" }
        #expect(json?["archived"] == .bool(true))
    }
}

extension WorkorderCommunicationTests {
    /// `.coderef/workspace.json` packages are project folders: their workorders are found, and their
    /// agents' folders.
    @Test func workspacePackagesAreProjects() throws {
        let parent = try TemporaryWorkspace("workspace-packages")
        try parent.write("ws/.coderef/workspace.json", #"{"version": 1, "packages": {"docs": "../docs-server", "gone": "../nowhere", "bad": "x\u0001y"}}"#)
        try parent.write("docs-server/coderef/workorder/wo-docs/plan.json", #"{"workorder_id": "WO-DOCS-001", "status": "in_progress"}"#)
        let snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: parent.path("ws"))).load()
        #expect(snapshot.projects.contains(parent.path("docs-server")))
        #expect(snapshot.workorders.first { $0.workorderId == "WO-DOCS-001" }?.project == "docs-server")
        #expect(!snapshot.projects.contains { $0.hasSuffix("nowhere") })
    }
}

extension WorkorderCommunicationTests {
    /// A workorder with blockers, linked to its session, puts the session in NEEDS YOU as blocked.
    @Test func aBlockedWorkorderJoinsNeedsYou() throws {
        let workspace = try TemporaryWorkspace("workorder-blocked")
        try workspace.write("coderef/sessions/feat-phase1/communication.json", #"{"workorder_id": "WO-FEAT-001", "agents": [{"agent_id": "a", "status": "in_progress", "workorders_created": ["WO-FEAT-A-001"]}]}"#)
        try workspace.write("coderef/workorder/feat-a/communication.json", #"{"workorder_id": "WO-FEAT-A-001", "parent_session": "feat-phase1", "status": "implementing", "blockers": ["needs the staging API key"]}"#)
        let snapshot = workspace.load()
        let items = Evidence.attention(snapshot, now: Date(), policy: EvidencePolicy())
        #expect(items.contains { $0.reason == .blocked && $0.agent == nil && $0.note == "workorder WO-FEAT-A-001: needs the staging API key" })
    }
}
