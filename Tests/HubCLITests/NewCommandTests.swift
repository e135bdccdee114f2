import Foundation
import Testing
import HubTestSupport
import HubCore

/// `sessions-hub new`: an ad-hoc session through the start transaction, and back out with archive/unarchive.
@Suite(.enabled(if: TestPaths.binary != nil, "needs the built sessions-hub binary"))
struct NewCommandTests {
    let binary = TestPaths.binary ?? ""

    @Test func anAdHocSessionRoundTrips() throws {
        let workspace = try TemporaryWorkspace("cli-new")
        try workspace.write("coderef/sessions/other-phase1/communication.json", #"{"workorder_id": "WO-OTHER-001", "agents": []}"#)
        let made = try ProcessRunner.run(binary, ["new", "hotfix", "--agent", "api", "--agent", "web", "--description", "Fix the login bug", "--yes", "--json", "--root", workspace.root])
        #expect(made.status == 0, "\(made.stderr)")
        let result = try JSONParser.parse(made.stdout)
        #expect(result["path"]?.stringValue == "coderef/sessions/hotfix-phase1", "beside the workspace's sessions")
        #expect(result["stub"] == .null, "no stub")
        let status = try JSONParser.parse(try ProcessRunner.run(binary, ["status", "--json", "--root", workspace.root]).stdout)
        let session = try #require(status["sessions"]?.arrayValue?.first { $0["name"]?.stringValue == "hotfix-phase1" })
        #expect(session["agents"]?.arrayValue?.compactMap { $0["agent_id"]?.stringValue } == ["api", "web"])
        let instructions = try String(contentsOfFile: workspace.path("coderef/sessions/hotfix-phase1/instructions.json"), encoding: .utf8)
        #expect(instructions.contains("Fix the login bug"))
        #expect(FileManager.default.fileExists(atPath: workspace.path("coderef/sessions/hotfix-phase1/README.md")))
        // The same name again is refused with a sentence; nothing is overwritten.
        let again = try ProcessRunner.run(binary, ["new", "hotfix", "--agent", "api", "--yes", "--root", workspace.root])
        #expect(again.status == 2 && again.stderr.contains("a session named hotfix exists"))
        // Archive and bring it back.
        #expect(try ProcessRunner.run(binary, ["archive", "hotfix-phase1", "--yes", "--root", workspace.root]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: workspace.path("coderef/sessions/hotfix-phase1")))
        #expect(try ProcessRunner.run(binary, ["unarchive", "hotfix-phase1", "--yes", "--root", workspace.root]).status == 0)
        #expect(FileManager.default.fileExists(atPath: workspace.path("coderef/sessions/hotfix-phase1/communication.json")))
        #expect(try ProcessRunner.run(binary, ["new", "x", "--yes", "--root", workspace.root]).status == 2, "no agent")
    }
}
