import Foundation
import Testing
import HubCore
import HubTestSupport

/// The real Claude Code CLI (from PyPI's claude-agent-sdk wheel, installed into .build/claude-venv by
/// scripts/test), offline against a Messages API the test scripts (Scripts/scripted_anthropic.py).
private let claude: String? = {
    let lib = TestPaths.packageRoot + "/.build/claude-venv/lib"
    for python in (try? FileManager.default.contentsOfDirectory(atPath: lib)) ?? [] {
        let path = "\(lib)/\(python)/site-packages/claude_agent_sdk/_bundled/claude"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}()
private let ready = claude != nil && TestPaths.binary != nil && TmuxPane.isAvailable

@Suite(.enabled(if: ready, "needs the real Claude Code CLI in .build/claude-venv (scripts/test installs it from PyPI; offline it is skipped) and tmux"))
struct ClaudeEndToEndTests {
    let binary = TestPaths.binary ?? ""
    static let key = "sk-ant-test-0123456789abcdefghijklmnopqrst"

    /// A scripted API on a free port, a fresh HOME that has already answered Claude's first-run
    /// questions for `folder`, and a tmux server whose windows get both.
    struct Setup {
        let workspace: TemporaryWorkspace
        let pane: TmuxPane
        let api: Int32
        let home: String
        let state: String
    }

    func setup(_ label: String, script: (String) -> String, hooks: Bool = false) throws -> Setup {
        let workspace = try TemporaryWorkspace.demo(label)
        let home = workspace.path("home"), state = workspace.path("state")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let claudeJSON = JSONValue.object(JSONObject([
            ("hasCompletedOnboarding", .bool(true)), ("customApiKeyResponses", .object(JSONObject([("approved", .array([.string(String(ClaudeEndToEndTests.key.suffix(20)))]))]))),
            ("hasSeenAutoDefaultNotice", .bool(true)), ("hasSeenAutoDefaultNudge", .bool(true)), ("hasResetAutoModeOptInForDefaultOffer", .bool(true)),
            ("projects", .object(JSONObject([(workspace.root, .object(JSONObject([("hasTrustDialogAccepted", .bool(true))])))]))),
        ]))
        try JSONPrinter.pretty(claudeJSON).write(toFile: home + "/.claude.json", atomically: true, encoding: .utf8)
        try script(workspace.root).write(toFile: workspace.path("script.json"), atomically: true, encoding: .utf8)
        let portFile = workspace.path("api-port")
        let api = try startAPI(portFile: portFile, script: workspace.path("script.json"))
        var started = false
        defer { if !started { kill(api, SIGTERM) } }
        let port = try String(contentsOfFile: portFile, encoding: .utf8)
        try workspace.write("user-config/sessions-hub/config.toml", "[dispatch]\ncommand = \"\(claude!) --permission-mode default\"\nready_timeout_seconds = 60\n[tokens]\ninput = 3\noutput = 15\n")
        let environment = [
            "HOME": home, "XDG_STATE_HOME": state, "XDG_CONFIG_HOME": workspace.path("user-config"),
            "ANTHROPIC_BASE_URL": "http://127.0.0.1:\(port)", "ANTHROPIC_API_KEY": ClaudeEndToEndTests.key,
            "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1", "DISABLE_AUTOUPDATER": "1",
            "PATH": (binary as NSString).deletingLastPathComponent + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
        ]
        if hooks {
            let installed = try ProcessRunner.run(binary, ["hooks", "install", "--user"], environment: environment)
            #expect(installed.status == 0, "\(installed.stderr)")
        }
        let pane = try TmuxPane(width: 160, height: 45, extraEnvironment: environment)
        started = true
        return Setup(workspace: workspace, pane: pane, api: api, home: home, state: state)
    }

    /// Starts the scripted API (python3) and waits for its port file.
    func startAPI(portFile: String, script: String) throws -> Int32 {
        var pid: pid_t = 0
        let arguments = ["/usr/bin/python3", TestPaths.packageRoot + "/Tests/EndToEndTests/Scripts/scripted_anthropic.py", portFile, script]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // Its output goes nowhere: a server holding the test runner's pipes would keep it waiting.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        guard posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { throw TmuxPane.TmuxError.failed("could not start the scripted API") }
        try Waiting.until("the scripted API's port", timeout: 20) { FileManager.default.fileExists(atPath: portFile) }
        return pid
    }

    /// The agent's activity and status as `status --json` reports them.
    func agent(_ id: String, _ setup: Setup) -> (status: String?, activity: JSONValue?) {
        guard let result = try? ProcessRunner.run(binary, ["status", "--json", "--root", setup.workspace.root], environment: setup.pane.environment),
              let value = try? JSONParser.parse(Array(result.stdout.utf8)) else { return (nil, nil) }
        let session = value["sessions"]?.arrayValue?.first { $0["name"]?.stringValue == "api-migration-phase1" }
        let entry = session?["agents"]?.arrayValue?.first { $0["agent_id"]?.stringValue == id }
        return (entry?["status"]?.stringValue, entry?["activity"])
    }

    @Test func aDispatchedAgentWaitsOnAPermissionPromptIsAnsweredFromTheHubAndCompletes() throws {
        let hub = binary
        let setup = try setup("e2e-claude", script: { root in
            """
            [{"tool": "Bash", "input": {"command": "\(hub) set-status --root \(root) api-migration-phase1 docs-writer complete", "description": "report complete"}}, {"text": "All done."}]
            """
        }, hooks: true)
        defer { kill(setup.api, SIGTERM) }

        try setup.pane.run("\(binary) dispatch --root \(setup.workspace.root) api-migration-phase1 docs-writer --yes; echo EXIT=$?")
        try setup.pane.waitFor("the dispatch", timeout: 90) { $0.contains(/EXIT=[0-9]/) }
        let screen = try setup.pane.screen()
        #expect(screen.contains("EXIT=0"), "\(screen)")
        #expect(screen.contains("the agent confirmed it"), "Claude's own state is the proof: \(screen)")
        // Claude asks for permission to run the command: the hub sees it waiting.
        try setup.pane.waitFor("docs-writer waiting", timeout: 60) { _ in agent("docs-writer", setup).activity?["state"]?.stringValue == "waiting" }
        let waiting = agent("docs-writer", setup).activity
        #expect(waiting?["source"]?.stringValue == "state_file" && waiting?["detail"]?.stringValue == "permission prompt")
        let line = try ProcessRunner.run(binary, ["status", "--line", "--root", setup.workspace.root], environment: setup.pane.environment).stdout
        #expect(line.contains("1 waiting on you"), "\(line)")
        // The hooks fired too (installed into the scratch HOME's settings).
        #expect(!((try? FileManager.default.contentsOfDirectory(atPath: setup.state + "/sessions-hub/agents")) ?? []).isEmpty, "a hook record")
        // Answered from the hub: 1 = Yes. The command runs, the status is complete, the turn ends.
        // Sent from a shell in the same tmux server, as a person at the hub would.
        try setup.pane.run("clear; \(binary) send --root \(setup.workspace.root) api-migration-phase1 docs-writer --keys 1; echo SENT=$?")
        try setup.pane.waitFor("send to finish", timeout: 20) { $0.contains(/SENT=[0-9]/) }
        let answered = try setup.pane.screen()
        #expect(answered.contains("SENT=0") && answered.contains("docs-writer: pressed 1 in its pane (%"), "\(answered)")
        do {
            try setup.pane.waitFor("docs-writer complete and idle", timeout: 60) { _ in
                let now = agent("docs-writer", setup)
                return now.status == "complete" && now.activity?["state"]?.stringValue == "idle"
            }
        } catch {
            let agentScreen = (try? setup.pane.tmux(["capture-pane", "-p", "-t", ":1"])) ?? ""
            Issue.record("\(error)\nagent: \(agent("docs-writer", setup))\nits window:\n\(agentScreen)")
            return
        }
        // Its tokens, from its transcript (the scripted API reports usage on every reply).
        let report = try JSONParser.parse(Array(try ProcessRunner.run(binary, ["status", "--json", "--root", setup.workspace.root], environment: setup.pane.environment).stdout.utf8))
        let session = report["sessions"]?.arrayValue?.first { $0["name"]?.stringValue == "api-migration-phase1" }
        #expect((session?["agents"]?.arrayValue?.first { $0["agent_id"]?.stringValue == "docs-writer" }?["tokens"]?["output"]?.intValue ?? 0) >= 42)
        #expect((session?["tokens"]?["total"]?.intValue ?? 0) > 0, "the session's sum")
        #expect(session?["tokens"]?["cost"] != nil && session?["tokens"]?["currency"] == .string("USD"), "a cost, from the config's prices")
        // Killed hard: its state file stays, its process is gone — exited.
        // (Every Claude process of this HOME: it may have more than one state file.)
        let pids = try FileManager.default.contentsOfDirectory(atPath: setup.home + "/.claude/sessions").compactMap { $0.hasSuffix(".json") ? Int32($0.dropLast(5)) : nil }
        #expect(!pids.isEmpty)
        for pid in pids { kill(pid, SIGKILL) }
        do {
            try setup.pane.waitFor("docs-writer exited", timeout: 30) { _ in agent("docs-writer", setup).activity?["state"]?.stringValue == "exited" }
        } catch {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: setup.home + "/.claude/sessions")) ?? []
            Issue.record("\(error)\nkilled \(pids); state files \(files); agent: \(agent("docs-writer", setup))")
        }
    }
}
