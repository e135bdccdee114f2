import Testing
import HubTestSupport
@testable import HubCore

/// Every layout FORMATS.md lists, built in a temporary workspace.
@Suite struct LayoutTests {
    @Test func dashboardLayout() throws {
        let workspace = try TemporaryWorkspace("dashboard")
        try workspace.write(".coderef/sessions/dash/communication.json", """
        {"session_id": "SES-1", "stub_id": "STUB-9", "feature_name": "dash", "created_at": "2026-01-01", "status": "created",
         "agents": [{"agent_id": "a", "agent_number": 1, "role": "x", "status": "pending", "outputs": {"primary_output": "a.json"}, "depends_on": [], "execution_wave": 1},
                    {"agent_id": "b", "agent_number": 2, "status": "complete", "depends_on": ["a"], "execution_wave": 2}],
         "total_agents": 2, "coordination_mode": "waves"}
        """)
        try workspace.write(".coderef/sessions/dash/instructions.json", #"{"blocks": [{"id": "b1", "type": "task", "content": "Do it", "assigned_to": ["a"]}]}"#)
        try workspace.write(".coderef/sessions/dash/a.json", "{}")
        let snapshot = workspace.load()
        let session = try #require(snapshot.sessions.first)
        #expect(session.layout == .dashboard)
        #expect(session.workorderId == "SES-1")
        #expect(session.created == "2026-01-01")
        #expect(session.agents.map(\.agentId) == ["a", "b"])
        #expect(session.agents[0].outputExists)
        #expect(session.agents[1].dependsOn == ["a"])
        #expect(session.derivedStatus == .inProgress)
        #expect(session.instructions?.blocks.first?.assignedTo == ["a"])
        #expect(snapshot.problems.isEmpty)
    }

    @Test func agentsAsStringsObjectsOrAbsent() throws {
        let workspace = try TemporaryWorkspace("agents")
        try workspace.write("coderef/sessions/strings/communication.json", #"{"workorder_id": "WO-S-001", "agents": ["x", "y"]}"#)
        try workspace.write("coderef/sessions/keyed/communication.json", #"{"workorder_id": "WO-K-001", "agents": {"x": {"status": "done"}, "y": "blocked", "z": null}}"#)
        try workspace.write("coderef/sessions/solo/communication.json", #"{"workorder_id": "WO-O-001", "status": "active", "orchestrator": {"agent_id": "boss", "status": "in_progress"}}"#)
        try workspace.write("coderef/sessions/twice/communication.json", #"{"orchestrator": {"agent_id": "boss", "status": "complete"}, "agents": [{"agent_id": "boss", "status": "complete"}, {"agent_id": "w", "status": "complete", "output_files": {"json": "w.json", "md": "w.md"}}]}"#)
        try workspace.write("coderef/sessions/twice/w.json", "{}")
        let snapshot = workspace.load()
        let strings = try #require(snapshot.sessions.first { $0.name == "strings" })
        #expect(strings.agents.map(\.agentId) == ["x", "y"])
        #expect(strings.agents.allSatisfy { $0.status.bucket == .other && $0.status.word == nil })
        let keyed = try #require(snapshot.sessions.first { $0.name == "keyed" })
        #expect(keyed.agents.map(\.agentId) == ["x", "y", "z"])
        #expect(keyed.agents.map(\.status.bucket) == [.complete, .blocked, .other])
        let solo = try #require(snapshot.sessions.first { $0.name == "solo" })
        #expect(solo.agents.isEmpty)
        #expect(solo.derivedStatus == .inProgress, "with no agents the orchestrator stands in")
        let twice = try #require(snapshot.sessions.first { $0.name == "twice" })
        #expect(twice.agents.map(\.agentId) == ["w"], "the orchestrator listed among agents is shown once")
        #expect(twice.agents[0].outputFile == "w.json" && twice.agents[0].outputExists)
        #expect(snapshot.problems.isEmpty)
    }

    @Test func nestedAgentsMatchByIdCaseOrFolder() throws {
        let workspace = try TemporaryWorkspace("nested")
        try workspace.write("coderef/sessions/s/communication.json", #"{"workorder_id": "WO-N-001", "agents": [{"agent_id": "Alpha", "status": "not_started"}, {"agent_id": "beta", "status": "not_started"}, {"agent_id": "gamma", "status": "in_progress"}]}"#)
        try workspace.write("coderef/sessions/s/alpha/communication.json", #"{"agent_id": "alpha", "status": "complete", "tasks": [{"status": "complete"}, {"status": "pending"}]}"#)
        try workspace.write("coderef/sessions/s/beta/communication.json", #"{"status": "blocked", "tasks": ["one", "two", "three"]}"#)
        try workspace.write("coderef/sessions/s/delta/communication.json", #"{"agent_id": "delta", "status": "working"}"#)
        try workspace.write("coderef/sessions/s/notes/readme.md", "not an agent")
        let session = try #require(workspace.load().sessions.first)
        #expect(session.agents.map(\.agentId) == ["Alpha", "beta", "gamma", "delta"])
        #expect(session.agents[0].status.word == "complete" && session.agents[0].tasksDone == 1 && session.agents[0].tasksTotal == 2)
        #expect(session.agents[1].status.word == "blocked")
        #expect(session.agents[1].tasksDone == nil && session.agents[1].tasksTotal == 3, "plain-string tasks: n tasks, not a fake 0%")
        #expect(session.agents[2].nestedFile == nil)
        #expect(session.agents[3].nestedFile == "coderef/sessions/s/delta/communication.json")
        #expect(session.derivedStatus == .blocked)
    }

    @Test func subSessionsAndFoldersWithoutARootFile() throws {
        let workspace = try TemporaryWorkspace("sub")
        try workspace.write("coderef/sessions/big/part-a/communication.json", #"{"workorder_id": "WO-A-001", "parent_session": "WO-BIG", "agents": [{"agent_id": "x", "status": "complete"}]}"#)
        try workspace.write("coderef/sessions/big/part-b/communication.json", #"{"workorder_id": "WO-B-001", "agents": [{"agent_id": "y", "status": "pending"}]}"#)
        try workspace.write("coderef/sessions/only-instructions/instructions.json", #"{"workorder_id": "WO-I-001", "agent_instructions": {"x_agent": {"steps": {"step_1": "go"}}}}"#)
        try workspace.write("coderef/sessions/standins/orchestrator-communication.json", #"{"agent_id": "boss", "status": "in_progress"}"#)
        try workspace.write("coderef/sessions/standins/agent-communication.json", #"{"agent_id": "helper", "status": "done"}"#)
        try workspace.write("coderef/sessions/notes-only/summary.md", "# notes")
        try workspace.write("coderef/sessions/INDEX.md", "# index")
        try workspace.write("coderef/sessions/index.json", "{}")
        let snapshot = workspace.load()
        #expect(snapshot.sessions.map(\.name) == ["big", "big/part-a", "big/part-b", "only-instructions", "standins"])
        let big = try #require(snapshot.sessions.first { $0.name == "big" })
        #expect(big.agents.isEmpty && big.layout == .partial)
        #expect(snapshot.sessions.first { $0.name == "big/part-a" }?.parent == "coderef/sessions/big")
        let only = try #require(snapshot.sessions.first { $0.name == "only-instructions" })
        #expect(only.instructions?.steps(for: "x") == ["go"])
        let standins = try #require(snapshot.sessions.first { $0.name == "standins" })
        #expect(standins.orchestrator?.agentId == "boss")
        #expect(standins.agents.map(\.agentId) == ["helper"])
        #expect(standins.derivedStatus == .inProgress, "the orchestrator (boss) is still in progress")
        #expect(standins.waitingOnOrchestrator)
    }

    @Test func siblingPhasesFormATimeline() throws {
        let workspace = try TemporaryWorkspace("phases")
        for name in ["feat", "feat-phase2", "feat-phase3", "other-phase1", "lonely"] {
            try workspace.write(".coderef/sessions/\(name)/communication.json", #"{"agents": []}"#)
        }
        try workspace.write("coderef/sessions/feat-phase10/communication.json", #"{"agents": []}"#)
        let snapshot = workspace.load()
        let phases = Dictionary(uniqueKeysWithValues: snapshot.sessions.map { ($0.name, $0.phase) })
        #expect(phases["feat"] == 1)
        #expect(phases["feat-phase2"] == 2)
        #expect(phases["other-phase1"] == 1)
        #expect(phases["lonely"] == .some(nil))
        let feat = try #require(snapshot.features.first { $0.feature == "feat" })
        #expect(feat.sessionPaths == [".coderef/sessions/feat", ".coderef/sessions/feat-phase2", ".coderef/sessions/feat-phase3", "coderef/sessions/feat-phase10"])
        let session = try #require(snapshot.session(at: ".coderef/sessions/feat-phase2"))
        #expect(snapshot.timeline(of: session).count == 4)
    }

    @Test func archivedSessionsAndStubs() throws {
        let workspace = try TemporaryWorkspace("archived")
        try workspace.write("coderef/sessions/archived/old/communication.json", #"{"agents": [{"agent_id": "a", "status": "complete"}]}"#)
        try workspace.write("coderef/archived/old-idea/stub.json", #"{"feature_name": "old-idea", "status": "completed"}"#)
        let snapshot = workspace.load()
        #expect(snapshot.sessions.map(\.name) == ["old"])
        #expect(snapshot.sessions.first?.archived == true)
        #expect(snapshot.stubs.first?.archived == true)
    }

    @Test func stubVariants() throws {
        let workspace = try TemporaryWorkspace("stubs")
        try workspace.write("coderef/working/plain/stub.json", #"{"feature_name": "plain", "status": "planning", "priority": {"level": "high"}}"#)
        try workspace.write("coderef/working/group/deeper/stub.json", #"{"feature_name": "deeper-name", "status": "stub", "scope": ["a", "b"], "breaking_changes": "Drops v1"}"#)
        try workspace.write("coderef/working/nameless/stub.json", #"{"description": "no name, no status"}"#)
        try workspace.write("coderef/working/promoted/stub.json", #"{"feature_name": "promoted", "status": "promoted"}"#)
        try workspace.write("coderef/working/planned/plan.json", #"{"META_DOCUMENTATION": {"workorder_id": "WO-P-001", "status": "in_progress"}, "UNIVERSAL_PLANNING_STRUCTURE": {"5_task_id_system": {"tasks": [{"id": "T1", "status": "complete"}, {"id": "T2", "status": "pending"}]}}}"#)
        try workspace.write("coderef/working/broken/stub.json", #"{"feature_name": "broken", "status": "#)
        let snapshot = workspace.load()
        #expect(snapshot.stubs.map(\.featureName) == ["broken", "deeper-name", "nameless", "plain", "promoted"])
        let deeper = try #require(snapshot.stubs.first { $0.featureName == "deeper-name" })
        #expect(deeper.folderName == "deeper" && deeper.path == "coderef/working/group/deeper/stub.json")
        #expect(deeper.scope.map(\.text) == ["a", "b"])
        #expect(deeper.breakingChanges && deeper.breakingChangesNote == "Drops v1")
        #expect(snapshot.stubs.first { $0.featureName == "plain" }?.priority == "high")
        #expect(snapshot.stubs.first { $0.featureName == "nameless" }?.status.bucket == .other)
        #expect(snapshot.stubs.first { $0.featureName == "promoted" }?.promotedTo == nil)
        #expect(snapshot.stubs.first { $0.featureName == "broken" }?.status == .unknown, "a half-written stub stays listed")
        #expect(snapshot.workorders.map(\.workorderId) == ["WO-P-001"])
        #expect(snapshot.workorders.first?.tasksDone == 1 && snapshot.workorders.first?.tasksTotal == 2)
        #expect(snapshot.problems.map(\.path).sorted() == ["coderef/working/broken/stub.json", "coderef/working/nameless/stub.json"])
    }

    @Test func workordersInAgentProjectsAndTheLog() throws {
        let workspace = try TemporaryWorkspace("workorders")
        let project = workspace.path("projects/api")
        try workspace.write("coderef/sessions/s/communication.json", #"{"agents": [{"agent_id": "api", "agent_path": "\#(project)", "status": "in_progress"}]}"#)
        try workspace.write("coderef/sessions/s/api/communication.json", #"{"agent_id": "api", "status": "in_progress", "outputs": {"workorders_created": ["WO-API-001 (coderef/workorder/api-thing/)", {"id": "WO-API-002", "plan_path": "x/plan.json"}]}}"#)
        try workspace.write("projects/api/coderef/workorder/api-thing/plan.json", #"{"workorder_id": "WO-API-001", "status": "planning", "5_task_id_system": {"tasks": ["write", "test"]}}"#)
        try workspace.write("projects/api/coderef/workorder-log.txt", "WO-API-001 | api | The thing | 2026-11-01T10:00:00Z\n\n# comment\nWO-API-002 | api\n")
        try workspace.write("coderef/workorder/local/plan.json", #"{"META_DOCUMENTATION": {"status": "complete"}}"#)
        let snapshot = workspace.load()
        #expect(snapshot.workorders.map(\.workorderId).sorted() == ["WO-API-001", "local"])
        let api = try #require(snapshot.workorders.first { $0.workorderId == "WO-API-001" })
        #expect(api.tasksDone == nil && api.tasksTotal == 2)
        #expect(snapshot.workorderLog.map(\.workorderId) == ["WO-API-001", "WO-API-002"])
        #expect(snapshot.workorderLog.first?.timestamp == "2026-11-01T10:00:00Z")
        let agent = try #require(snapshot.sessions.first?.agents.first)
        #expect(agent.workordersCreated == [
            WorkorderReference(workorderId: "WO-API-001", location: "coderef/workorder/api-thing/"),
            WorkorderReference(workorderId: "WO-API-002", location: "x/plan.json"),
        ])
    }

    @Test func configurableLocations() throws {
        let workspace = try TemporaryWorkspace("locations")
        try workspace.write("ideas/one/stub.json", #"{"feature_name": "one", "status": "ready"}"#)
        try workspace.write("elsewhere/sess/s1/communication.json", #"{"agents": []}"#)
        try workspace.write("coderef/sessions/ignored/communication.json", #"{"agents": []}"#)
        let layout = WorkspaceLayout(root: workspace.root, stubDirectories: ["ideas"], sessionDirectories: ["elsewhere/sess", workspace.path("coderef/sessions")])
        let snapshot = workspace.load(layout: layout)
        #expect(snapshot.stubs.map(\.featureName) == ["one"])
        #expect(snapshot.sessions.map(\.path) == ["coderef/sessions/ignored", "elsewhere/sess/s1"])
    }
}
