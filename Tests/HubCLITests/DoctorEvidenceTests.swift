import Foundation
import Testing
import HubTestSupport
import HubCore

/// `doctor` checks the evidence: every kind of contradiction, with its path and fix (golden text),
/// the same as JSON, and exit 1 when it finds errors.
@Suite(.enabled(if: TestPaths.binary != nil, "needs the built sessions-hub binary"))
struct DoctorEvidenceTests {
    let binary = TestPaths.binary ?? ""

    func workspace() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace("doctor-evidence")
        try workspace.write("coderef/working/gone/stub.json", #"{"feature_name": "gone", "status": "promoted", "promoted_to": "WO-GONE-001"}"#)
        try workspace.write("coderef/sessions/drift-phase1/communication.json", """
        {"workorder_id": "WO-DRIFT-001", "status": "not_started", "stub_id": "STUB-404",
         "aggregation": {"total_agents": 3, "completed": 0},
         "agents": [
           {"agent_id": "done", "status": "complete", "output_file": "done-report.json"},
           {"agent_id": "loop-a", "status": "not_started", "depends_on": ["loop-b"]},
           {"agent_id": "loop-b", "status": "not_started", "depends_on": ["loop-a", "ghost"]},
           {"agent_id": "far", "status": "in_progress", "agent_path": "C:\\\\Users\\\\me\\\\Desktop\\\\far-away"},
           {"agent_id": "bad/id", "status": "in_progress"}
         ]}
        """)
        try workspace.write("coderef/sessions/twin-phase1/communication.json", #"{"workorder_id": "WO-DRIFT-001", "agents": [{"agent_id": "x", "status": "complete"}]}"#)
        return workspace
    }

    @Test func everyContradictionIsFoundWithItsFix() throws {
        let workspace = try workspace()
        let result = try ProcessRunner.run(binary, ["doctor", "--root", workspace.root])
        #expect(result.status == 1, "errors make doctor fail")
        let evidence = try #require(result.stdout.range(of: "\nevidence:\n")).upperBound
        if let mismatch = GoldenText.mismatch(String(result.stdout[evidence...]), file: TestPaths.packageRoot + "/Tests/HubCLITests/Golden/doctor-evidence.txt") {
            Issue.record("\(mismatch)")
        }
    }

    @Test func theSameAsJSON() throws {
        let workspace = try workspace()
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = workspace.path("no-user-config")
        let result = try ProcessRunner.run(binary, ["doctor", "--json", "--root", workspace.root], environment: environment)
        #expect(result.status == 1)
        let report = try JSONParser.parse(result.stdout)
        #expect(report["ok"] == .bool(false))
        let checks = Set((report["findings"]?.arrayValue ?? []).compactMap { $0["check"]?.stringValue })
        #expect(checks == ["stale-aggregation", "status-disagrees", "complete-without-output", "missing-stub", "depends-cycle", "unknown-dependency",
                           "unsafe-name", "project-not-found", "promoted-without-session", "duplicate-workorder-id"])
        #expect(report["checks"]?.arrayValue?.contains { $0["name"]?.stringValue == "evidence" && $0["ok"] == .bool(false) } == true)
        // Dispatch is checked too: the default agent command is named, and whether it is on PATH.
        let dispatch = report["checks"]?.arrayValue?.first { $0["name"]?.stringValue == "dispatch" }
        #expect(dispatch?["detail"]?.stringValue?.contains("claude") == true || dispatch?["detail"]?.stringValue?.contains("tmux is not installed") == true)
    }
}

/// `doctor` lists finished sessions whose file says otherwise; `--fix --yes` closes them.
@Suite(.enabled(if: TestPaths.binary != nil, "needs the built sessions-hub binary"))
struct DoctorFinishedSessionsTests {
    let binary = TestPaths.binary ?? ""

    @Test func doctorFixClosesFinishedSessions() throws {
        let workspace = try TemporaryWorkspace("doctor-finished")
        try workspace.write("coderef/sessions/ship-phase1/communication.json", """
        {"workorder_id": "WO-SHIP-001", "status": "in_progress", "agents": [{"agent_id": "a", "status": "complete"}]}
        """)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = workspace.path("no-user-config")
        let look = try ProcessRunner.run(binary, ["doctor", "--root", workspace.root], environment: environment)
        #expect(look.stdout.contains("1 session(s) with every agent complete still say otherwise in their file: sessions-hub doctor --fix closes them"))
        #expect(look.stderr.contains("finished: coderef/sessions/ship-phase1: status in_progress → complete"))
        #expect(try workspace.read("coderef/sessions/ship-phase1/communication.json").contains(#""status": "in_progress""#), "looking writes nothing")
        let fix = try ProcessRunner.run(binary, ["doctor", "--fix", "--yes", "--root", workspace.root], environment: environment)
        #expect(fix.stdout.contains("closed 1 finished session(s) in their files"))
        #expect(workspace.load().sessions.first?.storedStatus?.word == "complete")
        let again = try ProcessRunner.run(binary, ["doctor", "--root", workspace.root], environment: environment)
        #expect(again.stdout.contains("every finished session says so in its file"))
    }
}
