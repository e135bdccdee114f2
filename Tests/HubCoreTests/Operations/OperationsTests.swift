import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// [HOUSE] The operations layer: set-status, close and triage are requests planned by one function
/// and applied by one function, whichever door asked (the screen, the CLI and MCP build these).
@Suite struct OperationsTests {
    func workspace() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace("operations")
        try workspace.write("coderef/sessions/feat-phase1/communication.json", #"""
        {"workorder_id": "WO-FEAT-001", "status": "in_progress", "agents": [{"agent_id": "api-server", "status": "in_progress"}, {"agent_id": "web-client", "status": "failed", "notes": "red"}]}
        """#)
        try workspace.write("coderef/sessions/done-phase1/communication.json", #"{"workorder_id": "WO-DONE-001", "status": "in_progress", "agents": [{"agent_id": "a", "status": "complete"}]}"#)
        return workspace
    }

    func request(_ kind: PlanRequest.Kind, _ workspace: TemporaryWorkspace, _ snapshot: WorkspaceSnapshot) -> PlanRequest {
        PlanRequest(kind, snapshot: snapshot, layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), now: Date())
    }

    @Test func setStatusIsPlannedThenApplied() throws {
        let workspace = try workspace()
        let snapshot = workspace.load()
        let session = try #require(snapshot.sessions.first { $0.name == "feat-phase1" })
        // An unknown word and an unknown agent are refused at planning, with the way out.
        #expect(request(.setStatus(session: session, agent: "api-server", word: "donee"), workspace, snapshot).plan().failureMessage?.contains("done") == true)
        #expect(request(.setStatus(session: session, agent: "api-servr", word: "complete"), workspace, snapshot).plan().failureMessage?.contains("api-server") == true)
        // A complete the evidence will not back comes with its warning, before anything is written.
        let planned = try request(.setStatus(session: session, agent: "API-SERVER", word: "complete ", note: "shipped"), workspace, snapshot).plan().get()
        guard case .setStatus(let change) = planned else { Issue.record("planned \(planned)"); return }
        #expect(change.agent.agentId == "api-server" && change.word == "complete")
        #expect(try workspace.read("coderef/sessions/feat-phase1/communication.json").contains(#""in_progress""#), "planning writes nothing")
        let applied = try planned.apply(root: workspace.root)
        #expect(applied.sentence == "api-server: in_progress → complete (\(applied.file ?? ""))")
        #expect(workspace.load().sessions.first { $0.name == "feat-phase1" }?.agents.first?.status.word == "complete")
    }

    @Test func closeIsPlannedOnlyForAFinishedSession() throws {
        let workspace = try workspace()
        let snapshot = workspace.load()
        let open = try #require(snapshot.sessions.first { $0.name == "feat-phase1" })
        #expect(request(.close(session: open), workspace, snapshot).plan().failureMessage == "feat-phase1: nothing to close — not every agent is complete (0/2)")
        let done = try #require(snapshot.sessions.first { $0.name == "done-phase1" })
        let applied = try request(.close(session: done), workspace, snapshot).plan().get().apply(root: workspace.root)
        #expect(applied.sentence.hasPrefix("closed done-phase1 in "))
        #expect(workspace.load().sessions.first { $0.name == "done-phase1" }?.storedStatus?.word == "complete")
    }

    @Test func triageAndItsUndoGoThroughTheSameLayer() throws {
        let workspace = try workspace()
        let snapshot = workspace.load()
        let session = try #require(snapshot.sessions.first { $0.name == "feat-phase1" })
        #expect(request(.triage(.snooze, session: session, agent: "nobody", by: "me"), workspace, snapshot).plan().failureMessage?.contains("no agent") == true)
        let snoozed = try request(.triage(.snooze, session: session, agent: "Web-Client", by: "me"), workspace, snapshot).plan().get().apply(root: workspace.root)
        #expect(snoozed.sentence == "web-client: snoozed until its evidence changes (u undoes)")
        let undone = try request(.undoTriage(by: "me"), workspace, workspace.load()).plan().get().apply(root: workspace.root)
        #expect(undone.sentence.contains("web-client"))
        // Nothing of api-server needs the person: a snooze is refused when applied, with the reason.
        let refused = Result { () throws(PlanFailure) in try request(.triage(.snooze, session: session, agent: "api-server", by: "me"), workspace, snapshot).plan().get().apply(root: workspace.root) }
        #expect(refused.failureMessage == "nothing of api-server needs you now: nothing to snooze")
    }
}

extension Result where Failure == PlanFailure {
    var failureMessage: String? { if case .failure(let failure) = self { return failure.message } else { return nil } }
}
