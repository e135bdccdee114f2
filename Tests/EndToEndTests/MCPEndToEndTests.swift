import Foundation
import Testing
import HubCore
import HubTestSupport

private let python = TestPaths.packageRoot + "/.build/mcp-venv/bin/python"
private let ready = TestPaths.binary != nil && FileManager.default.isExecutableFile(atPath: python)
    && FileManager.default.fileExists(atPath: TestPaths.packageRoot + "/Tests/EndToEndTests/Scripts/mcp_client.py")

/// The server's edge spoken raw (plain Python, no SDK): what a misbehaving client sends.
@Suite(.enabled(if: TestPaths.binary != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs python3"))
struct MCPProtocolEdgeTests {
    @Test func aRequestBeforeInitializeAndAnOverlongLineAreRefusedAndTheServerGoesOn() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-mcp-raw")
        let result = try ProcessRunner.run("/usr/bin/python3", [TestPaths.packageRoot + "/Tests/EndToEndTests/Scripts/mcp_raw.py", TestPaths.binary!, workspace.root], timeout: 90)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONParser.parse(Array(result.stdout.utf8))
        #expect(report["before_initialize"]?["id"] == .int(1) && report["before_initialize"]?["error"]?["code"] == .int(-32600))
        #expect(report["too_long"]?["id"] == .int(7) && report["too_long"]?["error"]?["message"]?.stringValue?.contains("too long") == true)
        #expect(report["initialize"]?["result"] != nil)
        #expect(report["after"]?["id"] == .int(3) && report["after"]?["result"] != nil, "still serving")
    }
}

/// `sessions-hub mcp` driven by the official Python MCP SDK (installed by scripts/test into
/// .build/mcp-venv; skipped with this note when it could not be installed).
@Suite(.enabled(if: ready, "needs the Python MCP SDK in .build/mcp-venv (scripts/test installs it)"))
struct MCPEndToEndTests {
    @Test func thePythonSDKListsCreatesStartsAndReports() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-mcp")
        let result = try ProcessRunner.run(python, [TestPaths.packageRoot + "/Tests/EndToEndTests/Scripts/mcp_client.py", TestPaths.binary!, workspace.root], timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONParser.parse(Array(result.stdout.utf8))
        #expect(report["tools"]?.arrayValue?.compactMap(\.stringValue) == ["list_stubs", "list_sessions", "get_session", "my_instructions", "set_status", "triage", "create_stub", "start_session", "advance_phase", "archive", "list_workorders", "dispatch_agents", "send_to_agent", "check_workspace"])
        #expect(report["create"]?["path"]?.stringValue == "coderef/working/python-made/stub.json")
        #expect(report["start"]?["folder"]?.stringValue == ".coderef/sessions/python-made-phase1")
        #expect(report["status"]?["to"]?.stringValue == "blocked")
        #expect(report["missing_is_error"] == .bool(true))
        #expect(report["missing_text"]?.stringValue?.contains("no session named 'no-such-session'") == true)
        #expect(report["sessions"]?.arrayValue?.contains(.string("python-made-phase1")) == true)
        // Every tool declares its output, and the SDK found each reading tool's result to fit it.
        #expect(report["with_output_schema"] == report["tools"])
        #expect(report["checked"]?.arrayValue?.count == 6)
        #expect(report["page"]?["count"] == .int(1) && report["page"]?["next_cursor"] == .string("1") && (report["page"]?["total"]?.intValue ?? 0) > 1)
        // The files, as the workflow's other tools will read them.
        let stub = try workspace.read("coderef/working/python-made/stub.json")
        #expect(stub.contains("\"assistant (orchestrator)\"") && stub.contains("\"promoted\""))
        let communication = try workspace.read(".coderef/sessions/python-made-phase1/communication.json")
        #expect(communication.contains("\"Waiting for review\"") && communication.contains("\"blocked\""))
    }

    /// [REMOTE] The workspace followed as resources: a change written by another process reaches a
    /// subscribed client as notifications/resources/updated, with no polling by the client.
    @Test func thePythonSDKFollowsTheWorkspaceByItsResources() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-mcp-resources")
        let file = workspace.path(".coderef/sessions/hotfix-phase1/communication.json")
        let result = try ProcessRunner.run(python, [TestPaths.packageRoot + "/Tests/EndToEndTests/Scripts/mcp_resources.py", TestPaths.binary!, workspace.root, file], timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONParser.parse(Array(result.stdout.utf8))
        #expect(report["subscribe"] == .bool(true))
        #expect(report["resources"] == .array([.string("sessions-hub://workspace/status"), .string("sessions-hub://workspace/attention"), .string("sessions-hub://workspace/summary")]))
        #expect(report["sessions"] == .int(3))
        #expect(report["updated"] == .array([.string("sessions-hub://workspace/attention"), .string("sessions-hub://workspace/status")]), "\(result.stdout)")
        #expect(report["attention"]?.arrayValue?.contains { $0["reason"]?.stringValue == "failed" && $0["note"]?.stringValue == "tests red" } == true)
    }

    /// An orchestrator agent dispatches another through the hub: the Python SDK client runs in a tmux
    /// pane (as an agent would), the simulated agent is the user's agent command.
    @Test(.enabled(if: TmuxPane.isAvailable && TestPaths.simulatedAgent != nil, "needs tmux and the simulated agent"))
    func anAgentDispatchesAnotherThroughTheHub() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-mcp-dispatch")
        try workspace.write("user/sessions-hub/config.toml", "[dispatch]\ncommand = \"\(TestPaths.simulatedAgent!) --pace 0.2\"\n")
        let pane = try TmuxPane(width: 160, height: 40, extraEnvironment: ["XDG_CONFIG_HOME": workspace.path("user")])
        let out = workspace.path("dispatch.json")
        try pane.run("\(python) \(TestPaths.packageRoot)/Tests/EndToEndTests/Scripts/mcp_dispatch.py \(TestPaths.binary!) \(workspace.root) \(out)")
        try pane.waitFor("the tool's answer") { _ in FileManager.default.fileExists(atPath: out) }
        let report = try JSONParser.parse(Array(try String(contentsOfFile: out, encoding: .utf8).utf8))
        let first = report["dispatched"]?.arrayValue?.first
        #expect(first?["agent"]?.stringValue == "docs-writer" && first?["outcome"]?.stringValue == "submitted", "\(report)")
        #expect(try pane.tmux(["list-windows", "-F", "#{window_name}"]).contains("docs-writer@api-migration-phase1"))
    }
}
