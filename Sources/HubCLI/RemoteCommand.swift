import ArgumentParser
import Foundation
import HubCore
import HubMCP

/// `sessions-hub remote`: workspaces on other machines, reached with ssh and the same hub there.
struct RemoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote",
        abstract: "Workspaces on other machines, over SSH: list, check, add, watch (the screen lists their rows too).",
        discussion: """
        A remote is a [remotes.<name>] table in your own ~/.config/sessions-hub/config.toml (never a \
        workspace's hub.toml): ssh = the arguments of the real ssh program (your ssh config, keys, agent \
        and jump hosts work), root = the workspace there, hub = the program there (default \
        sessions-hub). The hub runs 'ssh -T -o BatchMode=yes ... sessions-hub --root ROOT mcp': one \
        connection per machine, never a password or host-key prompt. The far side needs only the same \
        sessions-hub installed (make install there).
        """,
        subcommands: [RemoteListCommand.self, RemoteCheckCommand.self, RemoteWatchCommand.self, RemoteAddCommand.self],
        defaultSubcommand: RemoteListCommand.self
    )
}

struct RemoteListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the remotes your config names.")

    @Flag(name: .long, help: "One JSON object.")
    var json = false

    func run() throws {
        let remotes = UserConfig.remotes(environment: ProcessInfo.processInfo.environment)
        if json {
            let list = remotes.map { remote in
                JSONValue.object(JSONObject([("name", .string(remote.name)), ("ssh", .array(remote.ssh.map(JSONValue.string))), ("root", .string(remote.root)),
                                             ("hub", .string(remote.hub)), ("source", remote.source.map(JSONValue.string) ?? .null)]))
            }
            Output.write(JSONPrinter.compact(.object(JSONObject([("remotes", .array(list))]))) + "\n")
            return
        }
        guard !remotes.isEmpty else {
            Output.write("no remotes: add one with sessions-hub remote add NAME --ssh me@host --root ~/work/ws\n")
            return
        }
        for remote in remotes {
            Output.write(TerminalText.sanitize("\(remote.name)  ssh \(remote.ssh.joined(separator: " "))  root \(remote.root)  hub \(remote.hub)") + "\n")
        }
    }
}

struct RemoteCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Connect to a remote and say what its workspace holds (or why it cannot be reached)."
    )

    @Argument(help: "The remote's name.")
    var name: String

    @Option(name: .long, help: "Give up after so many seconds.")
    var timeout: Double = 20

    @Flag(name: .long, help: "One JSON object.")
    var json = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let remote = try UserConfig.remote(name, environment: environment)
        let timeout = self.timeout
        // The same fetch as `status` uses for its remotes.
        let report = Blocking.run { await RemoteReport.fetch(remote, environment: environment, timeout: timeout) }
        guard let summary = report.status.flatMap(RemoteSummary.init(status:)) else {
            Output.error(report.error ?? "\(remote.name): the far side sent no status")
            throw ExitCode(1)
        }
        let version = report.server ?? "?", seconds = report.connectTime ?? 0
        let stubs = summary.stubCount, sessions = summary.sessions.count, attention = summary.sessionsNeedingYou
        if json {
            Output.write(JSONPrinter.compact(.object(JSONObject([
                ("remote", .string(remote.name)), ("server", .string(version)), ("root", .string(remote.root)),
                ("connect_seconds", .number(String(format: "%.3f", seconds))), ("stubs", .int(stubs)), ("sessions", .int(sessions)), ("needs_you", .int(attention)),
            ]))) + "\n")
        } else {
            Output.write(TerminalText.sanitize("\(remote.name): \(version) at \(remote.root): \(stubs) stub\(stubs == 1 ? "" : "s"), \(sessions) session\(sessions == 1 ? "" : "s"), \(attention) need\(attention == 1 ? "s" : "") you (connected in \(String(format: "%.1f", seconds)) s)") + "\n")
        }
    }
}
