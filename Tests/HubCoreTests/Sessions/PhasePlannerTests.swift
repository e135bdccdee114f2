import Foundation
import Testing
import HubTestSupport
@testable import HubCore

@Suite struct PhasePlannerTests {
    @Test func theNextPhaseIsASiblingWithTheSameAgentsLinkedToThePrevious() throws {
        let workspace = try TemporaryWorkspace.demo("advance")
        let snapshot = workspace.load()
        let phase2 = try #require(snapshot.sessions.first { $0.name == "search-index-rebuild-phase2" })
        let planner = SessionPlanner(layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), now: Date())
        let plan = try planner.planNextPhase(after: phase2, snapshot: snapshot)
        #expect(plan.sessionName == "search-index-rebuild-phase3")
        #expect(plan.phase == 3 && !plan.promotesStub)
        #expect(plan.agents == ["search-service", "api-server"] && plan.orchestrator == "assistant")
        #expect(plan.workorderId == "WO-SEARCH-INDEX-REBUILD-003")
        #expect(plan.warnings == ["phase 2 is not complete yet (0/2 agents)"])
        let communication = try JSONParser.parse(plan.files[0].text)
        #expect(communication["phase_2_reference"] == .string(phase2.absolutePath))
        let stubBefore = try workspace.read("coderef/working/search-index-rebuild/stub.json")
        try SessionWriter.apply(plan, root: workspace.root)
        #expect(try workspace.read("coderef/working/search-index-rebuild/stub.json") == stubBefore, "advancing leaves the stub alone")
        let after = workspace.load()
        let timeline = after.timeline(of: try #require(after.sessions.first { $0.name == "search-index-rebuild-phase3" }))
        #expect(timeline.map(\.name) == ["search-index-rebuild-phase1", "search-index-rebuild-phase2", "search-index-rebuild-phase3"])
        #expect(after.sessions.first { $0.name == "search-index-rebuild-phase3" }?.phase == 3)
        #expect(throws: PlanError.phaseExists(".coderef/sessions/search-index-rebuild-phase3")) {
            try planner.planNextPhase(after: phase2, snapshot: after)
        }
    }

    @Test(.enabled(if: TestPaths.corpusExists))
    func aBareFeatureFolderAdvancesToPhaseTwoWithItsOwnPhases() throws {
        let snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: TestPaths.corpus), resolver: PathResolver(root: TestPaths.corpus, driveMountRoot: nil)).load()
        let csv = try #require(snapshot.sessions.first { $0.name == "csv-ecosystem-sync" })
        let plan = try SessionPlanner(layout: WorkspaceLayout(root: TestPaths.corpus), settings: HubSettings(), now: Date()).planNextPhase(after: csv, snapshot: snapshot)
        #expect(plan.sessionName == "csv-ecosystem-sync-phase2")
        #expect(plan.agents.count == 9)
        let instructions = try JSONParser.parse(plan.files[1].text)
        #expect(instructions["session_phase"] == .string("CSV Integration & Updates"), "the session's own phases{} name the phase")
        let sub = try #require(snapshot.sessions.first { $0.name == "validator-integration/testing" })
        #expect(throws: PlanError.self) { try SessionPlanner(layout: WorkspaceLayout(root: TestPaths.corpus), settings: HubSettings(), now: Date()).planNextPhase(after: sub, snapshot: snapshot) }
    }
}
