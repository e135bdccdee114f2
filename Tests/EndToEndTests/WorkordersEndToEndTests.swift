import Foundation
import Testing
import HubCore
import HubTestSupport

private let ready = TestPaths.binary != nil && TmuxPane.isAvailable

/// The rest of the lifecycle on a real terminal: the workorders view, an ad-hoc session, unarchive.
@Suite(.enabled(if: ready, "needs the built binary and tmux"))
struct WorkordersEndToEndTests {
    let binary = TestPaths.binary ?? ""

    @Test func wListsTheAgentsWorkordersAndOpensAPlan() throws {
        let parent = try TemporaryWorkspace("e2e-workorders")
        try parent.write("workspace/coderef/sessions/plans-phase1/communication.json", #"""
        {"workorder_id": "WO-PLANS-001", "agents": [{"agent_id": "assistant", "agent_path": "C:\\Users\\me\\Desktop\\assistant", "status": "complete",
          "outputs": {"workorders_created": ["WO-ASSIST-002 (coderef/workorder/assist-plan/)"]}}]}
        """#)
        try parent.write("assistant/coderef/workorder/assist-plan/plan.json", """
        {"META_DOCUMENTATION": {"workorder_id": "WO-ASSIST-002", "status": "implementing"}, "current_phase": 2,
         "UNIVERSAL_PLANNING_STRUCTURE": {"5_task_id_system": {"tasks": [{"id": "T1", "description": "wire the cache", "status": "complete"}, {"id": "T2", "description": "measure it", "status": "pending"}]}}}
        """)
        let pane = try TmuxPane(width: 120, height: 30)
        try pane.run("\(binary) --root \(parent.path("workspace"))")
        try pane.waitFor(text: "Sessions 1")
        try pane.keys("Enter")
        try pane.waitFor(text: "Workorders (1)")
        try pane.keys("w")
        try pane.waitFor(text: "Workorders 1")
        try pane.waitFor(text: "plans-phase1")
        #expect(try pane.screen().contains("assistant"), "the project's name")
        try pane.keys("Enter")
        try pane.waitFor(text: "Tasks (1/2 done)")
        try pane.waitFor(text: "wire the cache")
        try pane.keys("Escape", "Escape")
        try pane.waitFor("the view closed") { !$0.contains("Workorders 1") }
        try pane.keys("q")
        try pane.waitForPrompt()
    }

    @Test func capitalNStartsAnAdHocSession() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-adhoc")
        let pane = try TmuxPane(width: 120, height: 40)
        try pane.openScreen(binary, root: workspace.root)
        try pane.keys("N")
        try pane.waitFor(text: "New ad-hoc session")
        try pane.tmux(["send-keys", "-t", "main", "-l", "hotfix"])
        try pane.keys("Tab")
        try pane.tmux(["send-keys", "-t", "main", "-l", "api-server web-client"])
        try pane.keys("Enter")
        try pane.waitFor(text: "Start a session?")
        try pane.keys("Enter")
        try pane.waitFor(text: "created .coderef/sessions/hotfix-phase1")
        let text = try String(contentsOfFile: workspace.path(".coderef/sessions/hotfix-phase1/communication.json"), encoding: .utf8)
        #expect(text.contains("\"api-server\"") && text.contains("\"web-client\""))
        try pane.keys("q")
        try pane.waitForPrompt()
    }

    @Test func capitalUBringsAnArchivedSessionBack() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-unarchive")
        #expect(try ProcessRunner.run(binary, ["archive", "--root", workspace.root, "search-index-rebuild-phase1", "--yes"]).status == 0)
        let pane = try TmuxPane(width: 120, height: 40)
        try pane.openScreen(binary, root: workspace.root, title: "Stubs 5 · Sessions 2")
        try pane.keys("H")
        try pane.waitFor(text: "ARCHIVED")
        try pane.keys("G", "U")
        try pane.waitFor(text: "Restore ")
        try pane.keys("Enter")
        try pane.waitFor(text: "Stubs 5 · Sessions 3")
        #expect(FileManager.default.fileExists(atPath: workspace.path(".coderef/sessions/search-index-rebuild-phase1/communication.json")))
        try pane.keys("q")
        try pane.waitForPrompt()
    }
}
