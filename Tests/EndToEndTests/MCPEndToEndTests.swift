import Foundation
import Testing
import HubCore
import HubTestSupport

private let python = TestPaths.packageRoot + "/.build/mcp-venv/bin/python"
private let ready = TestPaths.binary != nil && FileManager.default.isExecutableFile(atPath: python)
    && FileManager.default.fileExists(atPath: TestPaths.packageRoot + "/Tests/EndToEndTests/Scripts/mcp_client.py")

/// `sessions-hub mcp` driven by the official Python MCP SDK (installed by scripts/test into
/// .build/mcp-venv; skipped with this note when it could not be installed).
@Suite(.enabled(if: ready, "needs the Python MCP SDK in .build/mcp-venv (scripts/test installs it)"))
struct MCPEndToEndTests {
    @Test func thePythonSDKListsCreatesStartsAndReports() throws {
        let workspace = try TemporaryWorkspace("e2e-mcp")
        try DemoWorkspace.write(to: workspace.root)
        let result = try ProcessRunner.run(python, [TestPaths.packageRoot + "/Tests/EndToEndTests/Scripts/mcp_client.py", TestPaths.binary!, workspace.root], timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONParser.parse(Array(result.stdout.utf8))
        #expect(report["tools"]?.arrayValue?.compactMap(\.stringValue) == ["list_stubs", "list_sessions", "get_session", "my_instructions", "set_status", "create_stub", "start_session", "advance_phase", "list_workorders", "check_workspace"])
        #expect(report["create"]?["path"]?.stringValue == "coderef/working/python-made/stub.json")
        #expect(report["start"]?["folder"]?.stringValue == ".coderef/sessions/python-made-phase1")
        #expect(report["status"]?["to"]?.stringValue == "blocked")
        #expect(report["missing_is_error"] == .bool(true))
        #expect(report["missing_text"]?.stringValue?.contains("no session named 'no-such-session'") == true)
        #expect(report["sessions"]?.arrayValue?.contains(.string("python-made-phase1")) == true)
        // The files, as the workflow's other tools will read them.
        let stub = try workspace.read("coderef/working/python-made/stub.json")
        #expect(stub.contains("\"assistant (orchestrator)\"") && stub.contains("\"promoted\""))
        let communication = try workspace.read(".coderef/sessions/python-made-phase1/communication.json")
        #expect(communication.contains("\"Waiting for review\"") && communication.contains("\"blocked\""))
    }
}
