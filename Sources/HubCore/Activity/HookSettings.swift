import Foundation

/// The hook entries `sessions-hub hooks install` merges into Claude Code's settings file, leaving
/// everything else in it as it was (byte for byte where nothing changes): one command entry per
/// event the hub follows, added once (a second install changes nothing), removed by uninstall.
public enum HookSettings {
    public static let events = ["SessionStart", "UserPromptSubmit", "PreToolUse", "PostToolUse", "Notification", "Stop", "SessionEnd"]

    /// The command a hook runs: the hub's own binary, quoted for the shell Claude runs it with.
    public static func command(executable: String) -> String {
        ShellQuote.word(executable) + " hook"
    }

    static func isOurs(_ entry: JSONValue) -> Bool {
        entry["hooks"]?.arrayValue?.contains { ($0["command"]?.stringValue ?? "").hasSuffix("' hook") && ($0["command"]?.stringValue ?? "").contains("sessions-hub") } ?? false
    }

    public enum Failure: Error, CustomStringConvertible {
        case notAnObject(String)
        case unreadable(String, String)
        public var description: String {
            switch self {
            case .notAnObject(let path): return "\(path) is not a JSON object; it was left as it is"
            case .unreadable(let path, let why): return "\(path) cannot be read (\(why)); it was left as it is"
            }
        }
    }

    /// The settings file's new text with the entries added (`install`) or removed; nil when nothing
    /// changes.
    public static func merged(_ existing: [UInt8]?, path: String, command: String, install: Bool) throws -> [UInt8]? {
        var document: JSONDocument
        if let existing, !existing.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) {
            do { document = try JSONDocument(bytes: existing) } catch { throw Failure.unreadable(path, "\(error)") }
            guard document.root.objectValue != nil else { throw Failure.notAnObject(path) }
        } else {
            guard install else { return nil }
            document = JSONDocument(value: .object(JSONObject()))
        }
        var changed = false
        if document.root["hooks"]?.objectValue == nil {
            guard install else { return nil }
            try document.set([.key("hooks")], to: .object(JSONObject()))
        }
        for event in events {
            let current = document.root["hooks"]?[event]?.arrayValue ?? []
            let kept = current.filter { !isOurs($0) }
            let ours = JSONValue.object(JSONObject([("hooks", .array([.object(JSONObject([("type", .string("command")), ("command", .string(command))]))]))]))
            if install {
                // Already there, as this binary's command: nothing to do for this event.
                let installed = current.filter(isOurs).flatMap { $0["hooks"]?.arrayValue ?? [] }.compactMap { $0["command"]?.stringValue }
                if installed == [command] { continue }
                try document.set([.key("hooks"), .key(event)], to: .array(kept + [ours]))
                changed = true
            } else if kept.count != current.count {
                try document.set([.key("hooks"), .key(event)], to: .array(kept))
                changed = true
            }
        }
        return changed ? document.bytes : nil
    }

    /// Claude Code's settings file: the user's (`$CLAUDE_CONFIG_DIR/settings.json`, else
    /// `~/.claude/settings.json`) or a project's own, kept out of its git history
    /// (`<project>/.claude/settings.local.json`).
    public static func file(project: String?, environment: [String: String]) -> String? {
        if let project { return FileSystem.join(project, ".claude/settings.local.json") }
        if let dir = environment["CLAUDE_CONFIG_DIR"], !dir.isEmpty { return FileSystem.join(dir, "settings.json") }
        return environment["HOME"].map { FileSystem.join($0, ".claude/settings.json") }
    }
}
