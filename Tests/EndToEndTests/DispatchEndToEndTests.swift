import Foundation
import Testing
import HubCore
import HubTestSupport

private let ready = TestPaths.binary != nil && TestPaths.simulatedAgent != nil && TmuxPane.isAvailable

/// Dispatch for real: tmux windows (the test's own server), the simulated agent as the agent command,
/// its files changed by it as a real agent would.
@Suite(.enabled(if: ready, "needs the built binary, the simulated agent and tmux"))
struct DispatchEndToEndTests {
    let binary = TestPaths.binary ?? ""
    let agent = TestPaths.simulatedAgent ?? ""

    /// A user config folder whose [dispatch] command is the simulated agent.
    func userConfig(_ workspace: TemporaryWorkspace, extra: String = "") throws -> String {
        let folder = workspace.path("user-config")
        try FileManager.default.createDirectory(atPath: folder + "/sessions-hub", withIntermediateDirectories: true)
        let config = """
        [dispatch]
        command = "\(agent) --pace 0.2 --record \(workspace.path("received-{agent}.txt"))"
        \(extra)
        """
        try config.write(toFile: folder + "/sessions-hub/config.toml", atomically: true, encoding: .utf8)
        return folder
    }

    func status(of agentId: String, in session: String, root: String) throws -> String? {
        let result = try ProcessRunner.run(binary, ["status", "--json", "--root", root])
        let value = try JSONParser.parse(Array(result.stdout.utf8))
        let found = value["sessions"]?.arrayValue?.first { $0["name"]?.stringValue == session }
        return found?["agents"]?.arrayValue?.first { $0["agent_id"]?.stringValue == agentId }?["status"]?.stringValue
    }

    /// A pane (the simulated agent as the user's agent command) running `dispatch` of one agent of
    /// the demo's api-migration-phase1.
    func dispatchDemoAgent(_ agentId: String, in workspace: TemporaryWorkspace, extraConfig: String = "") throws -> TmuxPane {
        let config = try userConfig(workspace, extra: extraConfig)
        let pane = try TmuxPane(width: 160, height: 40, extraEnvironment: ["XDG_CONFIG_HOME": config])
        try pane.run("\(binary) dispatch --root \(workspace.root) api-migration-phase1 \(agentId) --yes; echo EXIT=$?")
        return pane
    }

    /// Waits, through the pane's own deadline loop, until the agent's status (read by `status --json`) is `word`.
    func waitForStatus(_ word: String, _ agentId: String, _ session: String, root: String, in pane: TmuxPane, timeout: TimeInterval = 20) throws {
        try pane.waitFor("\(agentId) \(word)", timeout: timeout) { _ in (try? status(of: agentId, in: session, root: root)) == word }
    }

    /// tmux expands `#(…)` in a window's name and folder: a session, an agent id and a project folder
    /// named like commands stay text, the window is opened where it should be, and nothing runs.
    @Test func namesThatAreTmuxFormatsNeverRun() throws {
        let workspace = try TemporaryWorkspace("e2e-dispatch-hostile")
        try workspace.mkdir("marks")
        let project = workspace.path("proj#(cd;touch pwned-folder)#{pane_id}")
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        let session = "s#(cd;touch pwned-session)"
        let agentId = "ag#(cd;touch pwned-agent)"
        try workspace.write("coderef/sessions/\(session)/communication.json", """
        {"workorder_id": "WO-H-001", "agents": [{"agent_id": \(JSONPrinter.compact(.string(agentId))), "agent_path": \(JSONPrinter.compact(.string(project))), "status": "not_started"}]}
        """)
        let config = try userConfig(workspace)
        // The tmux server's HOME is the marks folder: `cd;touch x` would leave x there.
        let pane = try TmuxPane(width: 200, height: 40, extraEnvironment: ["XDG_CONFIG_HOME": config, "HOME": workspace.path("marks")])
        try pane.run("\(binary) dispatch --root \(workspace.root) 's#(cd;touch pwned-session)' 'ag#(cd;touch pwned-agent)' --yes; echo EXIT=$?")
        try pane.waitFor("dispatch to end", timeout: 30) { $0.contains(/EXIT=[0-9]/) }
        let windows = try pane.tmux(["list-windows", "-F", "#{window_name}|#{pane_start_path}"])
        #expect(windows.contains("\(agentId)@\(session)|\(project)"), "the literal name, in the literal folder: \(windows)\n\((try? pane.screen()) ?? "")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path("marks")).isEmpty, "a name ran as a command")
    }

    @Test func oneAgentGetsItsLongOneLinerWholeAndCompletes() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-dispatch-one")
        let pane = try dispatchDemoAgent("docs-writer", in: workspace, extraConfig: "form = \"long\"")
        try pane.waitFor(text: "docs-writer: one-liner delivered and submitted (window 1)", timeout: 20)
        try pane.waitFor(text: "EXIT=0")
        #expect(try pane.tmux(["list-windows", "-F", "#{window_name}"]).contains("docs-writer@api-migration-phase1"))
        try waitForStatus("complete", "docs-writer", "api-migration-phase1", root: workspace.root, in: pane)
        // The paste arrived whole, newlines and all: exactly the long one-liner.
        let expected = try ProcessRunner.run(binary, ["one-liner", "--long", "--root", workspace.root, "api-migration-phase1", "docs-writer"]).stdout
        let received = try String(contentsOfFile: workspace.path("received-docs-writer.txt"), encoding: .utf8)
        #expect(received.contains("\n"), "the long form is several lines")
        #expect(received == expected.trimmingCharacters(in: .newlines))
        // The hand-off log knows the window.
        let log = try String(contentsOfFile: workspace.path(".coderef/sessions-hub/handoffs.json"), encoding: .utf8)
        #expect(log.contains("\"window\": \"1\"") && log.contains("\"outcome\": \"submitted\""))
        // And status --json says so, for scripts.
        let report = try JSONParser.parse(Array(try ProcessRunner.run(binary, ["status", "--json", "--root", workspace.root]).stdout.utf8))
        let docs = report["sessions"]?.arrayValue?.first { $0["name"]?.stringValue == "api-migration-phase1" }?["agents"]?.arrayValue?.first { $0["agent_id"]?.stringValue == "docs-writer" }
        #expect(docs?["dispatch"]?["outcome"]?.stringValue == "submitted" && docs?["dispatch"]?["window"]?.stringValue == "1")
    }

    @Test func allDispatchesTwoWavesInOrder() throws {
        let workspace = try TemporaryWorkspace("e2e-dispatch-waves")
        try workspace.write("coderef/sessions/waves-phase1/communication.json", """
        {"workorder_id": "WO-WAVES-001", "feature_name": "waves", "agents": [
          {"agent_id": "first", "status": "not_started"},
          {"agent_id": "second", "status": "not_started"},
          {"agent_id": "last", "status": "not_started", "depends_on": ["first", "second"]}
        ]}
        """)
        let config = try userConfig(workspace)
        let pane = try TmuxPane(width: 160, height: 40, extraEnvironment: ["XDG_CONFIG_HOME": config])
        try pane.run("\(binary) dispatch --root \(workspace.root) waves-phase1 --all --yes; echo EXIT=$?")
        try pane.waitFor(text: "waiting for first, second to complete before last", timeout: 20)
        try pane.waitFor(text: "last: one-liner delivered and submitted", timeout: 30)
        try pane.waitFor(text: "EXIT=0", timeout: 30)
        for id in ["first", "second", "last"] {
            try waitForStatus("complete", id, "waves-phase1", root: workspace.root, in: pane)
        }
        // The last wave was handed its work only after the first wave had completed.
        let document = try JSONParser.parse(Array(try String(contentsOfFile: workspace.path("coderef/sessions/waves-phase1/communication.json"), encoding: .utf8).utf8))
        let completed = Dictionary(uniqueKeysWithValues: (document["agents"]?.arrayValue ?? []).compactMap { entry in
            entry["agent_id"]?.stringValue.flatMap { id in entry["completed_at"]?.stringValue.map { (id, $0) } }
        })
        let log = HandoffLog.loadAll(root: workspace.root).dispatches["coderef/sessions/waves-phase1"] ?? [:]
        let lastDispatched = try #require(log["last"]?.at)
        for id in ["first", "second"] {
            let done = try #require(completed[id].flatMap { ISO8601DateFormatter().date(from: $0) })
            #expect(done <= lastDispatched, "\(id) completed before last was dispatched")
        }
    }

    @Test func anAgentThatNeverReadsIsTypedNotSubmitted() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-dispatch-deaf")
        let pane = try dispatchDemoAgent("mobile-app", in: workspace, extraConfig: "[agents.mobile-app]\ncommand = \"\(agent) --ignore-input\"")
        try pane.waitFor(text: "mobile-app: typed, not submitted", timeout: 20)
        try pane.waitFor(text: "EXIT=1")
        let log = HandoffLog.loadAll(root: workspace.root)
        #expect(log.dispatches[".coderef/sessions/api-migration-phase1"]?["mobile-app"]?.outcome == "typed, not submitted")
        #expect(log.handoffs[".coderef/sessions/api-migration-phase1"]?["mobile-app"] == nil, "not delivered, so no hand-off")
    }

    /// Never a quiet blank pane: a program that asks for no input (no bracketed paste, no prompt)
    /// is not typed into, and that is said.
    @Test func aProgramThatNeverAsksForInputIsNotTypedInto() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-dispatch-blank")
        let pane = try dispatchDemoAgent("mobile-app", in: workspace, extraConfig: "ready_timeout_seconds = 2\n[agents.mobile-app]\ncommand = \"cat\"")
        try pane.waitFor(text: "mobile-app: not dispatched: the agent did not ask for input within 2 s", timeout: 20)
        try pane.waitFor(text: "EXIT=1")
        let window = try pane.tmux(["capture-pane", "-p", "-t", ":mobile-app@api-migration-phase1"])
        #expect(window.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "nothing was typed into cat: \(window)")
        #expect(HandoffLog.loadAll(root: workspace.root).handoffs[".coderef/sessions/api-migration-phase1"]?["mobile-app"] == nil)
    }

    /// CPython's REPL with readline's bracketed paste off submits each line of a paste: asked for
    /// the long form, it gets the short one (said so), submitted once.
    @Test func aREPLThatTakesOneLineGetsTheShortFormOnce() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-dispatch-repl")
        try "set enable-bracketed-paste off\n".write(toFile: workspace.path("inputrc"), atomically: true, encoding: .utf8)
        let config = try userConfig(workspace, extra: "form = \"long\"\n[agents.docs-writer]\ncommand = \"python3 -q\"")
        let pane = try TmuxPane(width: 200, height: 40, extraEnvironment: ["XDG_CONFIG_HOME": config, "INPUTRC": workspace.path("inputrc")])
        try pane.run("\(binary) dispatch --root \(workspace.root) api-migration-phase1 docs-writer --yes; echo EXIT=$?")
        try pane.waitFor(text: "docs-writer: one-liner delivered and submitted (window 1); the short form, since python3 does not take a multi-line paste as one prompt", timeout: 30)
        try pane.waitFor(text: "EXIT=0")
        let repl = try pane.tmux(["capture-pane", "-p", "-J", "-t", ":docs-writer@api-migration-phase1"])
        #expect(repl.components(separatedBy: "SyntaxError").count - 1 == 1, "one submission, not one per line: \(repl)")
        #expect(HandoffLog.loadAll(root: workspace.root).dispatches[".coderef/sessions/api-migration-phase1"]?["docs-writer"]?.form == "short")
    }

    /// ptpython turns down text that does not compile ("Syntax Error: …" in its toolbar, the text
    /// left in its input): the dispatch says "refused", not "submitted".
    @Test(.enabled(if: TestPaths.ptpython != nil, "needs ptpython in .build/editors-venv (scripts/test installs it from PyPI)"))
    func anEditorThatRefusesTheTextIsRefused() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-dispatch-refused")
        let pane = try dispatchDemoAgent("docs-writer", in: workspace, extraConfig: "[agents.docs-writer]\ncommand = \"\(TestPaths.ptpython!)\"")
        try pane.waitFor(text: "docs-writer: typed, but the agent refused it (Syntax Error", timeout: 40)
        try pane.waitFor(text: "EXIT=1")
        #expect(HandoffLog.loadAll(root: workspace.root).dispatches[".coderef/sessions/api-migration-phase1"]?["docs-writer"]?.outcome == "refused")
    }

    @Test func aTrustQuestionIsLeftToThePerson() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-dispatch-asks")
        let pane = try dispatchDemoAgent("docs-writer", in: workspace, extraConfig: "[agents.docs-writer]\ncommand = \"\(agent) --ask-trust --record \(workspace.path("asked.txt"))\"")
        try pane.waitFor(text: "asking whether to trust its folder", timeout: 20)
        try pane.waitFor(text: "EXIT=1")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("asked.txt")), "nothing was pasted into the question")
    }

    @Test func outsideTmuxItSaysSoAndExitsTwo() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-dispatch-outside")
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        let result = try ProcessRunner.run(binary, ["dispatch", "--root", workspace.root, "api-migration-phase1", "docs-writer", "--yes"], environment: environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("this is not tmux") && result.stderr.contains("--tmux-session"))
    }

    @Test func aWorkspacesOwnCommandRunsOnlyOnceTrusted() throws {
        let workspace = try TemporaryWorkspace.demo("e2e-dispatch-trust")
        try workspace.write(".coderef/hub.toml", "[dispatch]\ncommand = \"\(agent) --pace 0.2\"\n")
        let config = workspace.path("user-config")
        let pane = try TmuxPane(width: 160, height: 40, extraEnvironment: ["XDG_CONFIG_HOME": config])
        try pane.run("\(binary) dispatch --root \(workspace.root) api-migration-phase1 docs-writer --yes; echo EXIT=$?")
        try pane.waitFor(text: "not yet trusted")
        try pane.waitFor(text: "EXIT=1")
        #expect(try pane.tmux(["list-windows"]).split(separator: "\n").count == 1, "nothing was started")
        try pane.run("clear; \(binary) trust --root \(workspace.root) --yes && \(binary) dispatch --root \(workspace.root) api-migration-phase1 docs-writer --yes; echo EXIT=$?")
        try pane.waitFor(text: "docs-writer: one-liner delivered and submitted", timeout: 20)
        try pane.waitFor(text: "EXIT=0")
        // A changed file must be trusted again.
        try workspace.write(".coderef/hub.toml", "[dispatch]\ncommand = \"\(agent) --pace 0.3\"\n")
        try pane.run("clear; \(binary) trust --check --root \(workspace.root); echo EXIT=$?")
        try pane.waitFor(text: "EXIT=1")
    }

    @Test func theLivingDemoGoesFromSToCompleteAndGGoesToAnAgentsWindow() throws {
        let pane = try TmuxPane(width: 150, height: 40)
        try pane.run("\(binary) demo --agents --pace 0.2")
        try pane.waitFor(text: "living demo")
        // The greeting is there from the first frame; the keys wait for the workspace.
        try pane.startTheDemosMultiAgentSession()
        try pane.waitFor(text: "○ p1 0/3")
        try pane.keys("D")
        try pane.waitFor(text: "Dispatch?")
        try pane.keys("Enter")
        // api-server asks for permission on its screen (the demo's asking agent): the screen rules
        // see it waiting, and it is answered from the hub — agents pane, its row, 1, Enter.
        try pane.waitFor("api-server waiting", timeout: 40) { $0.contains("waiting: permission") }
        // The first row is its NEEDS YOU entry: Enter opens the session on the agent it names.
        try pane.keys("Escape", "g", "Enter")
        try pane.waitFor("api-server selected") { $0.contains("One-liner for api-server") }
        try pane.keys("1")
        try pane.waitFor(text: "Answer api-server?")
        try pane.keys("Enter")
        // Every agent completes; then NEEDS YOU says the orchestrator is ready (no dialog opens by
        // itself), and D hands it its work after the person's yes.
        try pane.waitFor(text: "next wave", timeout: 40)
        try pane.keys("D")
        try pane.waitFor(text: "Dispatch?")
        try pane.keys("Enter")
        try pane.waitFor(text: "Status   ✓ complete", timeout: 30)
        // g on the selected agent (api-server, the one answered) shows its window. The agent can finish before
        // the hub has confirmed its dispatch (and so knows its pane): g is pressed until it can go.
        try pane.waitFor("api-server's window is shown") { _ in
            if ((try? pane.tmux(["display-message", "-p", "#{window_name}"])) ?? "").hasPrefix("api-server@parallel-docs-audit-phase1") { return true }
            try? pane.keys("g")
            return false
        }
        _ = try pane.tmux(["select-window", "-t", "main:0"])
        try pane.keys("q")
        try pane.waitForPrompt()
        // The demo closes its agents' windows as it goes.
        try pane.waitFor("the agents' windows closed") { _ in ((try? pane.tmux(["list-windows"])) ?? "").split(separator: "\n").count == 1 }
    }
}
