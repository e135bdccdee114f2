import Foundation
import CHubSystem

/// Starts an agent in tmux and hands it its one-liner: a window in its project folder (its output
/// watched from the first byte, `OutputTap`), wait until the agent is ready (`Readiness`: it asked
/// for bracketed paste or showed its prompt — never a quiet blank pane), bracketed paste (so
/// newlines never submit early), Enter, and proof that it was taken — the pane's input queue is
/// empty and the pane changed. Enter is pressed once more only when the first was read and nothing
/// moved; unread, it is "typed, not submitted"; turned down on screen, "refused".
public struct Dispatcher: Sendable {
    public let tmux: TmuxClient
    public let settings: DispatchSettings
    /// `NAME` for `--tmux-session`: windows go into that tmux session; nil: the current one.
    public let tmuxSession: String?
    /// The pane to split with `where = "pane"` (the hub's own, `$TMUX_PANE`).
    public let splitPane: String?

    public init(tmux: TmuxClient, settings: DispatchSettings, tmuxSession: String? = nil, splitPane: String? = nil) {
        self.tmux = tmux
        self.settings = settings
        self.tmuxSession = tmuxSession
        self.splitPane = splitPane
    }

    /// Dispatches and records the result in the hand-off log (the screen, the command line and the
    /// MCP tool all do both). A record that cannot be written is returned beside the result.
    public func dispatchAndRecord(_ target: DispatchTarget, root: String) -> (result: DispatchResult, recordError: Error?) {
        let result = dispatch(target)
        do {
            try HandoffLog.record(root: root, dispatch: result)
            return (result, nil)
        } catch {
            return (result, error)
        }
    }

    public func dispatch(_ target: DispatchTarget, now: () -> Date = Date.init) -> DispatchResult {
        var result = DispatchResult(sessionPath: target.sessionPath, agentId: target.agentId, pane: nil, window: nil, outcome: .failed("not started"), at: now(), longForm: target.longForm)
        let started: (pane: String, window: String, tty: String)
        // The agent's output from its first byte, to see whether it asks for bracketed paste.
        let tap: OutputTap?
        do { tap = target.prompt == .paste ? try OutputTap() : nil } catch {
            result.outcome = .failed(error.message)
            return result
        }
        do { started = try open(target, tap: tap) } catch {
            result.outcome = .failed(error.message)
            return result
        }
        defer { tap?.detach(from: started.pane, tmux: tmux) }
        result.pane = started.pane
        result.window = started.window
        if target.prompt == .argument {
            result.outcome = .startedWithArgument
            return result
        }
        let kind = PaneRules.agentKind(command: target.arguments) ?? ""
        let rules = PaneRules.loaded(environment: tmux.environment)
        do {
            try waitUntilReady(started.pane, window: started.window, tap: tap, kind: kind, rules: rules)
            // The long form is several lines: only an agent that takes a multi-line paste as one
            // prompt gets it (a REPL submits each line, a one-line input keeps the first).
            var text = target.text
            if target.longForm && !(rules.takesMultiLineInput(kind: kind) && tap?.bracketedPaste() == true) {
                text = target.shortText
                result.longForm = false
                result.note = "the short form, since \(kind.isEmpty ? "this agent" : TerminalText.sanitize(kind)) does not take a multi-line paste as one prompt"
            }
            let pasted = now()
            try paste(text, into: started.pane, buffer: "sessions-hub-\(target.agentId)")
            result.outcome = try submit(started.pane, tty: started.tty, kind: kind, rules: rules)
            // The agent's own word is the best proof: its state turns to work, or its hook says
            // the prompt was submitted. The tty check above stays the fallback.
            if result.outcome == .submitted || result.outcome == .typedNotSubmitted, agentConfirms(pane: started.pane, since: pasted) {
                result.outcome = .confirmed
            }
        } catch {
            result.outcome = .failed(error.message)
        }
        result.at = now()
        return result
    }

    /// Within a few seconds: Claude Code's state file for `pane` leaves idle, or a hook from that pane
    /// reports a submitted prompt (or work) after `since`.
    func agentConfirms(pane: String, since: Date, within seconds: TimeInterval = 3) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            let signals = AgentSignals.read(environment: tmux.environment)
            if signals.claude.contains(where: { $0.running && $0.state.pane == pane && ($0.state.status.map { $0 != "idle" } ?? false) && ($0.state.updatedAt ?? .distantPast) >= since.addingTimeInterval(-1) }) { return true }
            if signals.hooks.contains(where: { $0.pane == pane && $0.at >= since.addingTimeInterval(-1) && ($0.event == "UserPromptSubmit" || $0.state == .working) }) { return true }
            // An agent that says nothing of itself (no state file, no hook from its pane): no wait.
            guard signals.claude.contains(where: { $0.state.pane == pane }) || signals.hooks.contains(where: { $0.pane == pane }) else { return false }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        return false
    }

    /// Text to an agent already at work in `pane` (`send`, an answer typed on the screen): the same
    /// bracketed paste, Enter and proof as a dispatch.
    public func send(_ text: String, to pane: String, agentId: String, sessionPath: String, now: () -> Date = Date.init) -> DispatchResult {
        var result = DispatchResult(sessionPath: sessionPath, agentId: agentId, pane: pane, window: nil, outcome: .failed("not sent"), at: now(), longForm: false)
        do throws(TmuxClient.Failure) {
            let tty = try tmux.run(["display-message", "-p", "-t", pane, "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !tty.isEmpty else { throw TmuxClient.Failure(message: "the pane \(pane) is gone") }
            try paste(TerminalText.sanitize(text, keepNewlines: true), into: pane, buffer: "sessions-hub-send")
            result.outcome = try submit(pane, tty: tty, kind: nil, rules: nil)
        } catch {
            result.outcome = .failed(error.message)
        }
        result.at = now()
        return result
    }

    /// tmux key names (`1`, `Enter`, `Escape`, `y`, `C-c`) to an agent's pane, each as its own key,
    /// each checked: a key the agent took changes the bottom of its pane, where prompts are.
    /// Claude Code ignores keys for a few seconds after a permission prompt appears (against typing
    /// ahead into it: seen here, 2.1.332), so a key that changed nothing there is pressed again, up
    /// to four times 1.5 s apart — safe, since a prompt that did not move did not take it. If it
    /// never moves, that is said (`false`).
    @discardableResult
    public func sendKeys(_ keys: [String], to pane: String) throws(TmuxClient.Failure) -> Bool {
        var taken = true
        for key in keys {
            guard Dispatcher.isKeyName(key) else { throw TmuxClient.Failure(message: "\(Quote.short(key)) is not a key name (e.g. 1, y, Enter, Escape, Up, C-c)") }
            // The prompt drawn whole first (an agent's state can say "waiting" while it is drawing).
            let before = Dispatcher.promptArea(try watch(pane, for: 2, until: Dispatcher.quiet(for: 0.3)).screen)
            var moved = false
            for _ in 0..<4 where !moved {
                try tmux.run(["send-keys", "-t", pane, key])
                moved = try watch(pane, for: 1.5, until: { Dispatcher.promptArea($0) != before }).met
            }
            taken = taken && moved
        }
        return taken
    }

    /// The last lines with text on a pane (its cursor position left out): where an agent's prompt
    /// or question is, and what answering it changes.
    static func promptArea(_ look: String) -> [Substring] {
        let screen = look.split(separator: "\n@", maxSplits: 1, omittingEmptySubsequences: false).first ?? Substring(look)
        return Array(screen.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.suffix(8))
    }

    /// A tmux key name: letters, digits and `-`, at most 16 characters (never text to type).
    public static func isKeyName(_ key: String) -> Bool {
        !key.isEmpty && key.count <= 16 && key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }

    /// A new window (or pane) running the agent's command directly (never through a shell: with a
    /// tap, behind its fixed start gate; else `env` makes tmux exec a lone word instead of handing
    /// it to `sh -c`). tmux expands formats in `-n` and `-c`, and both hold the workspace's names:
    /// every `#` is doubled so `#(…)` stays text.
    func open(_ target: DispatchTarget, tap: OutputTap? = nil) throws(TmuxClient.Failure) -> (pane: String, window: String, tty: String) {
        // Spaces, not tabs: a tmux server started without a UTF-8 locale (as one started over ssh
        // is) prints a tab as `_`; a pane id, a window index and a tty path never hold a space.
        let format = "#{pane_id} #{window_index} #{pane_tty}"
        var arguments: [String]
        if settings.place == .pane {
            arguments = ["split-window", "-d", "-P", "-F", format, "-c", HostileNames.tmuxLiteral(target.directory)]
            if let pane = splitPane { arguments += ["-t", pane] } else if let tmuxSession { arguments += ["-t", tmuxSession + ":"] }
        } else {
            arguments = ["new-window", "-d", "-P", "-F", format, "-n", HostileNames.tmuxLiteral(target.windowName), "-c", HostileNames.tmuxLiteral(target.directory)]
            if let tmuxSession { arguments += ["-t", tmuxSession + ":"] }
        }
        // `-e` values are not formats (checked with tmux 3.3a): they reach the agent as written.
        for (key, value) in target.environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        let env = ToolRunner.which("env", environment: tmux.environment) ?? "/usr/bin/env"
        arguments += ["--"] + (tap?.gated(target.arguments, environment: tmux.environment) ?? [env] + target.arguments)
        let output = try tmux.run(arguments).trimmingCharacters(in: .whitespacesAndNewlines)
        let fields = output.split(separator: " ").map(String.init)
        guard fields.count == 3 else { throw TmuxClient.Failure(message: "tmux did not say which pane it opened (\(TerminalText.sanitize(output)))") }
        if let tap {
            try tap.attach(to: fields[0], tmux: tmux)
            try tap.open()
        }
        return (fields[0], fields[1], fields[2])
    }

    /// Waits (up to `ready_timeout_seconds`) until the pane is quiet and `Readiness` says the agent
    /// is ready; a question on its screen, or never asking for input, is said and nothing is typed.
    func waitUntilReady(_ pane: String, window: String, tap: OutputTap?, kind: String, rules: PaneRules) throws(TmuxClient.Failure) {
        let pattern = settings.readyPattern.flatMap { try? Regex($0) }
        let quiet = Dispatcher.quiet(for: settings.quietPeriod)
        var verdict = Readiness.Verdict.notYet
        _ = try watch(pane, for: settings.readyTimeout) { screen in
            guard quiet(screen) else { return false }
            let look = Readiness.Look(screen: screen, beforeCursor: tmux.beforeCursor(pane, look: screen) ?? "", bracketedPaste: tap?.bracketedPaste())
            verdict = Readiness.judge(look, kind: kind, rules: rules, readyPattern: pattern)
            return verdict != .notYet
        }
        switch verdict {
        case .ready:
            return
        case .asks(let question):
            // A paste would answer the question (or vanish into it): the person answers it first.
            let asked = question.hasPrefix("whether ") ? question : "“\(question)”"
            throw TmuxClient.Failure(message: "the agent is asking \(asked): answer it in window \(window), then dispatch again")
        case .notYet:
            throw TmuxClient.Failure(message: pattern == nil
                ? "the agent did not ask for input within \(Int(settings.readyTimeout)) s (no bracketed paste, no prompt it is known by); nothing was typed — see window \(window)"
                : "the agent did not show its ready pattern within \(Int(settings.readyTimeout)) s (dispatch.ready_pattern); nothing was typed — see window \(window)")
        }
    }

    /// Looks at the pane every tenth of a second until `done` holds or `seconds` have passed: the
    /// last look, and whether `done` held.
    func watch(_ pane: String, for seconds: TimeInterval, until done: (String) -> Bool) throws(TmuxClient.Failure) -> (screen: String, met: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = try look(pane)
        if done(screen) { return (screen, true) }
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            screen = try look(pane)
            if done(screen) { return (screen, true) }
        }
        return (screen, false)
    }

    /// A test that holds once the pane has shown the same thing for `period`.
    static func quiet(for period: TimeInterval) -> (String) -> Bool {
        var last: String?
        var since = Date()
        return { screen in
            if screen != last {
                last = screen
                since = Date()
                return false
            }
            return Date().timeIntervalSince(since) >= period
        }
    }

    /// The trust questions agents ask on a first run in a folder (Claude Code, Gemini CLI, Codex).
    public static func asksForTrust(_ screen: String) -> Bool {
        let lower = screen.lowercased()
        return ["do you trust", "trust the files", "trust this folder", "trust this directory", "allow codex to work in this folder"].contains { lower.contains($0) }
    }

    func look(_ pane: String) throws(TmuxClient.Failure) -> String {
        do { return try tmux.look(pane) } catch {
            throw TmuxClient.Failure(message: "the agent's pane closed (its command exited or could not start: check [dispatch] command)")
        }
    }

    /// Bracketed paste (`paste-buffer -p`): an agent that asked for it gets the text as one paste,
    /// newlines included, and nothing is submitted until Enter. `-r` keeps newlines as LF: tmux's
    /// default turns them into CR, which is Enter to an agent that did not ask for bracketed paste.
    func paste(_ text: String, into pane: String, buffer: String) throws(TmuxClient.Failure) {
        try tmux.run(["load-buffer", "-b", buffer, "-"], input: Array(text.utf8))
        try tmux.run(["paste-buffer", "-p", "-r", "-d", "-b", buffer, "-t", pane])
    }

    /// Enter, then proof: the agent read it (nothing left in the pane's input queue) and the pane
    /// moved. Enter again only when the first was read and nothing moved (an agent that took the
    /// Enter as part of the paste); an unread Enter is never doubled — once read, both would submit.
    /// A `refused` rule on the settled screen says the agent turned the text down.
    func submit(_ pane: String, tty: String, kind: String?, rules: PaneRules?) throws(TmuxClient.Failure) -> DispatchResult.Outcome {
        // Let the paste land before Enter: the agent draws it, or it sits echoed in the input line.
        let typed = try watch(pane, for: 1, until: Dispatcher.quiet(for: 0.1)).screen
        for _ in 0..<2 {
            try tmux.run(["send-keys", "-t", pane, "Enter"])
            guard try watch(pane, for: 3, until: { _ in hub_tty_pending_input(tty) <= 0 }).met else { return .typedNotSubmitted }
            guard try watch(pane, for: 2, until: { $0 != typed }).met else { continue }
            if let kind, let rules {
                let settled = try watch(pane, for: 1, until: Dispatcher.quiet(for: 0.2)).screen
                if let why = rules.refusal(settled, kind: kind) { return .refused(why) }
            }
            return .submitted
        }
        return .typedNotSubmitted
    }
}
