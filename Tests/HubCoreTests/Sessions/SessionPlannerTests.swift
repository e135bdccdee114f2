import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// The planner is pure: the same stub, snapshot and clock give the same documents (golden files).
@Suite(.enabled(if: TestPaths.corpusExists))
struct SessionPlannerTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    /// The corpus under a fixed root path, so that golden files do not depend on where it lies.
    func corpus() -> (WorkspaceSnapshot, WorkspaceLayout) {
        let layout = WorkspaceLayout(root: TestPaths.corpus)
        let snapshot = WorkspaceLoader(layout: layout, resolver: PathResolver(root: TestPaths.corpus, driveMountRoot: nil)).load()
        return (snapshot, layout)
    }

    func check(_ plan: SessionPlan, _ name: String) {
        for file in plan.files {
            let text = file.text.replacingOccurrences(of: WorkspacePaths.standardize(TestPaths.corpus), with: "/workspace")
            if let problem = GoldenText.mismatch(text, file: Self.golden.appendingPathComponent("\(name)-\(file.name).txt").path) {
                Issue.record(Comment(rawValue: problem))
            }
        }
    }

    @Test(arguments: ["coderef-ecosystem-docs-uds-compliance", "coderef-ecosystem-naming-standardization"])
    func multiAgentCorpusStubs(feature: String) throws {
        let (snapshot, layout) = corpus()
        var settings = HubSettings()
        settings.agentPaths["coderef-docs"] = "/projects/coderef-docs"
        let stub = try #require(snapshot.stubs.first { $0.featureName == feature })
        let plan = try SessionPlanner(layout: layout, settings: settings, now: Self.now).plan(stub: stub, snapshot: snapshot)
        #expect(plan.sessionName == "\(feature)-phase1")
        #expect(plan.displayFolder == "coderef/sessions/\(feature)-phase1", "where the corpus keeps its sessions")
        #expect(plan.workorderId == "WO-" + feature.uppercased() + "-001")
        #expect(plan.agents.count == 7)
        #expect(!plan.unresolvedAgents.contains("coderef-docs"))
        // The documents are what the loader reads back, in the workflow layout.
        let communication = try JSONParser.parse(plan.files[0].text)
        #expect(communication["workorder_id"] == .string(plan.workorderId))
        #expect(communication["status"] == .string("not_started"))
        #expect(communication["agents"]?.arrayValue?.count == 7)
        #expect(communication["orchestrator"]?["agent_id"] == .string(plan.orchestrator))
        #expect(communication["phases"]?.objectValue?.count == stub.phases.count)
        let instructions = try JSONParser.parse(plan.files[1].text)
        let steps = try #require(instructions["agent_instructions"]?[plan.agents[0]]?["steps"]?.objectValue)
        #expect(steps.count == stub.scope.count + (stub.scope.isEmpty ? 1 : 0) + 2, "one step per scope entry, then output, then status")
        #expect(plan.files.allSatisfy { TerminalText.isPrintable($0.text.replacingOccurrences(of: "\n", with: "")) })
        check(plan, feature)
    }

    @Test func agentIdsWithSlashesGetSafeFileNames() throws {
        let (snapshot, layout) = corpus()
        let stub = try #require(snapshot.stubs.first { $0.featureName == "coderef-ecosystem-naming-standardization" })
        let plan = try SessionPlanner(layout: layout, settings: HubSettings(), now: Self.now).plan(stub: stub, snapshot: snapshot)
        #expect(plan.orchestrator == "assistant/coderef-assistant")
        let communication = try JSONParser.parse(plan.files[0].text)
        #expect(communication["orchestrator"]?["output_file"] == .string("assistant-coderef-assistant-audit.json"))
        #expect(communication["agents"]?.arrayValue?.first?["agent_id"] == .string("papertrail/coderef-validation"), "ids are kept as written")
    }

    @Test func aStubWithoutAgentsNeedsThemChosen() throws {
        let (snapshot, layout) = corpus()
        let stub = try #require(snapshot.stubs.first { $0.featureName == "agent-persona-team-page" })
        #expect(stub.agents.isEmpty && stub.project == "personas-mcp", "a project that is no known agent")
        let planner = SessionPlanner(layout: layout, settings: HubSettings(), now: Self.now)
        #expect(throws: PlanError.noAgents("agent-persona-team-page")) { try planner.plan(stub: stub, snapshot: snapshot) }
        let plan = try planner.plan(stub: stub, snapshot: snapshot, agents: ["coderef-dashboard", "coderef-docs", "coderef-dashboard"])
        #expect(plan.agents == ["coderef-dashboard", "coderef-docs"], "duplicates dropped, order kept")
        #expect(plan.orchestrator == "assistant", "the default orchestrator")
        check(plan, "no-agents-chosen")
    }

    @Test func aStubWithoutAgentsTakesTheAgentNamedByItsProject() throws {
        let (snapshot, layout) = corpus()
        let stub = try #require(snapshot.stubs.first { $0.featureName == "todo-list-widget" })
        #expect(stub.agents.isEmpty && stub.project == "coderef-dashboard")
        let plan = try SessionPlanner(layout: layout, settings: HubSettings(), now: Self.now).plan(stub: stub, snapshot: snapshot)
        #expect(plan.agents == ["coderef-dashboard"])
    }

    @Test func workorderIdsAreUniqueInTheWorkspace() {
        var snapshot = WorkspaceSnapshot(root: "/w")
        #expect(SessionPlanner.workorderId(feature: "api-migration", snapshot: snapshot) == "WO-API-MIGRATION-001")
        snapshot.stubs = []
        snapshot.workorderLog = [WorkorderLogEntry(workorderId: "WO-API-MIGRATION-007", path: "log", line: 1)]
        #expect(SessionPlanner.workorderId(feature: "api-migration", snapshot: snapshot) == "WO-API-MIGRATION-008")
        snapshot.workorderLog.append(WorkorderLogEntry(workorderId: "WO-API-MIGRATION-V2-099", path: "log", line: 2))
        #expect(SessionPlanner.workorderId(feature: "api-migration", snapshot: snapshot) == "WO-API-MIGRATION-008", "another feature's ids do not count")
        #expect(SessionPlanner.workorderId(feature: "日本 🚀", snapshot: snapshot) == "WO-SESSION-001")
    }

    @Test func aStartedStubAsksForAgainAndTakesTheNextFreeName() throws {
        let workspace = try TemporaryWorkspace("again")
        try workspace.write("coderef/working/feat/stub.json", #"{"feature_name": "feat", "status": "ready", "agents_involved": ["a"]}"#)
        try workspace.write(".coderef/sessions/feat-phase1/communication.json", #"{"agents": [{"agent_id": "a", "status": "complete"}]}"#)
        let snapshot = workspace.load()
        let stub = try #require(snapshot.stubs.first)
        let planner = SessionPlanner(layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), now: Self.now)
        #expect(throws: PlanError.alreadyStarted("feat", existing: ".coderef/sessions/feat-phase1")) { try planner.plan(stub: stub, snapshot: snapshot) }
        let plan = try planner.plan(stub: stub, snapshot: snapshot, again: true)
        #expect(plan.sessionName == "feat-2-phase1")
        #expect(!plan.warnings.isEmpty)
    }

    /// One rule for every front door: only a session that is here (not archived) needs `again`.
    @Test func aPromotedStubWithoutASessionOrWithOnlyArchivedOnesStartsWithAWarning() throws {
        let workspace = try TemporaryWorkspace("again-rule")
        try workspace.write("coderef/working/feat/stub.json", #"{"feature_name": "feat", "status": "promoted", "promoted_to": "WO-FEAT-001", "agents_involved": ["a"]}"#)
        let planner = SessionPlanner(layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), now: Self.now)
        var snapshot = workspace.load()
        let promoted = try planner.plan(stub: try #require(snapshot.stubs.first), snapshot: snapshot)
        #expect(promoted.warnings.contains { $0.contains("already promoted to WO-FEAT-001 but no session of it is here") })
        try workspace.write(".coderef/sessions/archived/feat-phase1/communication.json", #"{"workorder_id": "WO-FEAT-001", "agents": [{"agent_id": "a", "status": "complete"}]}"#)
        snapshot = workspace.load()
        let afterArchive = try planner.plan(stub: try #require(snapshot.stubs.first), snapshot: snapshot)
        #expect(afterArchive.warnings.contains { $0.contains("has 1 archived session(s); this starts a new phase 1") })
    }

    @Test(arguments: ["../evil", ".hidden", "a/b", "bad\u{1B}name"])
    func namesThatWouldEscapeAreRefused(name: String) throws {
        let workspace = try TemporaryWorkspace("names")
        try workspace.write("coderef/working/x/stub.json", #"{"feature_name": "\#(name.replacingOccurrences(of: "\u{1B}", with: "\\u001b"))", "status": "ready", "agents_involved": ["a"]}"#)
        let snapshot = workspace.load()
        let stub = try #require(snapshot.stubs.first)
        #expect(throws: PlanError.self) {
            try SessionPlanner(layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), now: Self.now).plan(stub: stub, snapshot: snapshot)
        }
    }
}

/// A new session's agent paths come from where the hub finds the agents' projects — the same
/// project folders the workorder search uses — and only truly unknown agents are reported.
@Suite struct AgentPathsFromProjectsTests {
    @Test func agentPathsComeFromTheProjectsFoundAndOnlyUnknownAgentsAreReported() throws {
        let parent = try TemporaryWorkspace("agent-paths")
        // api-server's project is two levels down in a project folder (not beside the workspace);
        // web-client is named in an earlier session by a Windows path; ghost is nowhere.
        try parent.write("shelf/team/api-server/coderef/workorder/wo-1/plan.json", #"{"workorder_id": "WO-1", "status": "in_progress"}"#)
        try parent.mkdir("shelf/team/web-client")
        try parent.write("workspace/coderef/sessions/old-phase1/communication.json", #"""
        {"workorder_id": "WO-OLD-001", "agents": [{"agent_id": "web-client", "agent_path": "C:\\Users\\me\\team\\web-client", "status": "complete"}]}
        """#)
        try parent.write("workspace/coderef/working/ship/stub.json", #"{"feature_name": "ship", "agents_involved": ["api-server", "web-client", "ghost"]}"#)
        var layout = WorkspaceLayout(root: parent.path("workspace"))
        layout.projectDirectories = [parent.path("shelf"), parent.path("shelf/team")]
        let snapshot = WorkspaceLoader(layout: layout).load()
        #expect(snapshot.projects.contains(parent.path("shelf/team/api-server")))
        let stub = try #require(snapshot.stubs.first)
        let plan = try SessionPlanner(layout: layout, settings: HubSettings(), now: Date()).plan(stub: stub, snapshot: snapshot, agents: nil, again: false)
        #expect(plan.unresolvedAgents.contains("ghost"))
        #expect(!plan.unresolvedAgents.contains("api-server") && !plan.unresolvedAgents.contains("web-client"))
        let communication = try JSONParser.parse(try #require(plan.files.first { $0.name == "communication.json" }).text)
        let written = Dictionary(uniqueKeysWithValues: (communication["agents"]?.arrayValue ?? []).compactMap { agent in
            agent["agent_id"]?.stringValue.map { ($0, agent["agent_path"]?.stringValue ?? "") }
        })
        #expect(written["api-server"] == parent.path("shelf/team/api-server"), "found by the workorder search")
        #expect(written["web-client"] == #"C:\Users\me\team\web-client"#, "the workspace's own way of naming it, found here")
        #expect(written["ghost"] == "ghost", "unknown: its id, and the dialog says so")
    }
}
