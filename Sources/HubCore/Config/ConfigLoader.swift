import Foundation
import TOMLKit

/// Reads the config files into `HubSettings`. Each key is read on its own: a file that does not
/// parse, or a key of the wrong type, is a problem reported to the caller, and every other key still
/// counts. Unknown keys are ignored (a newer config keeps working with an older hub).
///
/// ```toml
/// [workspace]
/// stubs = ["coderef/working"]
/// sessions = [".coderef/sessions", "coderef/sessions"]
/// new_sessions = ".coderef/sessions"
/// projects = ["..", "~/code"]   # folders holding the agents' projects (their workorders)
/// [start]
/// default_orchestrator = "assistant"
/// [clipboard]
/// order = ["tmux", "osc52", "wl-copy", "xclip", "xsel", "pbcopy"]
/// long_form = false
/// [handoff]
/// not_picked_up_after_minutes = 15
/// [watch]
/// stale_after_minutes = 30
/// idle_unreported_minutes = 2  # an agent's turn ended this long ago, its status still not complete
/// recheck_minutes = 5
/// bell_on_complete = false
/// [notify]
/// bell = false      # ring when an agent is blocked, fails or completes, a session completes, or goes stale
/// title = true      # the terminal title says what needs you
/// desktop = false   # desktop notifications (OSC 9 and OSC 777; passed through tmux)
/// [ui]
/// theme = "default"
/// [tokens]                     # prices per million tokens: agents' tokens are shown with a cost
/// input = 3.0
/// output = 15.0
/// cache_read = 0.3
/// cache_creation = 3.75
/// currency = "USD"
/// [keys]                       # rebind actions (names as in `?`); conflicts are reported
/// help = ["?", "f1"]
/// quit = "ctrl-q"
/// [dispatch]                   # d / D / `dispatch`: start agents in tmux and hand them their one-liner
/// command = "claude"           # split into words like a shell, never run through one; {agent} {session} {workorder} {path}
/// prompt = "paste"             # or "argument": the one-liner as the command's last argument
/// ready_pattern = "> $"        # regex on the pane meaning "ready for input" (default: quiet for quiet_seconds)
/// form = "short"               # or "long"
/// where = "window"             # or "pane"
/// ready_timeout_seconds = 30
/// quiet_seconds = 0.8
/// [agents.coderef-docs]
/// path = "/home/me/projects/coderef-docs"
/// command = "codex"            # this agent's own command and prompt
/// prompt = "argument"
/// ```
public enum ConfigLoader {
    /// The files read: the workspace's, then the user's (the workspace's wins where both set a key).
    public static func files(root: String?, environment: [String: String]) -> [String] {
        var paths: [String] = []
        if let root { paths.append(FileSystem.join(root, ".coderef/hub.toml")) }
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { FileSystem.join($0, ".config") }
        if let configHome { paths.append(FileSystem.join(configHome, "sessions-hub/config.toml")) }
        return paths
    }

    public static func load(root: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> (HubSettings, [Problem]) {
        var settings = HubSettings()
        var problems: [Problem] = []
        for path in files(root: root, environment: environment).reversed() where FileSystem.isFile(path) {
            do {
                let bytes = try FileSystem.read(path)
                let table = try TOMLTable(string: String(decoding: bytes, as: UTF8.self))
                // Trust is decided on exactly these bytes (a second read could see another file).
                if let root, path == TrustStore.workspaceConfig(root: root) { settings.workspaceConfigDigest = ContentDigest.sha256Hex(bytes) }
                var reader = Reader(table: table, path: path)
                reader.apply(to: &settings)
                problems += reader.problems
            } catch let error as TOMLParseError {
                problems.append(Problem(path: path, message: "not valid TOML at line \(error.source.begin.line), column \(error.source.begin.column); it was ignored"))
            } catch {
                problems.append(Problem(path: path, message: "cannot be read (\(error)); it was ignored"))
            }
        }
        return (settings, problems)
    }

    struct Reader {
        let table: TOMLTable
        let path: String
        var problems: [Problem] = []

        mutating func wrong(_ key: String, _ expected: String) {
            problems.append(Problem(path: path, message: "\(key): expected \(expected); ignored"))
        }

        func value(_ section: String, _ key: String) -> TOMLValueConvertible? { table[section]?.table?[key] }

        mutating func string(_ section: String, _ key: String) -> String? {
            guard let value = value(section, key) else { return nil }
            if let text = value.string { return text }
            wrong("\(section).\(key)", "a string")
            return nil
        }

        mutating func strings(_ section: String, _ key: String) -> [String]? {
            guard let value = value(section, key) else { return nil }
            if let text = value.string { return [text] }
            if let array = value.array {
                let texts = array.compactMap { $0.string }
                if texts.count == array.count { return texts }
            }
            wrong("\(section).\(key)", "a list of strings")
            return nil
        }

        mutating func number(_ section: String, _ key: String) -> Double? {
            guard let value = value(section, key) else { return nil }
            if let int = value.int { return Double(int) }
            if let double = value.double { return double }
            wrong("\(section).\(key)", "a number")
            return nil
        }

        mutating func bool(_ section: String, _ key: String) -> Bool? {
            guard let value = value(section, key) else { return nil }
            if let flag = value.bool { return flag }
            wrong("\(section).\(key)", "true or false")
            return nil
        }

        mutating func applyTokenPrices(to settings: inout HubSettings) {
            guard table["tokens"]?.table != nil else { return }
            var prices = settings.tokenPrices ?? TokenPrices()
            func price(_ key: String) -> Double? {
                guard let value = number("tokens", key) else { return nil }
                guard value >= 0, value.isFinite else { wrong("tokens.\(key)", "a price of zero or more"); return nil }
                return value
            }
            if let value = price("input") { prices.input = value }
            if let value = price("output") { prices.output = value }
            if let value = price("cache_read") { prices.cacheRead = value }
            if let value = price("cache_creation") { prices.cacheCreation = value }
            if let currency = string("tokens", "currency") { prices.currency = currency }
            settings.tokenPrices = prices
        }

        mutating func applyDispatch(to settings: inout HubSettings) {
            if let command = string("dispatch", "command") { settings.dispatch.command = .init(command, source: path) }
            if let word = string("dispatch", "prompt") {
                if let prompt = DispatchSettings.Prompt(rawValue: word) { settings.dispatch.prompt = prompt } else { wrong("dispatch.prompt", "\"paste\" or \"argument\"") }
            }
            if let pattern = string("dispatch", "ready_pattern") {
                if (try? Regex(pattern)) != nil { settings.dispatch.readyPattern = pattern } else { wrong("dispatch.ready_pattern", "a valid regular expression") }
            }
            if let form = string("dispatch", "form") {
                if form == "short" || form == "long" { settings.dispatch.longForm = form == "long" } else { wrong("dispatch.form", "\"short\" or \"long\"") }
            }
            if let word = string("dispatch", "where") {
                if let place = DispatchSettings.Place(rawValue: word) { settings.dispatch.place = place } else { wrong("dispatch.where", "\"window\" or \"pane\"") }
            }
            if let seconds = number("dispatch", "ready_timeout_seconds") { settings.dispatch.readyTimeout = max(1, seconds) }
            if let seconds = number("dispatch", "quiet_seconds") { settings.dispatch.quietPeriod = max(0.1, seconds) }
        }

        /// `[remotes.<name>]`, from the user's config only: a workspace's hub.toml is someone else's
        /// code, and ssh's words can run local commands.
        mutating func applyRemotes(to settings: inout HubSettings) {
            guard let remotes = table["remotes"]?.table else { return }
            guard !path.hasSuffix("/.coderef/hub.toml") else {
                problems.append(Problem(path: path, message: "remotes: a workspace's config cannot name remotes (their ssh words could run commands here); put them in your own ~/.config/sessions-hub/config.toml"))
                return
            }
            for name in remotes.keys.sorted() {
                guard let entry = remotes[name]?.table else {
                    wrong("remotes.\(name)", "a table (ssh, root, hub)")
                    continue
                }
                guard let sshText = entry["ssh"]?.string, let root = entry["root"]?.string else {
                    wrong("remotes.\(name)", "ssh and root, as strings")
                    continue
                }
                let words: [String]
                do { words = try CommandWords.split(sshText) } catch {
                    problems.append(Problem(path: path, message: "remotes.\(name).ssh: \(error); ignored"))
                    continue
                }
                var remote = RemoteSettings(name: name, ssh: words, root: root, source: path)
                if entry["hub"] != nil {
                    if let hub = entry["hub"]?.string { remote.hub = hub } else { wrong("remotes.\(name).hub", "a string") }
                }
                if let refusal = remote.refusal {
                    problems.append(Problem(path: path, message: refusal + "; ignored"))
                    continue
                }
                settings.remotes[name] = remote
            }
        }

        mutating func apply(to settings: inout HubSettings) {
            if let stubs = strings("workspace", "stubs") { settings.stubDirectories = stubs }
            if let sessions = strings("workspace", "sessions") { settings.sessionDirectories = sessions }
            if let projects = strings("workspace", "projects") { settings.projectDirectories = projects }
            if let target = string("workspace", "new_sessions") { settings.newSessionsDirectory = target }
            if let orchestrator = string("start", "default_orchestrator") { settings.defaultOrchestrator = orchestrator }
            if let order = strings("clipboard", "order") {
                var methods: [ClipboardMethod] = []
                for name in order {
                    if let method = ClipboardMethod(rawValue: name) { methods.append(method) } else {
                        problems.append(Problem(path: path, message: "clipboard.order: unknown method '\(name)' (known: \(ClipboardMethod.allCases.map(\.rawValue).joined(separator: ", ")))"))
                    }
                }
                settings.clipboardOrder = methods
            }
            if let long = bool("clipboard", "long_form") { settings.copyLongForm = long }
            if let minutes = number("handoff", "not_picked_up_after_minutes") { settings.notPickedUpAfter = minutes * 60 }
            if let minutes = number("watch", "stale_after_minutes") { settings.staleAfter = minutes * 60 }
            if let minutes = number("watch", "idle_unreported_minutes") { settings.idleUnreportedAfter = minutes * 60 }
            if let minutes = number("watch", "recheck_minutes") { settings.recheckInterval = max(10, minutes * 60) }
            if let bell = bool("watch", "bell_on_complete") { settings.bellOnComplete = bell }
            if let bell = bool("notify", "bell") { settings.notifyBell = bell }
            if let title = bool("notify", "title") { settings.notifyTitle = title }
            if let desktop = bool("notify", "desktop") { settings.notifyDesktop = desktop }
            if let theme = string("ui", "theme") { settings.theme = theme }
            applyTokenPrices(to: &settings)
            if let keys = table["keys"]?.table {
                for action in keys.keys.sorted() {
                    // Files are applied user first, workspace last: the workspace's binding wins.
                    if let names = strings("keys", action) {
                        settings.keyOverrides[action] = names
                        settings.keyOverridesSource = path
                    }
                }
            }
            applyDispatch(to: &settings)
            applyRemotes(to: &settings)
            if let agents = table["agents"]?.table {
                for id in agents.keys {
                    guard let agent = agents[id]?.table else {
                        wrong("agents.\(id)", "a table (path, command, prompt)")
                        continue
                    }
                    if agent["path"] != nil {
                        if let path = agent["path"]?.string { settings.agentPaths[id] = path } else { wrong("agents.\(id).path", "a string") }
                    }
                    var override = settings.dispatch.agents[id] ?? DispatchSettings.AgentOverride()
                    if agent["command"] != nil {
                        if let command = agent["command"]?.string { override.command = .init(command, source: path) } else { wrong("agents.\(id).command", "a string") }
                    }
                    if agent["prompt"] != nil {
                        if let word = agent["prompt"]?.string, let prompt = DispatchSettings.Prompt(rawValue: word) { override.prompt = prompt } else { wrong("agents.\(id).prompt", "\"paste\" or \"argument\"") }
                    }
                    if override != DispatchSettings.AgentOverride() { settings.dispatch.agents[id] = override }
                }
            }
        }
    }
}
