import ArgumentParser
import Foundation
import HubCore
import HubMCP

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
