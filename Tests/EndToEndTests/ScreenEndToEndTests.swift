import Foundation
import Testing
import HubCore
import HubTestSupport

private let ready = TestPaths.binary != nil && TmuxPane.isAvailable

/// The real binary in tmux: what a person sees and what is left of their terminal afterwards.
@Suite(.enabled(if: ready, "needs the built binary and tmux"))
struct ScreenEndToEndTests {
    let binary = TestPaths.binary ?? ""

    /// A pane with the demo open and drawn.
    func demoPane(_ prefix: String = "") throws -> TmuxPane {
        let pane = try TmuxPane()
        try pane.run("\(prefix)\(binary) demo")
        try pane.waitFor(text: "Stubs 5 · Sessions 3")
        return pane
    }

    /// The terminal is as the shell wants it: main screen, cursor visible.
    func expectTerminalRestored(_ pane: TmuxPane) throws {
        #expect(try pane.format("alternate_on") == "0", "left the alternate screen")
        #expect(try pane.format("cursor_flag") == "1", "cursor visible")
    }

    @Test func demoOpensNavigatesHelpsResizesAndQuits() throws {
        let pane = try TmuxPane(width: 120, height: 40)
        try pane.run("\(binary) demo")
        try pane.waitFor(text: "Stubs 5 · Sessions 3")
        #expect(try pane.format("alternate_on") == "1")
        let first = try pane.screen()
        #expect(first.contains("api-migration"))
        #expect(first.contains("? help"))

        // NEEDS YOU (2 sessions) comes first; the search-index-rebuild stub is the second in ACTIVE.
        try pane.keys("j", "j", "j", "Enter")
        try pane.waitFor(text: "WO-SEARCH-INDEX-REBUILD-002")
        try pane.waitFor(text: "phase1 → ")

        try pane.keys("?")
        try pane.waitFor(text: "move up (in the agents pane")
        try pane.keys("Escape")
        try pane.waitFor("help closed") { !$0.contains("move up (in the agents pane") }

        try pane.resize(width: 60, height: 20)
        // Below 100 columns one pane fills the screen: the session, which has the focus.
        try pane.waitFor("a 60-column layout") { screen in
            screen.split(separator: "\n").first.map { $0.count <= 60 && $0.contains("Session · Esc list") } ?? false
        }
        try pane.resize(width: 30, height: 8)
        try pane.waitFor(text: "Terminal too small")
        try pane.resize(width: 120, height: 40)
        try pane.waitFor(text: "Stubs 5 · Sessions 3")

        try pane.keys("q")
        try pane.waitForPrompt()
        try expectTerminalRestored(pane)
        try pane.run("echo status=$?")
        try pane.waitFor(text: "status=0")
    }

    @Test(arguments: [(SIGTERM, 143), (SIGQUIT, 131)])
    func aSignalFromOutsideRestoresTheTerminal(signal: Int32, status: Int) throws {
        let pane = try demoPane()
        let pid = try #require(try pane.childPid())
        kill(pid, signal)
        try pane.waitForPrompt()
        try expectTerminalRestored(pane)
        try pane.run("echo status=$?")
        try pane.waitFor(text: "status=\(status)")
    }

    @Test func ctrlCQuits() throws {
        let pane = try demoPane()
        try pane.keys("C-c")
        try pane.waitForPrompt()
        try expectTerminalRestored(pane)
    }

    @Test func aSwiftTrapRestoresTheTerminal() throws {
        let pane = try TmuxPane()
        try pane.run("SESSIONS_HUB_TEST_TRAP=1 \(binary) demo 2>/dev/null")
        try pane.waitForPrompt()
        try expectTerminalRestored(pane)
        try pane.run("echo status=$?")
        try pane.waitFor("a signal exit status") { $0.contains("status=132") || $0.contains("status=133") }
        try pane.run("stty -a | tr ' ' '\\n' | grep -xE 'echo|icanon' | sort | tr '\\n' ,; echo")
        try pane.waitFor(text: "echo,icanon,")
    }

    @Test func suspendAndResumeRedraws() throws {
        let pane = try demoPane()
        try pane.keys("C-z")
        try pane.waitForPrompt()
        try expectTerminalRestored(pane)
        try pane.run("fg")
        try pane.waitFor(text: "Stubs 5 · Sessions 3")
        try pane.keys("q")
        try pane.waitForPrompt()
    }

    @Test func unusableTerminalsGetOneLineAndExitTwo() throws {
        let pane = try TmuxPane()
        // Each run's own message and status (the previous run's status=2 may still be on screen
        // until `clear` has run, so the wait is for both together).
        func expectRefusal(_ environment: String, _ message: String) throws {
            try pane.run("clear; \(environment) \(binary) demo; echo status=$?")
            try pane.waitFor(message) { $0.contains(message) && $0.contains("status=2") }
        }
        try expectRefusal("TERM=dumb", "cannot move the cursor")
        try expectRefusal("env -u TERM", "TERM is not set")
        try expectRefusal("TERM=no-such-terminal", "unknown terminal type 'no-such-terminal'")
        try expectTerminalRestored(pane)
    }

    @Test(.enabled(if: TestPaths.corpusExists))
    func corpusShowsEveryStubAndSession() throws {
        let pane = try TmuxPane(width: 140, height: 50)
        try pane.run("\(binary) --root \(TestPaths.corpus)")
        try pane.waitFor(text: "Stubs 58 · Sessions 11")
        try pane.waitFor(text: "! 2 problems")
        try pane.keys("p")
        try pane.waitFor(text: "coderef-context-output.json")
        try pane.keys("Escape", "q")
        try pane.waitForPrompt()
    }
}

/// Without a terminal the screen refuses cleanly (CI has none of its own).
@Suite(.enabled(if: TestPaths.binary != nil))
struct NoTerminalTests {
    @Test func screenWithoutATTYIsAUsageError() throws {
        let workspace = try TemporaryWorkspace("notty")
        try workspace.mkdir("coderef/working")
        let result = try ProcessRunner.run(TestPaths.binary!, ["--root", workspace.root])
        #expect(result.status == 2)
        #expect(result.stderr.contains("needs a terminal"))
        #expect(result.stdout.isEmpty)
    }
}

/// The product's two actions, end to end: S starts a session on disk; y puts a one-liner in tmux's buffer.
@Suite(.enabled(if: ready, "needs the built binary and tmux"))
struct StartAndYankEndToEndTests {
    let binary = TestPaths.binary ?? ""

    @Test func startASessionThenCopyAnAgentsOneLiner() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-start")
        let pane = try TmuxPane(width: 140, height: 45)
        try pane.run("\(binary) --root \(workspace.root)")
        try pane.startTheDemosMultiAgentSession()
        let folder = workspace.path(".coderef/sessions/parallel-docs-audit-phase1")
        for file in ["communication.json", "instructions.json", "README.md"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + file))
        }
        // The new session opens on its agents (its first, the orchestrator); pick api-server and copy.
        // Each key waits for what the one before showed (keys sent early land in the list instead).
        try pane.waitFor(text: "One-liner for assistant")
        try pane.keys("j", "j")
        try pane.waitFor(text: "One-liner for api-server")
        try pane.keys("y")
        try pane.waitFor(text: "one-liner for api-server: copied into tmux's buffer")
        let expected = try ProcessRunner.run(binary, ["one-liner", "--root", workspace.root, "parallel-docs-audit-phase1", "api-server"])
        #expect(expected.status == 0)
        #expect(try pane.tmux(["show-buffer"]) == expected.stdout.trimmingCharacters(in: .newlines))
        try pane.waitFor(text: "ago")
        try pane.keys("q")
        try pane.waitForPrompt()
    }
}

/// Live updates in a real terminal: another process edits the files; the screen shows it, no key sent.
@Suite(.enabled(if: ready, "needs the built binary and tmux"))
struct LiveEndToEndTests {
    let binary = TestPaths.binary ?? ""

    /// Atomic save, as agents and editors do it: write a temporary file, rename it over the original.
    func atomicWrite(_ path: String, _ text: String) throws {
        try text.write(toFile: path + ".tmp", atomically: false, encoding: .utf8)
        #expect(rename(path + ".tmp", path) == 0)
    }

    @Test(arguments: ["", "--poll=200"])
    func changesByAnotherProcessAppearWithinTwoSeconds(option: String) throws {
        let workspace = try TemporaryWorkspace.demo("e2e-live")
        let pane = try TmuxPane(width: 140, height: 45)
        try pane.run("\(binary) --root \(workspace.root) \(option)")
        try pane.waitFor(text: "Stubs 5 · Sessions 3")
        try pane.keys("Enter")
        try pane.waitFor(text: "WO-API-MIGRATION-001")
        try pane.waitFor(text: "0/2")  // mobile-app's tasks

        let nested = workspace.path(".coderef/sessions/api-migration-phase1/mobile-app/communication.json")
        try atomicWrite(nested, #"{"agent_id": "mobile-app", "status": "complete", "tasks": [{"status": "complete"}, {"status": "complete"}]}"#)
        let folder = workspace.path(".coderef/sessions/hotfix-phase1")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try atomicWrite(folder + "/communication.json", #"{"workorder_id": "WO-HOTFIX-001", "agents": [{"agent_id": "api-server", "status": "in_progress"}]}"#)

        try pane.waitFor("the new status and the new session") { screen in
            screen.contains("2/2") && screen.contains("2/4 agents complete") && screen.contains("hotfix-phase1") && screen.contains("Sessions 4")
        }
        try pane.keys("q")
        try pane.waitForPrompt()
    }

    @Test func statusWatchPrintsOneLinePerChange() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-watch")
        let output = workspace.path("watch.ndjson")
        let pane = try TmuxPane()
        try pane.run("\(binary) status --watch --json --root \(workspace.root) > \(output)")
        try pane.waitFor("the first status") { _ in ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").contains("\"sessions\"") }

        try atomicWrite(workspace.path(".coderef/sessions/api-migration-phase1/web-client/communication.json"), #"{"agent_id": "web-client", "status": "complete"}"#)
        try atomicWrite(workspace.path(".coderef/sessions/search-index-rebuild-phase2/communication.json"), #"{"workorder_id": "WO-SEARCH-INDEX-REBUILD-002", "agents": [{"agent_id": "search-service", "status": "complete"}, {"agent_id": "api-server", "status": "not_started"}]}"#)
        var lines: [String] = []
        try pane.waitFor("two change lines") { _ in
            lines = ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").split(separator: "\n").dropFirst().map(String.init)
            return lines.filter { $0.contains("agent_status") }.count >= 2
        }
        let changes = try lines.map { try JSONParser.parse($0) }.filter { $0["kind"] == .string("agent_status") }
        #expect(changes.contains { $0["agent"] == .string("web-client") && $0["from"] == .string("in_progress") && $0["to"] == .string("complete") })
        #expect(changes.contains { $0["agent"] == .string("search-service") && $0["to"] == .string("complete") })
        #expect(changes.allSatisfy { $0["time"]?.stringValue != nil && $0["session"]?.stringValue != nil })
        try pane.keys("C-c")
        try pane.waitForPrompt()
    }
}

/// [TRUTH] in a real terminal: an agent blocks itself from another process; with no key pressed the
/// screen shows its note and a NEEDS YOU row, and the hub's history gains the change.
@Suite(.enabled(if: ready, "needs the built binary and tmux"))
struct TruthEndToEndTests {
    let binary = TestPaths.binary ?? ""

    @Test func anAgentBlockedFromOutsideShowsItsNoteAndNeedsYou() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-truth")
        let pane = try TmuxPane(width: 150, height: 45)
        try pane.run("\(binary) --root \(workspace.root)")
        try pane.waitFor(text: "NEEDS YOU (2)")
        try pane.keys("Enter")
        try pane.waitFor(text: "WO-API-MIGRATION-001")

        let result = try ProcessRunner.run(binary, ["set-status", "--root", workspace.root, "api-migration-phase1", "web-client", "blocked", "--note", "Need the staging database"])
        #expect(result.status == 0, "\(result.stderr)")
        try pane.waitFor("the note and the second reason on the NEEDS YOU row", timeout: 5) { screen in
            screen.contains("Need the staging database") && screen.contains("needs you: blocked (+1)")
        }
        let screen = try pane.screen()
        #expect(screen.contains("Need the staging database"), "the note is in the agent's row")
        #expect(screen.contains("needs you: blocked (+1)"), "the session now has two blocked agents")
        let history = StatusHistory.load(root: workspace.root)
        #expect(history.contains { $0.agent == "web-client" && $0.to == "blocked" && $0.note == "Need the staging database" })

        let line = try ProcessRunner.run(binary, ["status", "--line", "--root", workspace.root])
        #expect(line.stdout == "2 active · 2 blocked · 2 need you\n")
        try pane.keys("q")
        try pane.waitForPrompt()
    }
}

/// [SCREEN+] ASCII mode: asked for, or because the locale is not UTF-8.
@Suite(.enabled(if: ready, "needs the built binary and tmux"))
struct AsciiEndToEndTests {
    let binary = TestPaths.binary ?? ""

    @Test(arguments: ["--ascii", "LANG=C LC_ALL=C"])
    func bordersAndGlyphsAreASCII(way: String) throws {
        let pane = try TmuxPane(width: 120, height: 35)
        try pane.run(way.hasPrefix("--") ? "\(binary) demo \(way)" : "\(way) \(binary) demo")
        try pane.waitFor(text: "Stubs 5")
        let screen = try pane.screen()
        #expect(screen.contains("+-") || screen.contains("-+"), "ASCII borders")
        #expect(!screen.unicodeScalars.contains { $0.value > 0x7F }, "nothing but ASCII:\n\(screen)")
        try pane.keys("q")
        try pane.waitForPrompt()
    }
}
