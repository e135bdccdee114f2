import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// A finished session said in its own file: status and its phases{} entry, in place, locked.
@Suite struct SessionCloserTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let stamp = "2026-11-18T11:06:40Z"

    static let finished = """
    {
      "workorder_id": "WO-SHIP-001",
      "status": "in_progress",
      "phases": {
        "phase_1": {"name": "Inventory", "status": "in_progress", "lead_agents": ["a"]},
        "phase_2": {"name": "Fixes", "status": "not_started", "lead_agents": ["b"]}
      },
      "agents": [
        {"agent_id": "a", "status": "complete"},
        {"agent_id": "b", "status": "complete"}
      ]
    }
    """

    func session(_ workspace: TemporaryWorkspace, _ name: String) throws -> Session {
        try #require(workspace.load().sessions.first { $0.name == name })
    }

    @Test func closesTheStatusAndTheCurrentPhaseOnlyAndKeepsEveryOtherByte() throws {
        let workspace = try TemporaryWorkspace("close-session")
        try workspace.write("coderef/sessions/ship-phase1/communication.json", Self.finished)
        let close = try #require(SessionCloser.plan(try session(workspace, "ship-phase1")))
        #expect(close.writesStatus && close.oldStatus == "in_progress")
        #expect(close.phases == [SessionClose.PhaseChange(key: "phase_1", old: "in_progress")], "phase 2 has not started: left alone")
        #expect(close.summary == "status in_progress → complete, phases.phase_1 in_progress → complete")
        let file = try SessionCloser.apply(close, root: workspace.root, now: now)
        #expect(file == "coderef/sessions/ship-phase1/communication.json")
        let expected = Self.finished
            .replacingOccurrences(of: #""status": "in_progress",\#n  "phases""#, with: #""status": "complete",\#n  "phases""#)
            .replacingOccurrences(of: #"{"name": "Inventory", "status": "in_progress", "lead_agents": ["a"]}"#,
                                  with: #"{"name": "Inventory", "status": "complete", "lead_agents": ["a"], "completed_at": "\#(stamp)"}"#)
            .replacingOccurrences(of: "\n  ]\n}", with: "\n  ],\n  \"completed_at\": \"\(stamp)\"\n}")
        #expect(try workspace.read(file) == expected)
        // Closed: nothing more to write, and the file agrees with its agents.
        let after = try session(workspace, "ship-phase1")
        #expect(SessionCloser.plan(after) == nil && !after.storedStatusDisagrees)
    }

    @Test func nothingToCloseUntilEveryAgentIsComplete() throws {
        let workspace = try TemporaryWorkspace("close-session-open")
        try workspace.write("coderef/sessions/ship-phase1/communication.json", Self.finished.replacingOccurrences(of: #"{"agent_id": "b", "status": "complete"}"#, with: #"{"agent_id": "b", "status": "in_progress"}"#))
        #expect(SessionCloser.plan(try session(workspace, "ship-phase1")) == nil)
    }

    @Test func aStatusThatIsNotAStringIsLeftAsItIs() throws {
        let workspace = try TemporaryWorkspace("close-session-odd")
        let text = #"{"workorder_id": "WO-ODD-001", "status": {"text": "38% complete"}, "agents": [{"agent_id": "a", "status": "complete"}]}"#
        try workspace.write("coderef/sessions/odd/communication.json", text)
        let close = try #require(SessionCloser.plan(try session(workspace, "odd")))
        try SessionCloser.apply(close, root: workspace.root, now: now)
        #expect(try workspace.read("coderef/sessions/odd/communication.json") == text, "someone's object is never replaced by our word")
    }

    /// The session folder is a link out of the workspace: nothing is written there.
    @Test func refusesAFileOutsideTheRoot() throws {
        let workspace = try TemporaryWorkspace("close-session-link")
        let outside = try TemporaryWorkspace("close-session-outside")
        try outside.write("elsewhere/communication.json", Self.finished)
        try workspace.mkdir("coderef/sessions")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("coderef/sessions/ship-phase1"), withDestinationPath: outside.path("elsewhere"))
        let session = try self.session(workspace, "ship-phase1")
        let close = try #require(SessionCloser.plan(session))
        #expect(throws: SessionCloser.Failure.self) { try SessionCloser.apply(close, root: workspace.root, now: now) }
        #expect(try outside.read("elsewhere/communication.json") == Self.finished)
    }

    @Test func advancingFromAFinishedPhaseClosesItFirst() throws {
        let workspace = try TemporaryWorkspace("close-on-advance")
        try workspace.write("coderef/sessions/ship-phase1/communication.json", Self.finished)
        let snapshot = workspace.load()
        let phase1 = try session(workspace, "ship-phase1")
        let plan = try SessionPlanner(layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), now: now).planNextPhase(after: phase1, snapshot: snapshot)
        #expect(plan.closes?.sessionPath == phase1.path)
        try SessionWriter.apply(plan, root: workspace.root)
        #expect(FileManager.default.fileExists(atPath: plan.folder + "/communication.json"))
        let closed = try session(workspace, "ship-phase1")
        #expect(closed.storedStatus?.word == "complete" && closed.phases.first?.status.word == "complete")
    }
}
