import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import HubTestSupport
@testable import HubCore

/// One-liners built from sessions as loaded, in every layout (golden files, paths rebased).
@Suite struct OneLinerTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    func check(_ snapshot: WorkspaceSnapshot, session name: String, agent: String, golden: String) throws {
        let session = try #require(snapshot.sessions.first { $0.name == name })
        let member = try #require(session.everyone.first { $0.agentId == agent })
        let short = OneLiner.short(session: session, agent: member)
        let long = OneLiner.long(session: session, agent: member)
        #expect(!short.contains("\n") && TerminalText.isPrintable(short))
        #expect(TerminalText.isPrintable(long.replacingOccurrences(of: "\n", with: "")))
        #expect(short.contains(TerminalText.sanitize(member.agentId)) && short.contains("complete"))
        let text = (short + "\n\n" + long + "\n").replacingOccurrences(of: snapshot.root, with: "/workspace")
        if let problem = GoldenText.mismatch(text, file: Self.golden.appendingPathComponent("oneliner-\(golden).txt").path) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test(.enabled(if: TestPaths.corpusExists), arguments: [
        ("csv-ecosystem-sync", "coderef-docs", "nested"),
        ("explorer-sidebar-ux-improvements", "coderef-dashboard", "workflow-windows-paths"),
        ("validator-integration/testing", "assistant-orchestrator", "sub-session-orchestrator"),
        ("universal-context-menu-system", "papertrail", "nested-not-started"),
    ])
    func corpusLayouts(session: String, agent: String, golden: String) throws {
        let snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: TestPaths.corpus), resolver: PathResolver(root: TestPaths.corpus, driveMountRoot: nil)).load()
        try check(snapshot, session: session, agent: agent, golden: golden)
    }

    @Test func generatedLayouts() throws {
        let workspace = try TemporaryWorkspace("oneliner")
        try workspace.write(".coderef/sessions/dash/communication.json", #"{"session_id": "SES-9", "stub_id": "S", "status": "created", "agents": [{"agent_id": "a", "agent_number": 1, "status": "pending", "outputs": {"primary_output": "a.json"}}]}"#)
        try workspace.write(".coderef/sessions/dash/instructions.json", #"{"blocks": [{"id": "b1", "type": "task", "content": "Do it", "assigned_to": ["a"]}]}"#)
        try workspace.write(".coderef/sessions/plain/communication.json", #"{"agents": ["x\u001b[31m"]}"#)
        let snapshot = workspace.load()
        try check(snapshot, session: "dash", agent: "a", golden: "dashboard")
        try check(snapshot, session: "plain", agent: "x\u{1B}[31m", golden: "plain-ids")
    }
}

@Suite struct ClipboardTests {
    @Test func base64MatchesTheStandard() {
        #expect(Base64.encode([]) == "")
        #expect(Base64.encode(Array("f".utf8)) == "Zg==")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.encode(Array("foo".utf8)) == "Zm9v")
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64.encode(Array("日本 🚀".utf8)) == Data("日本 🚀".utf8).base64EncodedString())
    }

    @Test func osc52Sequences() {
        #expect(Clipboard.osc52("hi", insideScreen: false) == Array("\u{1B}]52;c;aGk=\u{07}".utf8))
        #expect(Clipboard.osc52("hi", insideScreen: true) == Array("\u{1B}P\u{1B}]52;c;aGk=\u{07}\u{1B}\\".utf8))
    }

    @Test func outsideTmuxOSC52GoesToTheTerminal() {
        var written: [UInt8] = []
        let result = Clipboard.copy("hello", order: ClipboardMethod.defaultOrder, environment: ["PATH": "/nonexistent"]) { written = $0; return true }
        #expect(result == .success(.osc52))
        #expect(written == Clipboard.osc52("hello", insideScreen: false))
    }

    /// A terminal that ignores OSC 52 says nothing, so a desktop tool is still used when there is
    /// one, and the person is told the surer of the two.
    @Test func afterOSC52ADesktopToolStillCopiesAndIsNamed() throws {
        let workspace = try TemporaryWorkspace("fake-xclip")
        let received = workspace.path("received.txt")
        let tool = try workspace.write("bin/xclip", "#!/bin/sh\n/bin/cat > \(received)\n")
        chmod(tool, 0o755)
        var written: [UInt8] = []
        // A script just written can be "busy" for a moment (ETXTBSY) while parallel tests spawn
        // processes that inherited its descriptor: try again until it runs, within a deadline.
        let deadline = Date().addingTimeInterval(10)
        var result = Clipboard.copy("hello", order: ClipboardMethod.defaultOrder, environment: ["PATH": workspace.path("bin"), "DISPLAY": ":0"]) { written = $0; return true }
        while result != .success(.xclip) && Date() < deadline {
            result = Clipboard.copy("hello", order: ClipboardMethod.defaultOrder, environment: ["PATH": workspace.path("bin"), "DISPLAY": ":0"]) { written = $0; return true }
        }
        #expect(result == .success(.xclip))
        #expect(written == Clipboard.osc52("hello", insideScreen: false), "OSC 52 was sent too")
        #expect(try workspace.read("received.txt") == "hello")
        #expect(ClipboardMethod.osc52.outcome.hasPrefix("sent to the terminal"), "OSC 52 alone is never called copied")
    }

    @Test func tooLargeIsRefusedNotTruncated() {
        var written = false
        let big = String(repeating: "x", count: Clipboard.osc52Limit)
        let result = Clipboard.copy(big, order: [.osc52], environment: [:]) { _ in written = true; return true }
        guard case .failure(.tooLarge) = result else { Issue.record("expected tooLarge, got \(result)"); return }
        #expect(!written)
    }

    @Test func nothingAvailableSaysSo() {
        let result = Clipboard.copy("x", order: ClipboardMethod.defaultOrder, environment: ["PATH": "/nonexistent"], writeToTerminal: nil)
        #expect(result == .failure(.nothingWorked([])))
    }

    @Test(.enabled(if: TmuxPane.isAvailable))
    func insideTmuxTheBufferGetsTheText() throws {
        let pane = try TmuxPane(width: 80, height: 10)
        let socketPath = try pane.tmux(["display-message", "-p", "#{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = "\(socketPath),1,0"
        let text = "one-liner 日本 🚀 \"quoted\""
        let result = Clipboard.copy(text, order: ClipboardMethod.defaultOrder, environment: environment, writeToTerminal: nil)
        #expect(result == .success(.tmux))
        #expect(try pane.tmux(["show-buffer"]) == text)
    }
}

@Suite struct ConfigAndHandoffTests {
    @Test func readsTheConfigFile() throws {
        let workspace = try TemporaryWorkspace("config")
        try workspace.write(".coderef/hub.toml", """
        [workspace]
        sessions = ["work/sessions"]
        new_sessions = "work/sessions"
        [start]
        default_orchestrator = "boss"
        [clipboard]
        order = ["osc52", "xclip", "carrier-pigeon"]
        long_form = true
        [handoff]
        not_picked_up_after_minutes = 30
        [agents.coderef-docs]
        path = "/projects/docs"
        [future]
        unknown = 1
        """)
        let (settings, problems) = ConfigLoader.load(root: workspace.root, environment: ["HOME": workspace.path("home")])
        #expect(settings.sessionDirectories == ["work/sessions"])
        #expect(settings.newSessionsDirectory == "work/sessions")
        #expect(settings.defaultOrchestrator == "boss")
        #expect(settings.clipboardOrder == [.osc52, .xclip])
        #expect(settings.copyLongForm)
        #expect(settings.notPickedUpAfter == 1800)
        #expect(settings.agentPaths == ["coderef-docs": "/projects/docs"])
        #expect(problems.map(\.message) == ["clipboard.order: unknown method 'carrier-pigeon' (known: tmux, osc52, wl-copy, xclip, xsel, pbcopy)"])
    }

    @Test func aBrokenConfigIsAProblemNotACrash() throws {
        let workspace = try TemporaryWorkspace("badconfig")
        try workspace.write(".coderef/hub.toml", "[start\ndefault_orchestrator = ")
        let (settings, problems) = ConfigLoader.load(root: workspace.root, environment: [:])
        #expect(settings == HubSettings())
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("not valid TOML") == true)
    }

    @Test func handoffsRoundTrip() throws {
        let workspace = try TemporaryWorkspace("handoff")
        let when = Date(timeIntervalSince1970: 1_795_000_000)
        try HandoffLog.record(root: workspace.root, session: ".coderef/sessions/s", agents: ["a", "b"], at: when)
        try HandoffLog.record(root: workspace.root, session: ".coderef/sessions/t", agents: ["a"], at: when.addingTimeInterval(60))
        let log = HandoffLog.load(root: workspace.root)
        #expect(log[".coderef/sessions/s"]?["b"] == when)
        #expect(log[".coderef/sessions/t"]?["a"] == when.addingTimeInterval(60))
        #expect(workspace.load().handoffs == log)
    }
}

@Suite struct OneLinerPathTests {
    /// A path written on another machine never reaches an agent here: it writes where the hub looks.
    @Test func aWindowsOutputPathBecomesTheSessionFolderHere() throws {
        let workspace = try TemporaryWorkspace("windows-output")
        _ = try workspace.write("coderef/sessions/s/communication.json", #"""
        {"workorder_id": "WO-S-001", "agents": [{"agent_id": "a", "status": "not_started", "output_file": "C:\\Users\\me\\Desktop\\assistant\\coderef\\sessions\\s\\a-report.json"}]}
        """#)
        let session = try #require(workspace.load().sessions.first)
        let agent = try #require(session.agents.first)
        let short = OneLiner.short(session: session, agent: agent)
        #expect(!short.contains("C:\\"), "\(short)")
        #expect(short.contains("write " + workspace.path("coderef/sessions/s/a-report.json")))
        #expect(!OneLiner.long(session: session, agent: agent).contains("C:\\"))
    }
}
