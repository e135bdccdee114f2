import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// The NEEDS YOU board with every reason the evidence can give, one session each, worst first.
@Suite struct AttentionBoardGoldenTests {
    @Test func everyReasonOnTheBoard() throws {
        let workspace = try TemporaryWorkspace("board-every-reason")
        func session(_ name: String, _ agents: String) throws {
            try workspace.write("coderef/sessions/\(name)-phase1/communication.json", #"{"workorder_id": "WO-\#(name.uppercased())-001", "agents": [\#(agents)]}"#)
        }
        let fresh = Timestamp.format(Fixtures.now.addingTimeInterval(-60))
        try session("waiting", #"{"agent_id": "coder", "status": "in_progress", "updated_at": "\#(fresh)"}"#)
        try session("failed", #"{"agent_id": "coder", "status": "failed", "notes": "tests red on main"}"#)
        try session("blocked", #"{"agent_id": "coder", "status": "blocked", "notes": "needs the API key"}"#)
        try session("exited", #"{"agent_id": "coder", "status": "in_progress", "updated_at": "\#(fresh)"}"#)
        try session("conflict", #"{"agent_id": "coder", "status": "complete", "completed_at": "2026-11-18T10:00:00Z"}"#)
        try workspace.write("coderef/sessions/conflict-phase1/coder/communication.json", #"{"agent_id": "coder", "status": "in_progress", "updated_at": "2026-11-18T09:12:00Z"}"#)
        try session("idle", #"{"agent_id": "coder", "status": "in_progress", "updated_at": "\#(fresh)"}"#)
        try session("done", #"{"agent_id": "coder", "status": "in_progress"}"#)
        try workspace.write("coderef/sessions/done-phase1/coder/communication.json", #"""
        {"agent_id": "coder", "status": "in_progress", "updated_at": "\#(fresh)", "tasks": [{"task_id": "T1", "status": "complete"}, {"task_id": "T2", "status": "complete"}]}
        """#)
        try session("stale", #"{"agent_id": "coder", "status": "in_progress", "updated_at": "2026-11-18T08:00:00Z"}"#)
        try session("handed", #"{"agent_id": "coder", "status": "not_started"}"#)
        try session("unverified", #"{"agent_id": "coder", "status": "complete", "output_file": "coder-report.json"}"#)
        try session("unreadable", #"{"agent_id": "coder", "status": "in_progress", "updated_at": "\#(fresh)"}"#)
        try workspace.write("coderef/sessions/unreadable-phase1/coder/communication.json", #"{"agent_id": "coder", "status": "in_pro"#)
        try session("wave", #"{"agent_id": "first", "status": "complete"}, {"agent_id": "second", "status": "not_started", "depends_on": ["first"]}"#)
        try workspace.write("coderef/sessions/ready-phase1/communication.json", #"""
        {"workorder_id": "WO-READY-001", "status": "complete", "phases": {"phase_1": {"status": "complete"}, "phase_2": {"status": "not_started"}},
         "agents": [{"agent_id": "coder", "status": "complete"}]}
        """#)

        var snapshot = try Fixtures.snapshot(of: workspace.root, fileAge: 120)
        func path(_ name: String) -> String { "coderef/sessions/\(name)-phase1" }
        snapshot.activities[path("waiting")] = ["coder": Activity(state: .waiting, detail: "Allow Bash(npm test)?", source: .pane, since: Fixtures.now.addingTimeInterval(-300))]
        snapshot.activities[path("exited")] = ["coder": Activity(state: .exited, detail: "exit 1", source: .pane, since: Fixtures.now.addingTimeInterval(-240))]
        snapshot.activities[path("idle")] = ["coder": Activity(state: .idle, source: .stateFile, since: Fixtures.now.addingTimeInterval(-600))]
        snapshot.handoffs[path("handed")] = ["coder": Fixtures.now.addingTimeInterval(-3600)]
        snapshot.dispatches[path("wave")] = ["first": DispatchRecord(at: Fixtures.now.addingTimeInterval(-7200), pane: "%1", window: "1", form: "short", outcome: "submitted")]

        let state = Fixtures.state(snapshot, width: 140, height: 24)
        let reasons = Set(state.board.bySession.values.compactMap { $0.first?.reason })
        #expect(reasons == Set(AttentionReason.allCases), "one session per reason; missing: \(Set(AttentionReason.allCases).subtracting(reasons))")
        GoldenFile.check(Render.screen(state), "attention-every-reason")
    }
}
