import Foundation

/// One of Claude Code's live session state files (`~/.claude/sessions/<pid>.json`, or under
/// `$CLAUDE_CONFIG_DIR`), rewritten by Claude itself whenever its state changes:
/// `{"pid", "sessionId", "cwd", "procStart", "tmux": "<session>:@<window>.%<pane>", "status":
/// "idle" | "waiting" | …, "waitingFor": "permission prompt", "statusUpdatedAt": <ms>}`.
public struct ClaudeSessionState: Equatable, Sendable {
    public var pid: Int32
    public var sessionId: String?
    public var cwd: String?
    public var procStart: String?
    /// The tmux pane id (`%12`) from the `tmux` field, when Claude runs in tmux.
    public var pane: String?
    public var status: String?
    public var waitingFor: String?
    public var updatedAt: Date?
    /// The folder the file was read from (its transcripts live beside it, in `projects/`).
    public var configDirectory: String

    public init?(_ value: JSONValue, configDirectory: String) {
        guard let pid = value["pid"].flatMap(ClaudeSessionState.integer), pid > 0, pid < Int(Int32.max) else { return nil }
        self.pid = Int32(pid)
        sessionId = value["sessionId"]?.stringValue
        cwd = value["cwd"]?.stringValue
        procStart = value["procStart"]?.stringValue ?? value["procStart"].flatMap(ClaudeSessionState.integer).map(String.init)
        if let tmux = value["tmux"]?.stringValue, let dot = tmux.lastIndex(of: "."), tmux[tmux.index(after: dot)...].hasPrefix("%") {
            pane = String(tmux[tmux.index(after: dot)...])
        }
        status = value["status"]?.stringValue
        waitingFor = value["waitingFor"]?.stringValue
        updatedAt = (value["statusUpdatedAt"] ?? value["updatedAt"]).flatMap(ClaudeSessionState.integer).map { Date(timeIntervalSince1970: Double($0) / 1000) }
        self.configDirectory = configDirectory
    }

    static func integer(_ value: JSONValue) -> Int? {
        if case .number(let text) = value { return Int(text) ?? Double(text).map { Int($0) } }
        return value.stringValue.flatMap { Int($0) }
    }

    /// The folders Claude Code keeps them in: `$CLAUDE_CONFIG_DIR/sessions`, else `~/.claude/sessions`.
    public static func folders(environment: [String: String]) -> [String] {
        if let dir = environment["CLAUDE_CONFIG_DIR"], !dir.isEmpty { return [FileSystem.join(dir, "sessions")] }
        guard let home = environment["HOME"], !home.isEmpty else { return [] }
        return [FileSystem.join(home, ".claude/sessions")]
    }

    /// Every readable state file in `folder`.
    public static func read(folder: String) -> [ClaudeSessionState] {
        let configDirectory = WorkspacePaths.parent(folder)
        return FileSystem.entries(folder).filter { $0.hasSuffix(".json") }.compactMap { name in
            guard let bytes = try? FileSystem.read(FileSystem.join(folder, name)), bytes.count < 1 << 20,
                  let value = try? JSONParser.parse(bytes) else { return nil }
            return ClaudeSessionState(value, configDirectory: configDirectory)
        }
    }

    /// Its transcript (`projects/<cwd with / as ->/<sessionId>.jsonl`), where its token use is.
    public var transcript: String? {
        guard let sessionId, let cwd else { return nil }
        let mangled = String(cwd.map { $0.isLetter || $0.isNumber ? $0 : "-" })
        return FileSystem.join(FileSystem.join(FileSystem.join(configDirectory, "projects"), mangled), sessionId + ".jsonl")
    }

    /// What it says, as an activity; `running` tells whether its process is still the one recorded.
    public func activity(running: Bool) -> Activity {
        var result = activityWithoutTranscript(running: running)
        result.transcript = transcript
        return result
    }

    func activityWithoutTranscript(running: Bool) -> Activity {
        guard running else { return Activity(state: .exited, detail: "process ended", source: .stateFile, since: nil, pane: pane) }
        let state: Activity.State
        var detail: String?
        switch status?.lowercased() {
        case "waiting"?:
            state = .waiting
            detail = waitingFor.map { TerminalText.sanitize($0) }
        case "idle"?: state = .idle
        case nil, ""?: state = .unknown
        default: state = .working
        }
        return Activity(state: state, detail: detail, source: .stateFile, since: updatedAt, pane: pane)
    }
}
