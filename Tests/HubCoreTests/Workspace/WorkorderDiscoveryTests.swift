import Foundation
import Testing
import HubCore
import HubTestSupport

/// Workorders in the agents' own project folders: found beside the workspace (also from another
/// machine's paths), under configured project folders, read in every layout and linked.
@Suite struct WorkorderDiscoveryTests {
    /// parent/{workspace, assistant, other, shelf/deep/tool}
    func projects() throws -> (TemporaryWorkspace, WorkspaceLayout) {
        let parent = try TemporaryWorkspace("projects-beside")
        try parent.write("workspace/coderef/working/plans/stub.json", #"{"feature_name": "plans", "stub_id": "STUB-7", "status": "promoted", "promoted_to": "WO-PLANS-001"}"#)
        try parent.write("workspace/coderef/sessions/plans-phase1/communication.json", #"""
        {"workorder_id": "WO-PLANS-001", "feature_name": "plans", "agents": [
          {"agent_id": "assistant", "agent_path": "C:\\Users\\me\\Desktop\\assistant", "status": "complete",
           "outputs": {"workorders_created": [{"workorder_id": "WO-ASSIST-002", "location": "coderef/workorder/assist-plan/"}]}},
          {"agent_id": "docs", "agent_path": "/nowhere/docs", "status": "in_progress",
           "outputs": {"workorders_created": ["WO-DOCS-003 (coderef/workorder/docs-plan/)"]}}
        ]}
        """#)
        try parent.write("assistant/coderef/workorder/assist-plan/plan.json", """
        {"META_DOCUMENTATION": {"workorder_id": "WO-ASSIST-002", "status": "closed", "feature_name": "plans"},
         "current_phase": 2, "phase_status": "checkpoint_ready",
         "phase_transitions": [{"phase": 1, "to_status": "complete", "at": "2026-11-01"}, {"phase": 2, "to_status": "checkpoint_ready", "at": "2026-11-02"}],
         "UNIVERSAL_PLANNING_STRUCTURE": {"5_task_id_system": {"tasks": [
           {"id": "T1", "description": "one", "status": "complete"}, {"id": "T2", "description": "two", "status": "pending"}]}}}
        """)
        try parent.write("assistant/coderef/workorder-log.txt", "WO-ASSIST-002 | assistant | plans | 2026-11-02\n")
        try parent.write("other/coderef/workorder/stray/plan.json", #"{"workorder_id": "WO-STRAY-001", "status": "plan_created"}"#)
        try parent.write("shelf/deep/tool/coderef/workorder/tool-plan/plan.json", #"{"workorder_id": "WO-TOOL-009", "parent_stub_id": "STUB-7", "5_task_id_system": ["a", "b", "c"]}"#)
        return (parent, WorkspaceLayout(root: parent.path("workspace")))
    }

    @Test func agentsProjectsAreFoundBesideTheWorkspaceFromAnotherMachinesPath() throws {
        let (parent, layout) = try projects()
        let snapshot = withExtendedLifetime(parent) { WorkspaceLoader(layout: layout).load() }
        let ids = Set(snapshot.workorders.map(\.workorderId))
        #expect(ids == ["WO-ASSIST-002"], "only the agents' own projects without a projects setting")
        let plan = try #require(snapshot.workorders.first)
        #expect(plan.project == "assistant" && plan.status.bucket == .complete && plan.status.word == "closed")
        #expect(plan.currentPhase == "2" && plan.phaseStatus == "checkpoint_ready")
        #expect(plan.lastTransition == "phase 2 → checkpoint_ready at 2026-11-02")
        #expect(plan.tasksDone == 1 && plan.tasksTotal == 2 && plan.tasks.map(\.id) == ["T1", "T2"])
        #expect(snapshot.workorderLog.map(\.workorderId) == ["WO-ASSIST-002"])
    }

    @Test func configuredProjectFoldersAreSearchedAFewLevelsDeep() throws {
        let (parent, base) = try projects()
        var layout = base
        layout.projectDirectories = [parent.path("shelf"), parent.path("other")]
        // A link loop inside a projects folder is walked once.
        try FileManager.default.createSymbolicLink(atPath: parent.path("shelf/deep/loop"), withDestinationPath: parent.path("shelf"))
        let snapshot = WorkspaceLoader(layout: layout).load()
        #expect(Set(snapshot.workorders.map(\.workorderId)) == ["WO-ASSIST-002", "WO-STRAY-001", "WO-TOOL-009"])
        let tool = try #require(snapshot.workorders.first { $0.workorderId == "WO-TOOL-009" })
        #expect(tool.project == "tool" && tool.tasksTotal == 3 && tool.tasksDone == nil)
    }

    @Test func workordersLinkToTheirSessionAndStub() throws {
        let (parent, base) = try projects()
        var layout = base
        layout.projectDirectories = [parent.path("shelf")]
        let snapshot = WorkspaceLoader(layout: layout).load()
        let links = WorkorderLinks(snapshot)
        let assist = try #require(snapshot.workorders.first { $0.workorderId == "WO-ASSIST-002" })
        let tool = try #require(snapshot.workorders.first { $0.workorderId == "WO-TOOL-009" })
        #expect(links.session[assist.path] == "coderef/sessions/plans-phase1")
        #expect(links.stub[assist.path] == "coderef/working/plans/stub.json" || links.stub[assist.path] == "coderef/working/plans")
        #expect(links.session[tool.path] == nil)
        #expect(links.stub[tool.path] == links.stub[assist.path], "parent_stub_id names the stub")
        let session = try #require(snapshot.sessions.first)
        #expect(WorkorderLinks.workorders(of: session, in: snapshot).map(\.workorderId) == ["WO-ASSIST-002"])
        // status --json carries the links.
        let report = JSONPrinter.compact(StatusReport.json(snapshot))
        #expect(report.contains(#""project": "assistant", "session": "coderef/sessions/plans-phase1", "stub": "coderef/working/plans/stub.json""#))
    }
}

/// The all-stubs index gives exactly what the one-stub question gives.
@Suite struct StubSessionsTests {
    @Test(.enabled(if: TestPaths.corpusExists))
    func theIndexAgreesWithTheSnapshotOnTheCorpus() throws {
        let snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: TestPaths.corpus)).load()
        let index = StubSessions(snapshot)
        for stub in snapshot.stubs {
            #expect(index.sessions(for: stub).map(\.path) == snapshot.sessions(for: stub).map(\.path), "\(stub.featureName)")
        }
        // And back: each session's stub is one whose sessions include it.
        for session in snapshot.sessions where session.parent == nil {
            if let stub = snapshot.stub(for: session) {
                #expect(snapshot.sessions(for: stub).contains { $0.path == session.path }, "\(session.name)")
            } else {
                #expect(!snapshot.stubs.contains { snapshot.sessions(for: $0).contains { $0.path == session.path } }, "\(session.name)")
            }
        }
    }
}
