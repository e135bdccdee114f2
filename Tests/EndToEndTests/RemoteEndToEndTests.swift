import Foundation
import Testing
import HubCore
import HubTestSupport

/// [REMOTE] Remotes against a real OpenSSH server on loopback, started by the test with keys made
/// for the run: added (showing the host key it trusts), listed, checked through ssh and the same
/// hub on the far side; and each way it can fail said as a sentence, never a prompt or a hang.
@Suite(.enabled(if: LoopbackSSH.unavailable == nil && TestPaths.binary != nil, "needs OpenSSH's server (scripts/test installs it) and the built binary"))
struct RemoteEndToEndTests {
    /// The local side's environment: its own config folder (where remotes are added).
    func environment(_ home: TemporaryWorkspace) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = home.path("config")
        return environment
    }

    /// `[remotes.build]`: the far workspace behind the loopback sshd, served by the built hub.
    func configureBuild(_ home: TemporaryWorkspace, ssh: LoopbackSSH, far: TemporaryWorkspace) throws {
        try home.write("config/sessions-hub/config.toml", """
        [remotes.build]
        ssh = "-F \(ssh.configPath) hubtest"
        root = "\(far.root)"
        hub = "\(TestPaths.binary!)"
        """)
    }

    /// Another writer on the far side: a new session whose agent failed, renamed into place.
    func addFailingSession(_ far: TemporaryWorkspace) throws {
        try far.write(".coderef/sessions/hotfix-phase1/communication.json.tmp", #"{"workorder_id": "WO-HOTFIX-001", "agents": [{"agent_id": "api-server", "status": "failed"}]}"#)
        try FileManager.default.moveItem(atPath: far.path(".coderef/sessions/hotfix-phase1/communication.json.tmp"), toPath: far.path(".coderef/sessions/hotfix-phase1/communication.json"))
    }

    func hub(_ arguments: [String], _ environment: [String: String]) throws -> ProcessResult {
        try ProcessRunner.run(TestPaths.binary!, arguments, environment: environment, timeout: 60)
    }

    @Test func addListAndCheckARemoteOverRealSSH() throws {
        let ssh = try LoopbackSSH()
        let far = try TemporaryWorkspace.demo("remote-far")
        let home = try TemporaryWorkspace("remote-home")
        let environment = environment(home)
        let sshWords = ssh.sshWords.joined(separator: " ")

        let added = try hub(["remote", "add", "build", "--ssh", sshWords, "--root", far.root, "--hub", TestPaths.binary!, "--yes"], environment)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stderr.contains("host key of [127.0.0.1]:\(ssh.port)") && added.stderr.contains("ED25519") && added.stderr.contains("SHA256:"),
                "the key it will trust is shown: \(added.stderr)")
        let config = try home.read("config/sessions-hub/config.toml")
        #expect(config.contains("[remotes.build]") && config.contains("root = \"\(far.root)\""))

        let listed = try hub(["remote", "list"], environment)
        #expect(listed.status == 0 && listed.stdout.contains("build  ssh \(sshWords)"), "\(listed.stdout)\(listed.stderr)")

        let checked = try hub(["remote", "check", "build", "--json"], environment)
        #expect(checked.status == 0, "\(checked.stderr)")
        let report = try JSONParser.parse(Array(checked.stdout.utf8))
        #expect(report["server"]?.stringValue?.hasPrefix("sessions-hub ") == true)
        #expect(report["sessions"] == .int(3) && report["stubs"]?.intValue == 5, "\(checked.stdout)")

        // The same name twice is refused; a hostile name never becomes a table.
        #expect(try hub(["remote", "add", "build", "--ssh", sshWords, "--root", far.root, "--yes"], environment).status == 2)
        let hostile = try hub(["remote", "add", "x]\n[dispatch", "--ssh", sshWords, "--root", far.root, "--yes"], environment)
        #expect(hostile.status == 2 && hostile.stderr.contains("cannot name a remote"))
        #expect(!(try home.read("config/sessions-hub/config.toml")).contains("[dispatch"))
    }

    @Test func eachFailureIsASentenceNotAPromptOrAHang() throws {
        let ssh = try LoopbackSSH()
        let far = try TemporaryWorkspace.demo("remote-far-fail")
        let home = try TemporaryWorkspace("remote-home-fail")
        let environment = environment(home)
        // A key the server does not accept, a host key not known, no hub there, nothing listening.
        _ = try ProcessRunner.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", home.path("other_key")], environment: environment, timeout: 30)
        try home.write("unknown_hosts", "")
        try home.write("config/sessions-hub/config.toml", """
        [remotes.nokey]
        ssh = "-F /dev/null -p \(ssh.port) -o UserKnownHostsFile=\(ssh.knownHostsPath) -o IdentitiesOnly=yes -o IdentityFile=\(home.path("other_key")) \(NSUserName())@127.0.0.1"
        root = "\(far.root)"
        hub = "\(TestPaths.binary!)"
        [remotes.unknownhost]
        ssh = "-F \(ssh.configPath) -o UserKnownHostsFile=\(home.path("unknown_hosts")) hubtest"
        root = "\(far.root)"
        hub = "\(TestPaths.binary!)"
        [remotes.nohub]
        ssh = "-F \(ssh.configPath) hubtest"
        root = "\(far.root)"
        hub = "/nowhere/sessions-hub"
        [remotes.oldhub]
        ssh = "-F \(ssh.configPath) hubtest"
        root = "\(far.root)"
        hub = "\(TestPaths.packageRoot)/Tests/EndToEndTests/Scripts/old_hub.py"
        [remotes.down]
        ssh = "-F \(ssh.configPath) -p 1 hubtest"
        root = "\(far.root)"
        """)
        let cases = [("nokey", "set up a key"), ("unknownhost", "not in your known_hosts"), ("nohub", "there is no /nowhere/sessions-hub on the far side"),
                     ("oldhub", "the far side's sessions-hub 0.1.0 is older than this hub's"), ("down", "Connection refused")]
        for (name, sentence) in cases {
            let started = Date()
            let result = try hub(["remote", "check", name, "--timeout", "15"], environment)
            #expect(result.status == 1, "\(name): exit \(result.status) \(result.stdout) \(result.stderr)")
            #expect(result.stderr.contains(sentence), "\(name): \(result.stderr)")
            #expect(!result.stderr.contains("ssh: ssh:"), "said once: \(result.stderr)")
            #expect(Date().timeIntervalSince(started) < 15, "\(name) answered without waiting for the deadline")
        }
    }

    /// `status` shows the far workspaces beside this one: JSON with each item tagged by its remote,
    /// the line with `@name`; a remote that went away is a state in the output, not a failure.
    @Test func statusIncludesTheRemotesAndSaysWhenOneIsUnreachable() throws {
        let ssh = try LoopbackSSH()
        let far = try TemporaryWorkspace.demo("remote-status-far")
        let here = try TemporaryWorkspace.demo("remote-status-here")
        let home = try TemporaryWorkspace("remote-status-home")
        let environment = environment(home)
        try configureBuild(home, ssh: ssh, far: far)
        let json = try hub(["status", "--json", "--root", here.root], environment)
        #expect(json.status == 0, "\(json.stderr)")
        let report = try JSONParser.parse(Array(json.stdout.utf8))
        let build = try #require(report["remotes"]?.arrayValue?.first)
        #expect(build["name"] == .string("build") && build["reachable"] == .bool(true))
        #expect(build["status"]?["counts"]?["sessions"] == .int(3))
        #expect(build["status"]?["sessions"]?.arrayValue?.allSatisfy { $0["remote"] == .string("build") } == true)
        #expect(build["status"]?["attention"]?.arrayValue?.isEmpty == false, "the far NEEDS YOU comes along")
        let line = try hub(["status", "--line", "--root", here.root], environment)
        #expect(line.stdout.contains("· @build "), "\(line.stdout)")
        let text = try hub(["status", "--root", here.root], environment)
        #expect(text.stdout.contains("Remote build (sessions-hub "), "\(text.stdout)")
        #expect(!(try hub(["status", "--json", "--no-remotes", "--root", here.root], environment)).stdout.contains("\"remotes\""))

        ssh.stop()
        let down = try hub(["status", "--line", "--root", here.root, "--remote-timeout", "5"], environment)
        #expect(down.status == 0 && down.stdout.contains("@build unreachable"), "\(down.stdout)\(down.stderr)")
    }

    /// `remote watch`: one link, subscribed; a far change arrives with no polling; the link killed
    /// (the far hub ends) keeps the last good state marked unreachable; it reconnects by itself.
    @Test func aFollowedRemoteSeesFarChangesAndComesBackAfterTheLinkDrops() throws {
        let ssh = try LoopbackSSH()
        let far = try TemporaryWorkspace.demo("remote-watch-far")
        let home = try TemporaryWorkspace("remote-watch-home")
        try configureBuild(home, ssh: ssh, far: far)
        try home.write("watch.out", "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.binary!)
        process.arguments = ["remote", "watch", "build", "--json"]
        process.environment = environment(home)
        process.standardOutput = FileHandle(forWritingAtPath: home.path("watch.out"))
        process.standardError = FileHandle.nullDevice
        try process.run()
        // SIGKILL: a test runner's blocked signals are inherited, so SIGTERM may not reach it; no
        // waitUntilExit (Foundation reaps one child at a time: it could wait behind sshd).
        defer { kill(process.processIdentifier, SIGKILL) }
        func states() -> [JSONValue] {
            ((try? home.read("watch.out")) ?? "").split(separator: "\n").compactMap { try? JSONParser.parse(Array($0.utf8)) }
        }
        try Waiting.until("the remote live", timeout: 30) { states().last?["reachable"] == .bool(true) && states().last?["sessions"] == .int(3) }

        // Another writer on the far side: a new session whose agent failed.
        try addFailingSession(far)
        try Waiting.until("the far change", timeout: 20) { states().last?["sessions"] == .int(4) }

        // The link killed: the far hub ends. Its last good state stays, marked unreachable.
        let killed = try ProcessRunner.run("/usr/bin/pkill", ["-f", "--", "--root \(far.root) mcp"], timeout: 10)
        #expect(killed.status == 0, "the far hub was found: \(killed.stderr)")
        try Waiting.until("unreachable, last state kept", timeout: 30) {
            states().contains { $0["reachable"] == .bool(false) && $0["sessions"] == .int(4) && $0["error"]?.stringValue?.hasPrefix("build: the link ended") == true && $0["error"]?.stringValue?.contains("over MCP") == false }
        }
        // And it comes back by itself.
        let reads = states().compactMap { $0["reads"]?.intValue }.max() ?? 0
        try Waiting.until("live again", timeout: 30) { states().last?["reachable"] == .bool(true) && (states().last?["reads"]?.intValue ?? 0) > reads }
    }

    /// The real screen in tmux follows a remote over the real ssh: named in the status bar, a far
    /// change counted, the link killed shown as unreachable while keys are still answered.
    @Test(.enabled(if: TmuxPane.isAvailable, "needs tmux"))
    func theScreenFollowsARemote() throws {
        let ssh = try LoopbackSSH()
        let far = try TemporaryWorkspace.demo("remote-screen-far")
        let here = try TemporaryWorkspace.demo("remote-screen-here")
        let home = try TemporaryWorkspace("remote-screen-home")
        try configureBuild(home, ssh: ssh, far: far)
        let pane = try TmuxPane(width: 160, height: 40, extraEnvironment: ["XDG_CONFIG_HOME": home.path("config")])
        try pane.run("\(TestPaths.binary!) --root \(here.root)")
        try pane.waitFor(text: "@build 2 need you", timeout: 30)
        // Another writer on the far side: a third session there needs the person.
        try addFailingSession(far)
        try pane.waitFor(text: "@build 3 need you", timeout: 20)
        // The link killed, and the listener gone so it cannot come back yet.
        ssh.stop()
        _ = try ProcessRunner.run("/usr/bin/pkill", ["-f", "--", "--root \(far.root) mcp"], timeout: 10)
        try pane.waitFor(text: "@build unreachable", timeout: 30)
        try pane.keys("j")
        try pane.keys("q")
        try pane.waitForPrompt()
    }
}
