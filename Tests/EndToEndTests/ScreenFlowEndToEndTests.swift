import Foundation
import Testing
import HubCore
import HubTestSupport

private let ready = TestPaths.binary != nil && TmuxPane.isAvailable

/// What a person does on a real terminal: a narrow screen, a stub that already has a session, the viewer.
@Suite(.enabled(if: ready, "needs the built binary and tmux"))
struct ScreenFlowEndToEndTests {
    let binary = TestPaths.binary ?? ""

    func demoPane(width: Int, height: Int) throws -> (TemporaryWorkspace, TmuxPane) {
        let workspace = try TemporaryWorkspace.demo("e2e-flow")
        let pane = try TmuxPane(width: width, height: height)
        try pane.openScreen(binary, root: workspace.root)
        return (workspace, pane)
    }

    func sessionFolders(_ workspace: TemporaryWorkspace) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: workspace.path(".coderef/sessions")).filter { $0 != "archived" }.sorted()
    }

    @Test func aNarrowTerminalShowsOnePaneAtATime() throws {
        let (workspace, pane) = try demoPane(width: 60, height: 20)
        #expect(!(try pane.screen()).contains("AGENT"), "the list alone, no session pane beside it")
        // The search-index-rebuild stub (second in ACTIVE) opens its latest phase, full width.
        try pane.keys("j", "j", "j", "Enter")
        try pane.waitFor(text: "Session · Esc list")
        try pane.waitFor(text: "WO-SEARCH-INDEX-REBUILD-002")
        #expect(try pane.screen().contains("search-service"), "agent ids readable at 60 columns")
        // [ steps back to phase 1 of the same feature.
        try pane.keys("[")
        try pane.waitFor(text: "phase 1 of 2")
        try pane.waitFor(text: "WO-SEARCH-INDEX-REBUILD-001")
        try pane.keys("Escape")
        try pane.waitFor(text: "Stubs 5 · Sessions 3")
        // A stub without a session reads in full on Enter too.
        try pane.keys("G", "Enter")
        try pane.waitFor(text: "Stub · Esc list")
        try pane.keys("q")
        try pane.waitForPrompt()
        withExtendedLifetime(workspace) {}
    }

    @Test func sOnAStartedStubOffersToOpenItAndEnterMakesNoDuplicate() throws {
        let (workspace, pane) = try demoPane(width: 120, height: 40)
        let before = try sessionFolders(workspace)
        // NEEDS YOU (2) first, then ACTIVE: api-migration is a stub whose phase 1 exists.
        try pane.keys("j", "j")
        try pane.keys("S")
        try pane.waitFor(text: "Already started")
        try pane.keys("Enter")
        try pane.waitFor("the dialog closed on the existing session") { !$0.contains("Already started") && $0.contains("WO-API-MIGRATION-001") }
        #expect(try sessionFolders(workspace) == before, "Enter opened the session; nothing was created")
        try pane.keys("q")
        try pane.waitForPrompt()
    }

    /// NEEDS YOU worked off on a real terminal: z snoozes, new evidence (another process writes the
    /// agent's note) brings it back, x dismisses, u undoes — all in the journal.
    @Test func snoozeDismissAndUndoFromTheScreen() throws {
        let (workspace, pane) = try demoPane(width: 120, height: 40)
        try pane.waitFor(text: "NEEDS YOU (2)")
        // The first row: api-migration-phase1, its blocked mobile-app.
        try pane.keys("z")
        try pane.waitFor(text: "mobile-app: snoozed until its evidence changes")
        try pane.waitFor(text: "NEEDS YOU (1)")
        // The agent writes a new note: new evidence, the item is back.
        let write = try ProcessRunner.run(binary, ["set-status", "--root", workspace.root, "api-migration-phase1", "mobile-app", "blocked", "--note", "still waiting for the v2 endpoint"])
        #expect(write.status == 0, "\(write.stderr)")
        try pane.waitFor(text: "NEEDS YOU (2)")
        try pane.keys("g", "x")
        try pane.waitFor(text: "mobile-app: blocked dismissed until its evidence changes")
        try pane.waitFor(text: "NEEDS YOU (1)")
        try pane.keys("u")
        try pane.waitFor(text: "mobile-app: dismissal undone")
        try pane.waitFor(text: "NEEDS YOU (2)")
        let verdicts = Triage.load(root: workspace.root).map(\.kind)
        #expect(verdicts == [.snooze, .dismiss, .undo])
        try pane.keys("q")
        try pane.waitForPrompt()
    }

    @Test func theViewerSearchesAndStepsThroughMatches() throws {
        let (workspace, pane) = try demoPane(width: 100, height: 30)
        try pane.keys("Enter", "i")
        try pane.waitFor(text: "instructions.json")
        try pane.waitFor(text: "line 1 of")
        try pane.keys("/")
        try pane.tmux(["send-keys", "-t", "main", "-l", "step_2"])
        try pane.keys("Enter")
        try pane.waitFor("the first match found") { !$0.contains("line 1 of") }
        let first = try pane.screen()
        try pane.keys("n")
        try pane.waitFor("n moved to the next match") { $0 != first }
        try pane.keys("Escape", "q")
        try pane.waitForPrompt()
        withExtendedLifetime(workspace) {}
    }
}
