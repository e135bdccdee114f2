import Foundation

/// `[remotes.<name>]` in the user's own config: a workspace on another machine, reached with the
/// real `ssh` program (so the person's ssh config, keys, agent and jump hosts work) running the
/// same `sessions-hub` there as an MCP server.
///
/// ```toml
/// [remotes.build]
/// ssh = "-F ~/.ssh/work_config build"   # ssh's arguments, split into words like [dispatch] command
/// root = "~/work/ws"                      # the workspace there (~ is the far side's home)
/// hub = "sessions-hub"                    # the program there (a path or a name on its PATH)
/// ```
///
/// Only the user's config may name remotes: their words become ssh's arguments, and ssh options can
/// run local commands (ProxyCommand), so a workspace's hub.toml — someone else's code — never does.
public struct RemoteSettings: Equatable, Sendable {
    public var name: String
    /// ssh's arguments as written, split into words (options and the destination).
    public var ssh: [String]
    public var root: String
    public var hub: String = "sessions-hub"
    /// The config file that named it.
    public var source: String?

    public init(name: String, ssh: [String], root: String, hub: String = "sessions-hub", source: String? = nil) {
        self.name = name
        self.ssh = ssh
        self.root = root
        self.hub = hub
        self.source = source
    }

    /// Why `name` cannot be a remote's name (nil: it can): a short word, because it becomes a tag
    /// on rows (`@build`), a filter and a completion word.
    public static func nameRefusal(_ name: String) -> String? {
        let allowed = name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0) }
        guard !name.isEmpty, name.count <= 40, allowed, name.first != "-", name.first != "." else {
            return "\(Quote.short(name)) cannot name a remote (letters, digits, . _ -; at most 40; not starting with - or .)"
        }
        return nil
    }

    /// Why this remote cannot be used (nil: it can).
    public var refusal: String? {
        if let refusal = Self.nameRefusal(name) { return refusal }
        if ssh.isEmpty { return "remotes.\(name).ssh names no host (e.g. ssh = \"me@build\")" }
        if ssh.contains(where: { !TerminalText.isPrintable($0) }) { return "remotes.\(name).ssh has control characters" }
        if root.isEmpty || !TerminalText.isPrintable(root) { return "remotes.\(name).root must be the workspace's folder there (e.g. root = \"~/work/ws\")" }
        if hub.isEmpty || !hub.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._/+-~".unicodeScalars.contains($0)) }) {
            return "remotes.\(name).hub must be one program name or path (letters, digits, . _ / + - ~)"
        }
        return nil
    }

    /// The arguments of the local `ssh`: never a prompt (BatchMode: the hub cannot answer one), a
    /// connection that gives up in 10 s and notices a dead link in 30, the person's own words, then
    /// the far side's command, quoted for its shell (ssh hands the far side one string).
    public func sshArguments(home: String?) -> [String] {
        ["-T", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=2"]
            + sshWords(home: home) + [remoteCommand]
    }

    /// The person's own ssh words, `~/` expanded as a shell would (no shell runs them here).
    func sshWords(home: String?) -> [String] {
        ssh.map { word in
            if let home, word.hasPrefix("~/") { return home + word.dropFirst(1) }
            return word
        }
    }

    /// The arguments of the local `ssh` that shows a far agent's tmux pane in this terminal: a
    /// terminal this time (`-t`), still never a prompt, and `tmux attach-session` on the pane (tmux
    /// selects its window and pane). Only a pane id (`%12`) is accepted; nil for anything else.
    public func attachArguments(pane: String, home: String?) -> [String]? {
        guard ShellQuote.paneId(pane) != nil else { return nil }
        return ["-t", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10"] + sshWords(home: home) + ["tmux attach-session -t " + RemoteSettings.single(pane)]
    }

    /// `'sessions-hub' --root ~/'work/ws' mcp`: every word single-quoted for the far side's shell,
    /// a leading `~/` left outside the quotes so that it names the far side's home.
    public var remoteCommand: String {
        [RemoteSettings.quote(hub), "--root", RemoteSettings.quote(root), "mcp"].joined(separator: " ")
    }

    static func quote(_ word: String) -> String {
        if word == "~" { return "~" }
        if word.hasPrefix("~/") { return "~/" + single(String(word.dropFirst(2))) }
        return single(word)
    }

    static func single(_ word: String) -> String {
        ShellQuote.word(word)
    }
}
