import Foundation

/// What an agent's last hook said, as `sessions-hub hook` records it for the hub: one small file per
/// agent session in the user's state folder (`$XDG_STATE_HOME/sessions-hub/agents/<id>.json`), so a
/// hook never needs to know where the workspace is. Dispatch puts `SESSIONS_HUB_ROOT`,
/// `SESSIONS_HUB_SESSION` and `SESSIONS_HUB_AGENT` in the agent's window; an agent started by hand
/// is matched by its folder.
public struct HookRecord: Equatable, Sendable {
    public var agentSession: String
    public var event: String
    public var state: Activity.State
    public var detail: String?
    public var at: Date
    public var cwd: String?
    public var transcript: String?
    public var hubRoot: String?
    public var hubSession: String?
    public var hubAgent: String?
    public var pane: String?

    /// The folder the records live in.
    public static func folder(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return FileSystem.join(state, "sessions-hub/agents") }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return FileSystem.join(home, ".local/state/sessions-hub/agents")
    }

    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case notJSON
        case subAgent
        case unknownEvent(String)
        case noSession

        public var description: String {
            switch self {
            case .notJSON: return "the hook's input is not a JSON object"
            case .subAgent: return "a sub-agent's event (it carries agent_id): not the agent's own state"
            case .unknownEvent(let name): return "\(Quote.short(name)) is not an event the hub follows"
            case .noSession: return "the hook's input names no session (session_id, thread-id)"
            }
        }
    }

    /// Reads a hook's payload: Claude Code's (`hook_event_name`: SessionStart, UserPromptSubmit,
    /// PreToolUse, PostToolUse, Notification, Stop, SessionEnd) or Codex's `notify` JSON (`type`:
    /// `agent-turn-complete`).
    public init(payload bytes: [UInt8], environment: [String: String], now: Date) throws(Refusal) {
        guard let value = try? JSONParser.parse(bytes), value.objectValue != nil else { throw .notJSON }
        if value["agent_id"] != nil { throw .subAgent }
        let name = value["hook_event_name"]?.stringValue ?? value["type"]?.stringValue ?? ""
        guard let session = value["session_id"]?.stringValue ?? value["thread-id"]?.stringValue ?? value["thread_id"]?.stringValue, !session.isEmpty else { throw .noSession }
        let tool = value["tool_name"]?.stringValue.map { TerminalText.sanitize($0) }
        switch name {
        case "SessionStart": state = .idle
        case "UserPromptSubmit": state = .working; detail = "prompt"
        case "PreToolUse", "PostToolUse": state = .working; detail = tool
        case "Notification":
            let kind = value["notification_type"]?.stringValue ?? ""
            if kind == "idle_prompt" {
                state = .idle
            } else {
                state = .waiting
                let message = value["message"]?.stringValue.map { Quote.trimmed(TerminalText.sanitize($0), limit: 80) }
                detail = kind == "permission_prompt" ? "permission" + (message.map { ": " + $0 } ?? "") : message
            }
        case "Stop", "SubagentStop", "agent-turn-complete": state = .idle
        case "SessionEnd": state = .exited; detail = value["reason"]?.stringValue.map { TerminalText.sanitize($0) }
        default: throw .unknownEvent(name)
        }
        agentSession = session
        event = name
        at = now
        cwd = value["cwd"]?.stringValue
        transcript = value["transcript_path"]?.stringValue
        func nonEmpty(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        hubRoot = nonEmpty("SESSIONS_HUB_ROOT")
        hubSession = nonEmpty("SESSIONS_HUB_SESSION")
        hubAgent = nonEmpty("SESSIONS_HUB_AGENT")
        pane = nonEmpty("TMUX_PANE")
    }

    var json: JSONValue {
        var members: [(String, JSONValue)] = [("agent_session", .string(agentSession)), ("event", .string(event)), ("state", .string(state.rawValue)),
                                              ("at", .string(Timestamp.format(at)))]
        for (key, text) in [("detail", detail), ("cwd", cwd), ("transcript", transcript), ("hub_root", hubRoot), ("hub_session", hubSession), ("hub_agent", hubAgent), ("pane", pane)] {
            if let text { members.append((key, .string(text))) }
        }
        return .object(JSONObject(members))
    }

    init?(_ value: JSONValue) {
        guard let session = value["agent_session"]?.stringValue, let event = value["event"]?.stringValue,
              let state = value["state"]?.stringValue.flatMap(Activity.State.init(rawValue:)), let at = Timestamp.parse(value["at"]?.stringValue) else { return nil }
        agentSession = session
        self.event = event
        self.state = state
        self.at = at
        detail = value["detail"]?.stringValue
        cwd = value["cwd"]?.stringValue
        transcript = value["transcript"]?.stringValue
        hubRoot = value["hub_root"]?.stringValue
        hubSession = value["hub_session"]?.stringValue
        hubAgent = value["hub_agent"]?.stringValue
        pane = value["pane"]?.stringValue
    }

    /// Written whole (temporary file + rename): a reader never sees half of it.
    public func write(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name = SessionPlanner.fileSlug(agentSession).prefix(120)
        try AtomicFile.write(JSONPrinter.compactBytes(json) + [10], to: FileSystem.join(folder, (name.isEmpty ? "agent" : String(name)) + ".json"))
    }

    public static func read(folder: String) -> [HookRecord] {
        FileSystem.entries(folder).filter { $0.hasSuffix(".json") }.compactMap { name in
            guard let bytes = try? FileSystem.read(FileSystem.join(folder, name)), bytes.count < 1 << 16, let value = try? JSONParser.parse(bytes) else { return nil }
            return HookRecord(value)
        }
    }

    public var activity: Activity {
        var result = Activity(state: state, detail: detail, source: .hook, since: at, pane: pane)
        result.transcript = transcript
        return result
    }
}
