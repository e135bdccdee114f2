import Foundation
import TOMLKit

/// `sessions-hub config`: every setting's effective value and where it came from (the workspace's
/// file, the user's file, or the built-in default), in the order the README documents them.
public enum ConfigReport {
    public struct Entry: Equatable, Sendable {
        public var key: String
        public var value: String
        /// The file that set it, or nil for the built-in default.
        public var source: String?
    }

    /// Known keys and their defaults as TOML would write them, read from the defaults themselves
    /// (`HubSettings()`, `WorkspaceLayout`), so this report cannot drift from what the hub does.
    static var defaults: [(String, String)] {
        let settings = HubSettings()
        let dispatch = settings.dispatch
        func quoted(_ text: String) -> String { "\"" + text + "\"" }
        func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }
        func minutes(_ seconds: TimeInterval) -> String { number(seconds / 60) }
        func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        return [
            ("workspace.stubs", list(WorkspaceLayout.defaultStubDirectories)), ("workspace.sessions", list(WorkspaceLayout.defaultSessionDirectories)),
            ("workspace.new_sessions", "(where the workspace's sessions live)"), ("workspace.projects", "[] (the agents' own folders)"),
            ("start.default_orchestrator", quoted(settings.defaultOrchestrator)),
            ("clipboard.order", list(settings.clipboardOrder.map(\.rawValue))), ("clipboard.long_form", String(settings.copyLongForm)),
            ("handoff.not_picked_up_after_minutes", minutes(settings.notPickedUpAfter)),
            ("watch.stale_after_minutes", minutes(settings.staleAfter)), ("watch.idle_unreported_minutes", minutes(settings.idleUnreportedAfter)), ("watch.recheck_minutes", minutes(settings.recheckInterval)),
            ("watch.bell_on_complete", String(settings.bellOnComplete)),
            ("notify.bell", String(settings.notifyBell)), ("notify.title", String(settings.notifyTitle)), ("notify.desktop", String(settings.notifyDesktop)),
            ("ui.theme", quoted(settings.theme ?? "default")),
            ("tokens", settings.tokenPrices.map { "input \(number($0.input)), output \(number($0.output)), cache_read \(number($0.cacheRead)), cache_creation \(number($0.cacheCreation)) \($0.currency) per million" } ?? "(no prices: tokens are shown without a cost)"),
            ("dispatch.command", quoted(dispatch.command.text)), ("dispatch.prompt", quoted(dispatch.prompt.rawValue)),
            ("dispatch.ready_pattern", dispatch.readyPattern.map(quoted) ?? "(quiet for quiet_seconds)"),
            ("dispatch.form", quoted(dispatch.longForm ? "long" : "short")), ("dispatch.where", quoted(dispatch.place.rawValue)),
            ("dispatch.ready_timeout_seconds", number(dispatch.readyTimeout)), ("dispatch.quiet_seconds", number(dispatch.quietPeriod)),
        ]
    }

    public static func entries(root: String?, environment: [String: String]) -> [Entry] {
        // Highest priority first: the workspace's file wins over the user's.
        let files = ConfigLoader.files(root: root, environment: environment).filter(FileSystem.isFile)
        var tables: [(String, [String: String])] = []
        for file in files {
            guard let bytes = try? FileSystem.read(file), let table = try? TOMLTable(string: String(decoding: bytes, as: UTF8.self)) else { continue }
            tables.append((file, flatten(table)))
        }
        let defaults = self.defaults
        var entries = defaults.map { key, fallback in
            tables.first { $0.1[key] != nil }.map { Entry(key: key, value: $0.1[key]!, source: $0.0) } ?? Entry(key: key, value: fallback, source: nil)
        }
        // What only files say: [keys] and [agents.<id>], and keys this hub does not know.
        let known = Set(defaults.map(\.0))
        var extra: [String: Entry] = [:]
        for (file, values) in tables.reversed() {
            for (key, value) in values where !known.contains(key) { extra[key] = Entry(key: key, value: value, source: file) }
        }
        entries += extra.keys.sorted().map { extra[$0]! }
        return entries
    }

    public static func text(_ entries: [Entry]) -> String {
        let width = min(40, entries.map(\.key.count).max() ?? 20)
        return entries.map { entry in
            entry.key.padding(toLength: width, withPad: " ", startingAt: 0) + " = " + entry.value + "   # " + (entry.source ?? "default")
        }.joined(separator: "\n") + "\n"
    }

    public static func json(_ entries: [Entry]) -> JSONValue {
        .array(entries.map { entry in
            .object(JSONObject([("key", .string(entry.key)), ("value", .string(entry.value)), ("source", entry.source.map(JSONValue.string) ?? .null)]))
        })
    }

    static func flatten(_ table: TOMLTable, prefix: String = "") -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in table {
            let name = prefix.isEmpty ? key : prefix + "." + key
            if let nested = value.table { result.merge(flatten(nested, prefix: name)) { first, _ in first } } else { result[name] = render(value) }
        }
        return result
    }

    static func render(_ value: TOMLValueConvertible) -> String {
        if let text = value.string { return "\"" + TerminalText.sanitize(text).replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        if let flag = value.bool { return flag ? "true" : "false" }
        if let int = value.int { return String(int) }
        if let double = value.double { return String(double) }
        if let array = value.array { return "[" + array.map { render($0) }.joined(separator: ", ") + "]" }
        return "…"
    }
}
