import Foundation
import Testing
import HubCore
import HubTestSupport

private let ready = LoopbackSSH.unavailable == nil && TestPaths.binary != nil && TestPaths.simulatedAgent != nil && TmuxPane.isAvailable

/// [REMOTE] Operations on far rows, for real: the screen in tmux follows a second workspace behind a
/// real OpenSSH server on loopback; S starts a session there, d dispatches one of its agents there
/// (the far hub's own tmux, the simulated agent as the far user's agent command), and g opens a
/// window here attached to the far agent's pane over ssh.
@Suite(.enabled(if: ready, "needs OpenSSH's server (scripts/test installs it), tmux, the built binary and the simulated agent"))
struct RemoteOperationsEndToEndTests {
    @Test func startAndDispatchOnTheFarSideFromTheScreen() throws {
        // The far side: its own tmux folder (never this user's default server) and its own config,
        // given to every login by the test's sshd.
        let farHome = try TemporaryWorkspace("remote-ops-far-home")
        try farHome.mkdir("tmux")
        try farHome.write("config/sessions-hub/config.toml", "[dispatch]\ncommand = \"\(TestPaths.simulatedAgent!) --pace 0.2\"\n")
        let ssh = try LoopbackSSH(environment: ["TMUX_TMPDIR": farHome.path("tmux"), "XDG_CONFIG_HOME": farHome.path("config")])
        defer { ssh.stop() }
        let farTmux = farHome.path("tmux/tmux-\(getuid())/default")
        defer { _ = try? ProcessRunner.run("/usr/bin/env", ["tmux", "-S", farTmux, "kill-server"], timeout: 10) }
        let far = try TemporaryWorkspace.demo("remote-ops-far")
        let here = try TemporaryWorkspace.demo("remote-ops-here")
        let home = try TemporaryWorkspace("remote-ops-home")
        try home.write("config/sessions-hub/config.toml", """
        [remotes.build]
        ssh = "-F \(ssh.configPath) hubtest"
        root = "\(far.root)"
        hub = "\(TestPaths.binary!)"
        """)
        let pane = try TmuxPane(width: 400, height: 45, extraEnvironment: ["XDG_CONFIG_HOME": home.path("config")])
        defer { _ = try? ProcessRunner.run("/usr/bin/pkill", ["-f", "--", "--root \(far.root) mcp"], timeout: 10) }
        try pane.run("\(TestPaths.binary!) --root \(here.root)")
        try pane.waitFor(text: "@build 2 need you", timeout: 30)

        // S on the far stub: the session is written there, by the far hub; nothing here.
        try pane.keys("/")
        try pane.run("@build parallel")
        try pane.waitFor(text: "parallel-docs-audit")
        try pane.keys("S")
        try pane.waitFor(text: "Runs start_session on @build")
        try pane.keys("y")
        func farSession(_ name: String) -> Bool {
            [".coderef/sessions/", "coderef/sessions/"].contains { FileManager.default.fileExists(atPath: far.path($0 + name + "/communication.json")) }
        }
        try pane.waitFor("the session written on the far side", timeout: 30) { _ in farSession("parallel-docs-audit-phase1") }
        #expect(![".coderef/sessions/", "coderef/sessions/"].contains { FileManager.default.fileExists(atPath: here.path($0 + "parallel-docs-audit-phase1")) })

        // Enter on a far session reads its agents there; d on docs-writer dispatches it there.
        try pane.keys("Escape", "/")
        try pane.run("@build api-migration")
        try pane.keys("Enter")
        try pane.waitFor(text: "docs-writer", timeout: 20)
        try pane.waitFor(text: "Agents  d dispatch", timeout: 20)
        try pane.keys("G")
        try pane.keys("d")
        try pane.waitFor(text: "Runs dispatch_agents on @build")
        try pane.keys("y")
        func farWindows() -> String {
            (try? ProcessRunner.run("/usr/bin/env", ["tmux", "-S", farTmux, "list-windows", "-a", "-F", "#{window_name}"], timeout: 10).stdout) ?? ""
        }
        try pane.waitFor("docs-writer's window in the far tmux", timeout: 40) { _ in farWindows().contains("docs-writer@api-migration-phase1") }
        var said = ""
        try pane.waitFor("the dispatch's outcome said", timeout: 40) { screen in
            said = screen.split(separator: "\n").first { $0.contains("@build: docs-writer") }.map(String.init) ?? ""
            return !said.isEmpty
        }
        #expect(said.contains("submitted"), "\(said)")

        // g: a window here attached to its far pane over ssh (the far read names the pane).
        try pane.waitFor("the far agent's pane to be known", timeout: 30) { _ in
            try? pane.keys("g")
            return (try? pane.tmux(["list-windows", "-F", "#{window_name}"]))?.contains("@build docs-writer") == true
        }
        // The window shows the far agent's pane; closing it comes back to the screen.
        let windows = try pane.tmux(["list-windows", "-F", "#{window_id} #{window_name}"]).split(separator: "\n")
        let attached = try #require(windows.first { $0.hasSuffix("@build docs-writer") }?.split(separator: " ").first.map(String.init))
        _ = try pane.tmux(["kill-window", "-t", attached])
        try pane.keys("q")
        try pane.waitForPrompt()
    }
}
