import ArgumentParser
import Foundation
import HubCore
import HubMCP

/// `sessions-hub remote`: workspaces on other machines, reached with ssh and the same hub there.
struct RemoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote",
        abstract: "Workspaces on other machines, over SSH: list, check, add.",
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

/// The user's config file, where remotes live.
enum UserConfig {
    static func path(environment: [String: String]) -> String? {
        ConfigLoader.files(root: nil, environment: environment).last
    }

    static func remotes(environment: [String: String]) -> [RemoteSettings] {
        let (settings, problems) = ConfigLoader.load(root: nil, environment: environment)
        for problem in problems where problem.message.hasPrefix("remotes") { Output.error("\(problem.path): \(problem.message)") }
        return settings.remotes.values.sorted { $0.name < $1.name }
    }

    static func remote(_ name: String, environment: [String: String]) throws -> RemoteSettings {
        let remotes = remotes(environment: environment)
        guard let remote = remotes.first(where: { $0.name == name }) else {
            throw UsageError("no remote named \(Quote.short(name))" + (remotes.isEmpty ? " (none is set: sessions-hub remote add NAME --ssh me@host --root ~/work/ws)"
                : " (remotes: \(remotes.map(\.name).joined(separator: ", ")))" + Suggest.phrase(name, among: remotes.map(\.name))))
        }
        return remote
    }
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
        let outcome = Blocking.run { () async -> Result<(String, TimeInterval, JSONValue), RemoteLink.Failure> in
            do throws(RemoteLink.Failure) {
                let link = try await RemoteLink.connect(remote, environment: environment, timeout: timeout)
                defer { link.close() }
                return .success((link.serverVersion, link.connectTime, try await link.status()))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .failure(let failure):
            Output.error(failure.description)
            throw ExitCode(1)
        case .success(let (version, seconds, status)):
            let counts = status["counts"]
            let stubs = counts?["stubs"]?.intValue ?? 0, sessions = counts?["sessions"]?.intValue ?? 0
            let attention = status["attention"]?.arrayValue?.count ?? 0
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
}

struct RemoteWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow a remote: a line each time its workspace changes, or its link drops and comes back.",
        discussion: """
        One ssh link, subscribed to the far workspace (no polling); when the link drops, the last good \
        state is kept and marked unreachable, and the hub reconnects (1 s, doubling to a minute). Runs \
        until interrupted. With --json each line is {"time", "remote", "reachable", "since", "error", \
        "server", "sessions", "needs_you", "reads"}.
        """
    )

    @Argument(help: "The remote's name.")
    var name: String

    @Flag(name: .long, help: "One JSON object a line.")
    var json = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let remote = try UserConfig.remote(name, environment: environment)
        let json = self.json
        let follower = RemoteFollower(remote, environment: environment) { state in
            let sessions = state.status?["counts"]?["sessions"]?.intValue
            let needs = state.status.map { Set(($0["attention"]?.arrayValue ?? []).compactMap { $0["session"]?.stringValue }).count }
            if json {
                Output.write(JSONPrinter.compact(.object(JSONObject([
                    ("time", .string(Timestamp.format(Date()))), ("remote", .string(state.name)), ("reachable", .bool(state.reachable)),
                    ("since", state.since.map { .string(Timestamp.format($0)) } ?? .null), ("error", state.error.map(JSONValue.string) ?? .null),
                    ("server", state.server.map(JSONValue.string) ?? .null), ("sessions", sessions.map(JSONValue.int) ?? .null),
                    ("needs_you", needs.map(JSONValue.int) ?? .null), ("reads", .int(state.reads)),
                ]))) + "\n")
            } else {
                let counts = sessions.map { " — \($0) sessions, \(needs ?? 0) need you" } ?? ""
                Output.write(TerminalText.sanitize("\(Timestamp.short(Date())) \(state.name) \(state.sentence)\(counts)") + "\n")
            }
        }
        follower.start()
        while true { Thread.sleep(forTimeInterval: 3600) }
    }
}

/// Runs async work to its end from a synchronous command.
enum Blocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await body()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    private final class Box<T>: @unchecked Sendable { var value: T? }
}

struct RemoteAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a remote to your config, after showing the host key ssh will trust.",
        discussion: """
        Appends a [remotes.<name>] table to $XDG_CONFIG_HOME/sessions-hub/config.toml. The host key is \
        the one in ssh's own known_hosts (ssh -G tells which host and files); a host not in it must be \
        connected to once with ssh first: the hub never answers ssh's prompts.
        """
    )

    @Argument(help: "A short name (letters, digits, . _ -): the @tag on its rows.")
    var name: String

    // Unconditional: the value usually starts with a dash (`-p 2222 me@build`).
    @Option(name: .long, parsing: .unconditional, help: "ssh's arguments: the destination and any options (e.g. \"-p 2222 me@build\").")
    var ssh: String

    @Option(name: .long, help: "The workspace's folder on the far side (~ is its home).")
    var root: String

    @Option(name: .long, help: "The program on the far side.")
    var hub: String = "sessions-hub"

    @Flag(name: .long, help: "Do not ask.")
    var yes = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let words: [String]
        do { words = try CommandWords.split(ssh) } catch { throw UsageError("--ssh: \(error)") }
        let remote = RemoteSettings(name: name, ssh: words, root: root, hub: hub)
        if let refusal = remote.refusal { throw UsageError(refusal) }
        guard let file = UserConfig.path(environment: environment) else { throw UsageError("neither XDG_CONFIG_HOME nor HOME is set: there is no config file to add it to") }
        let existing = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        if UserConfig.remotes(environment: environment).contains(where: { $0.name == name }) || existing.contains("[remotes.\(name)]") {
            throw UsageError("a remote named \(name) is already in \(file): edit it there")
        }
        let hostKey = HostKeys.describe(words, environment: environment)
        try Confirm.ask("add remote \(name) (ssh \(TerminalText.sanitize(words.joined(separator: " "))), root \(TerminalText.sanitize(root))) to \(file)?",
                        notes: hostKey, yes: yes, flagHint: "add it", refusal: "nothing was added")
        var table = "\n[remotes.\(name)]\nssh = \(Self.tomlString(ssh))\nroot = \(Self.tomlString(root))\n"
        if hub != "sessions-hub" { table += "hub = \(Self.tomlString(hub))\n" }
        let text = existing.isEmpty || existing.hasSuffix("\n") ? existing + table : existing + "\n" + table
        do {
            try FileManager.default.createDirectory(atPath: WorkspacePaths.parent(file), withIntermediateDirectories: true)
            try AtomicFile.write(Array(text.utf8), to: file)
        } catch {
            Output.error("\(file) could not be written: \(error)")
            throw ExitCode(1)
        }
        Output.write("added remote \(name) to \(file); sessions-hub remote check \(name) tries it\n")
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func tomlString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\u%04X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

/// The host key ssh will trust for a remote, from ssh's own configuration and known_hosts.
enum HostKeys {
    /// One note per key (`host key of build (port 22): ED25519 SHA256:…`), or a note that says how
    /// to get the host known first.
    static func describe(_ words: [String], environment: [String: String]) -> [String] {
        guard let ssh = ToolRunner.which("ssh", environment: environment), let keygen = ToolRunner.which("ssh-keygen", environment: environment) else {
            return ["ssh or ssh-keygen is not installed here: the host key cannot be shown"]
        }
        // ssh -G prints the configuration it would use for these words: the real host, port and files.
        guard let resolved = try? Subprocess.capture(ssh, ["-G"] + words, environment: environment, timeout: 10), resolved.status == 0 else {
            return ["ssh -G could not read these arguments: check them with ssh \(TerminalText.sanitize(words.joined(separator: " ")))"]
        }
        var config: [String: String] = [:]
        for line in String(decoding: resolved.stdout, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2, config[String(parts[0])] == nil { config[String(parts[0])] = String(parts[1]) }
        }
        let host = config["hostname"] ?? "?", port = config["port"] ?? "22"
        let lookup = port == "22" ? host : "[\(host)]:\(port)"
        let files = (config["userknownhostsfile"] ?? "~/.ssh/known_hosts").split(separator: " ").map { file -> String in
            file.hasPrefix("~/") ? (environment["HOME"] ?? "~") + file.dropFirst(1) : String(file)
        }
        var notes: [String] = []
        for file in files where FileManager.default.fileExists(atPath: file) {
            guard let found = try? Subprocess.capture(keygen, ["-l", "-F", lookup, "-f", file], environment: environment, timeout: 10), found.status == 0 else { continue }
            for line in String(decoding: found.stdout, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
                // `host type SHA256:…`: the key's type and fingerprint.
                let fields = line.split(separator: " ")
                if fields.count >= 3 { notes.append("host key of \(TerminalText.sanitize(lookup)) in \(file): \(fields[1]) \(fields[2])") }
            }
        }
        if notes.isEmpty {
            notes.append("\(TerminalText.sanitize(lookup)) is not in your known_hosts: connect once with ssh \(TerminalText.sanitize(words.joined(separator: " "))) and accept its key (the hub never answers ssh's prompts)")
        }
        return notes
    }
}
