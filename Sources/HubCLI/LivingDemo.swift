import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub demo --agents`: the demo in tmux, its agents simulated by `sessions-hub-sim-agent`
/// (built and installed beside the binary), so a newcomer watches a session go from S to complete.
enum LivingDemo {
    /// The simulated agent beside this binary.
    static func simulatedAgent() throws -> String {
        let path = ExecutablePath.folder + "/sessions-hub-sim-agent"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Output.error("the simulated agent is not beside sessions-hub (\(path)): build it with `swift build --product sessions-hub-sim-agent` (scripts/demo does)")
            throw ExitCode(1)
        }
        return path
    }

    /// Every agent is the simulated one, whatever the user's config says (its own commands are not
    /// run by a demo).
    static func dispatchSettings(pace: Double) throws -> DispatchSettings {
        var settings = DispatchSettings()
        let agent = try simulatedAgent()
        // One of them asks for permission on its screen first: the hub shows it waiting, and 1 in
        // the agents pane answers it.
        settings.command = .init("'\(agent)' --pace \(max(0.1, pace)) --ask-agent api-server")
        settings.quietPeriod = 0.5
        return settings
    }

    static let sessionVariable = "SESSIONS_HUB_DEMO_SESSION"

    /// When the demo quits: close the agents' panes, and the tmux session `openInTmux` made, so the
    /// person is not left in an agent's window.
    static func close(root: String) {
        let environment = ProcessInfo.processInfo.environment
        // The simulated agents work in the demo's temporary folder, which goes: their panes go first.
        // Those recorded, and those started in the demo's folder whose dispatch was still being
        // checked when the demo quit (not recorded yet).
        if let tmux = TmuxClient(environment: environment) {
            var panes = Set(HandoffLog.loadAll(root: root).dispatches.values.flatMap(\.values).compactMap(\.pane))
            let listed = (try? tmux.run(["list-panes", "-a", "-F", "#{pane_id}\t#{pane_start_path}"])) ?? ""
            for line in listed.split(separator: "\n") {
                let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
                if fields.count == 2, fields[1] == root || fields[1].hasPrefix(root + "/") { panes.insert(fields[0]) }
            }
            for pane in panes.sorted() { _ = try? tmux.run(["kill-pane", "-t", pane]) }
        }
        guard let name = environment[sessionVariable], !name.isEmpty, let tmux = TmuxClient(environment: environment) else { return }
        _ = try? tmux.run(["kill-session", "-t", "=" + name])
    }

    /// Outside tmux: a tmux session of its own running the same demo, attached to this terminal;
    /// closed (agents and all) when the demo quits.
    static func openInTmux(arguments: [String]) throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        guard let tmux = TmuxClient(environment: environment) else {
            throw UsageError("the living demo runs in tmux, which is not installed (Debian: apt-get install tmux); `sessions-hub demo` shows the demo without agents")
        }
        guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else {
            throw UsageError("the living demo needs a terminal (it opens tmux); --json or --print show the demo's status without one")
        }
        _ = try simulatedAgent()
        let executable = ExecutablePath.current
        let name = "sessions-hub-demo-\(getpid())"
        let status: Int32
        do {
            status = try Subprocess.run(tmux.executable, ["new-session", "-s", name, "-e", "\(sessionVariable)=\(name)", "--", executable] + arguments,
                                        environment: environment, inheritTerminal: true, timeout: 30 * 24 * 3600)
        } catch {
            Output.error("could not start tmux: \(error)")
            throw ExitCode(1)
        }
        _ = try? tmux.run(["kill-session", "-t", "=" + name])
        return status
    }
}
