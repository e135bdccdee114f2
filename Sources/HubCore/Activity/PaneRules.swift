import Foundation
import TOMLKit

/// What an agent's tmux pane shows, read by rules kept as data (`PaneRulesText`, and the user's
/// `agent-screens.toml`): for agents that say nothing themselves (no state file, no hooks), the
/// screen tells whether they wait for the person, work or sit idle.
public struct PaneRules: Sendable {
    public struct Rule: @unchecked Sendable {
        public var agent: String
        /// What the screen means; nil for a `refused` rule (the agent turned down the text it was
        /// handed: a dispatch that did not land, not a state of the agent).
        public var state: Activity.State?
        public var kind: String?
        public var priority: Int
        public var window: Int
        var match: Regex<AnyRegexOutput>
        var all: [Regex<AnyRegexOutput>]
        var none: [Regex<AnyRegexOutput>]
        var asks: Regex<AnyRegexOutput>?
    }

    public private(set) var rules: [Rule] = []
    public private(set) var problems: [Problem] = []
    /// Agent kinds whose input takes several lines in one paste (the long one-liner); any other
    /// kind is handed the short form (`multiline = [...]` at the top of a rules file adds kinds).
    public private(set) var multiLineKinds: Set<String> = []

    /// The shipped rules, then the user's file (which wins on equal priority).
    public static func load(environment: [String: String]) -> PaneRules {
        var rules = standard
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["HOME"].map { FileSystem.join($0, ".config") }
        if let configHome {
            let file = FileSystem.join(configHome, "sessions-hub/agent-screens.toml")
            if FileSystem.isFile(file), let bytes = try? FileSystem.read(file) { rules.add(String(decoding: bytes, as: UTF8.self), source: file, first: true) }
        }
        return rules
    }

    /// `load`, once per process (the rules do not change while the hub runs).
    public static func loaded(environment: [String: String]) -> PaneRules {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let cached { return cached }
        let rules = load(environment: environment)
        cached = rules
        return rules
    }
    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cached: PaneRules?

    public static let standard: PaneRules = {
        var rules = PaneRules()
        rules.add(PaneRulesText.builtIn, source: "built-in rules")
        return rules
    }()

    mutating func add(_ text: String, source: String, first: Bool = false) {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch {
            problems.append(Problem(path: source, message: "not valid TOML; its rules were ignored"))
            return
        }
        for kind in table["multiline"]?.array ?? TOMLArray() { if let kind = kind.string { multiLineKinds.insert(kind) } }
        var added: [Rule] = []
        for (index, entry) in (table["rule"]?.array ?? TOMLArray()).enumerated() {
            guard let rule = entry.table else { continue }
            func string(_ key: String) -> String? { rule[key]?.string }
            func regex(_ text: String?) -> Regex<AnyRegexOutput>?? {
                guard let text else { return .some(nil) }
                return (try? Regex(text)).map { .some($0) } ?? nil
            }
            let stateWord = string("state")
            let state = stateWord.flatMap(Activity.State.init(rawValue:))
            guard let agent = string("agent"), state != nil || stateWord == "refused",
                  let matchText = string("match"), let match = regex(matchText) ?? nil else {
                problems.append(Problem(path: source, message: "rule \(index + 1): needs agent, a state (waiting, working, idle, refused) and a match that compiles; it was ignored"))
                continue
            }
            let all = (rule["all"]?.array ?? TOMLArray()).compactMap { $0.string.flatMap { try? Regex($0) } }
            let none = (rule["none"]?.array ?? TOMLArray()).compactMap { $0.string.flatMap { try? Regex($0) } }
            added.append(Rule(agent: agent, state: state, kind: string("kind"), priority: rule["priority"]?.int ?? 0, window: rule["window"]?.int ?? 40,
                              match: match, all: all, none: none, asks: regex(string("asks")) ?? nil))
        }
        rules = first ? added + rules : rules + added
    }

    /// The agent kind of a dispatch command: its program's name (`/usr/bin/codex` → `codex`).
    public static func agentKind(command: [String]) -> String? {
        var words = command[...]
        // `env VAR=x program …`, `npx program`: the program after them.
        while let first = words.first, ["env", "npx", "bunx", "uvx"].contains(WorkspacePaths.lastComponent(first)) || first.contains("=") { words = words.dropFirst() }
        guard let program = words.first.map({ WorkspacePaths.lastComponent($0) }) else { return nil }
        // `gemini-cli`, `claude-code`, `aider-chat`: the agent the rules know by a shorter name.
        return ["claude", "codex", "gemini", "aider"].first { program.hasPrefix($0) } ?? program
    }

    /// What the screen says about an agent of `kind`: the highest-priority rule that holds on its
    /// last lines (nil: no rule speaks).
    public func classify(_ screen: String, kind: String) -> Activity? {
        guard let (rule, detail) = strongest(screen, kind: kind, where: { $0.state != nil }), let state = rule.state else { return nil }
        return Activity(state: state, detail: detail, source: .pane)
    }

    /// What an agent of `kind` said when it turned down the text it was handed (a `refused` rule
    /// holds on its screen: ptpython's "Syntax Error: …"), or nil.
    public func refusal(_ screen: String, kind: String) -> String? {
        strongest(screen, kind: kind, where: { $0.state == nil }).map { $0.1 ?? "refused" }
    }

    /// Whether an agent of `kind` takes a multi-line paste as one input.
    public func takesMultiLineInput(kind: String) -> Bool { multiLineKinds.contains(kind) }

    /// The highest-priority rule of `kind` passing `filter` that holds on the screen's last lines,
    /// with what it asks (its kind and `asks` group).
    private func strongest(_ screen: String, kind: String, where filter: (Rule) -> Bool) -> (Rule, String?)? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │╭╮╰╯\t")) }
            .filter { !$0.isEmpty }
        var best: Rule?
        var asked: String?
        for rule in rules where rule.agent == kind && filter(rule) && (best == nil || rule.priority > best!.priority) {
            let text = lines.suffix(rule.window).joined(separator: "\n")
            guard text.contains(rule.match), rule.all.allSatisfy({ text.contains($0) }), !rule.none.contains(where: { text.contains($0) }) else { continue }
            best = rule
            asked = rule.asks.flatMap { try? $0.firstMatch(in: text) }.flatMap { $0.output["asks"]?.substring.map(String.init) }
        }
        guard let best else { return nil }
        let detail = [best.kind, asked.map { TerminalText.sanitize(Quote.trimmed($0, limit: 80)) }].compactMap { $0 }.joined(separator: ": ")
        return (best, detail.isEmpty ? nil : detail)
    }
}
