import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub doctor`: what the hub can do here and what stands in the way — terminal, locale,
/// clipboard route, watcher, config, and the workspace's problems — each with what to do about it.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the terminal, clipboard, file watching, config and workspace, and say what to fix.",
        discussion: "Exit status: 0 when nothing blocks the hub, 1 when something does (marked ✗)."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(name: .long, help: "Remove the temporary files a killed write left behind (.<name>.hub-<pid>-<n>.tmp), and close finished sessions whose file still says otherwise (their status and phases{} entry set to complete): lists each one and asks first.")
    var fix = false

    @Flag(name: .long, help: "With --fix: remove and close without asking.")
    var yes = false

    @Flag(name: .long, help: "Print the checks and the evidence findings as one JSON object.")
    var json = false

    struct Check {
        var ok: Bool?
        var name: String
        var detail: String
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var checks: [Check] = []

        let tty = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let term = environment["TERM"] ?? ""
        checks.append(Check(ok: tty ? true : nil, name: "terminal", detail: tty ? "TERM=\(term.isEmpty ? "(unset)" : term)" : "not a terminal here (the screen needs one; status and the other commands work)"))
        // The screen's own rule (LocaleRule): what it decides, doctor says.
        let locale = LocaleRule.chosen(environment)
        if let locale, LocaleRule.allowsUTF8(environment) {
            checks.append(Check(ok: true, name: "locale", detail: locale))
        } else {
            checks.append(Check(ok: nil, name: "locale", detail: locale.map { "\($0) is not UTF-8: the screen draws borders and glyphs in ASCII" }
                                ?? "no locale set (LC_ALL, LC_CTYPE, LANG): the screen uses C.UTF-8 when it is installed, else ASCII"))
        }

        let (layout, settings) = try workspace.resolve()
        checks.append(DoctorCommand.clipboardCheck(settings, environment: environment, tty: tty))

        let folders = WatchedFolders.of(layout)
        let limit = (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_user_watches", encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let remote = Set(folders.compactMap(FilesystemKind.remote)).sorted()
        var watching = "inotify for \(folders.count) folders" + (limit.map { " (limit \($0))" } ?? "")
        if !remote.isEmpty { watching += "; polled: folders on \(remote.joined(separator: ", "))" }
        checks.append(Check(ok: (limit ?? .max) > folders.count, name: "watching", detail: (limit ?? .max) > folders.count ? watching : watching + " — raise fs.inotify.max_user_watches or use --poll"))

        let (_, configProblems) = ConfigLoader.load(root: layout.root)
        let configFiles = ConfigLoader.files(root: layout.root, environment: environment).filter { FileManager.default.fileExists(atPath: $0) }
        checks.append(Check(ok: configProblems.isEmpty, name: "config", detail: configProblems.isEmpty ? (configFiles.isEmpty ? "none (defaults)" : configFiles.joined(separator: ", ")) : configProblems.map(\.description).joined(separator: "; ")))
        let unknownPaths = settings.agentPaths.filter { !FileManager.default.fileExists(atPath: $0.value) }.map(\.key).sorted()
        if !unknownPaths.isEmpty { checks.append(Check(ok: nil, name: "agent registry", detail: "paths that do not exist here: \(unknownPaths.joined(separator: ", "))")) }

        checks.append(DoctorCommand.dispatchCheck(settings, root: layout.root, environment: environment))

        let snapshot = WorkspaceLoader(layout: layout).load()
        checks.append(Check(ok: true, name: "workspace", detail: "\(layout.root): \(snapshot.stubs.count) stubs, \(snapshot.sessions.count) sessions"))
        checks.append(Check(ok: snapshot.problems.isEmpty ? true : nil, name: "files", detail: snapshot.problems.isEmpty ? "every file read cleanly" : "\(snapshot.problems.count) problem(s): sessions-hub status lists them"))
        checks.append(try leftoversCheck(layout))
        checks.append(try finishedSessionsCheck(snapshot, layout: layout))
        // The same verdicts as the screen's NEEDS YOU group and status --json's "attention".
        let attention = Evidence.attention(snapshot, now: Date(), policy: EvidencePolicy(settings))
        if attention.isEmpty {
            checks.append(Check(ok: true, name: "agents", detail: "nothing needs you: no agent blocked, failed, stale, unverified or not picked up"))
        } else {
            var counts: [AttentionReason: Int] = [:]
            for item in attention { counts[item.reason, default: 0] += 1 }
            let summary = AttentionReason.allCases.compactMap { reason in counts[reason].map { "\($0) \(reason.word)" } }.joined(separator: ", ")
            checks.append(Check(ok: nil, name: "agents", detail: summary + " (sessions-hub status --json lists them under \"attention\")"))
        }

        // The evidence: where the workspace's files contradict themselves or each other.
        let findings = WorkspaceAudit.run(snapshot, settings: settings, layout: layout)
        let errors = findings.filter { $0.severity == .error }.count
        checks.append(Check(ok: errors > 0 ? false : (findings.isEmpty ? true : nil), name: "evidence",
                            detail: findings.isEmpty ? "the files agree with each other" : "\(errors) error(s), \(findings.count - errors) warning(s) below"))

        if json {
            let report = JSONValue.object(JSONObject([
                ("ok", .bool(!checks.contains { $0.ok == false })),
                ("checks", .array(checks.map { check in
                    .object(JSONObject([("name", .string(check.name)), ("ok", check.ok.map(JSONValue.bool) ?? .null), ("detail", .string(TerminalText.sanitize(check.detail)))]))
                })),
                ("findings", WorkspaceAudit.json(findings)),
            ]))
            Output.write(JSONPrinter.compact(report) + "\n")
        } else {
            for check in checks {
                let mark = check.ok == true ? "✓" : (check.ok == false ? "✗" : "!")
                Output.write("\(mark) \(check.name.padding(toLength: 15, withPad: " ", startingAt: 0)) \(TerminalText.sanitize(check.detail))\n")
            }
            Output.write(DoctorCommand.findingsText(findings))
        }
        if checks.contains(where: { $0.ok == false }) { throw ExitCode(1) }
    }

    static let perCheck = 10

    /// Can d/D/dispatch start agents here: tmux, the agent command on PATH, trust of the workspace's own commands.
    /// Leftovers of killed writes: only what the hub itself could have written, listed before
    /// anything is removed, and removed only when the person says so (or --yes).
    func leftoversCheck(_ layout: WorkspaceLayout) throws -> Check {
        let found = LeftoverFiles.find(layout)
        for (path, why) in found.kept {
            Output.error("note: kept \(TerminalText.sanitize(layout.display(path))): named like a leftover, but \(why)")
        }
        let leftovers = found.removable
        guard !leftovers.isEmpty else { return Check(ok: true, name: "leftovers", detail: "no temporary files left by interrupted writes") }
        guard fix else {
            return Check(ok: nil, name: "leftovers", detail: "\(leftovers.count) temporary file(s) left by interrupted writes: sessions-hub doctor --fix removes them")
        }
        try Confirm.ask("remove these \(leftovers.count) temporary file(s)?", notes: leftovers.map { "leftover: " + TerminalText.sanitize(layout.display($0)) },
                        yes: yes, flagHint: "remove them", refusal: "nothing was removed")
        let kept = LeftoverFiles.remove(leftovers, root: layout.root)
        return Check(ok: kept.isEmpty ? true : nil, name: "leftovers", detail: "removed \(leftovers.count - kept.count) temporary file(s) left by interrupted writes" + (kept.isEmpty ? "" : "; could not remove \(kept.count)"))
    }

    /// Sessions whose agents are all complete while their own file says otherwise: listed, and
    /// closed (status and phases{} entry, locked and in place) with --fix after asking.
    func finishedSessionsCheck(_ snapshot: WorkspaceSnapshot, layout: WorkspaceLayout) throws -> Check {
        let open = snapshot.sessions.compactMap(SessionCloser.plan)
        guard !open.isEmpty else { return Check(ok: true, name: "finished", detail: "every finished session says so in its file") }
        let notes = open.map { "finished: \(TerminalText.sanitize($0.sessionPath)): \(TerminalText.sanitize($0.summary))" }
        guard fix else {
            for note in notes.prefix(DoctorCommand.perCheck) { Output.error("note: \(note)") }
            return Check(ok: nil, name: "finished", detail: "\(open.count) session(s) with every agent complete still say otherwise in their file: sessions-hub doctor --fix closes them")
        }
        try Confirm.ask("close these \(open.count) session(s) in their files?", notes: notes, yes: yes, flagHint: "close them", refusal: "nothing was written")
        var failed: [String] = []
        for close in open {
            do throws(PlanFailure) { try PlannedChange.close(close).apply(root: layout.root) } catch { failed.append(error.message) }
        }
        for failure in failed { Output.error("error: \(TerminalText.sanitize(failure))") }
        return Check(ok: failed.isEmpty ? true : nil, name: "finished", detail: "closed \(open.count - failed.count) finished session(s) in their files" + (failed.isEmpty ? "" : "; \(failed.count) could not be written"))
    }

    /// The route `y` takes here, from the clipboard's own rule (`Clipboard.route`) and the configured order.
    static func clipboardCheck(_ settings: HubSettings, environment: [String: String], tty: Bool) -> Check {
        if !(environment["TMUX"] ?? "").isEmpty && ToolRunner.which("tmux", environment: environment) == nil {
            return Check(ok: false, name: "clipboard", detail: "TMUX is set but tmux is not on PATH")
        }
        let route = Clipboard.route(order: settings.clipboardOrder, environment: environment, hasTerminal: tty)
        guard let first = route.first else {
            return Check(ok: nil, name: "clipboard", detail: tty ? "no clipboard method is available here (the order in [clipboard] leaves none)"
                         : "no terminal here and no clipboard tool; on a terminal, OSC 52 would be used")
        }
        var detail = route.map(\.label).joined(separator: ", then ")
        if first == .tmux { detail += " (tmux's buffer reaches the outer terminal's clipboard)" }
        if route.contains(.osc52) {
            if !(environment["STY"] ?? "").isEmpty { detail += "; OSC 52 through GNU screen's passthrough" }
            detail += ". A terminal that ignores OSC 52 says nothing: to check, press y on an agent and paste somewhere."
                + " kitty, WezTerm, iTerm2, foot and Windows Terminal allow it; xterm needs allowWindowOps (or disallowedWindowOps without SetSelection); over SSH it works when the local terminal allows it"
        }
        return Check(ok: true, name: "clipboard", detail: detail)
    }

    static func dispatchCheck(_ settings: HubSettings, root: String, environment: [String: String]) -> Check {
        guard ToolRunner.which("tmux", environment: environment) != nil else {
            return Check(ok: nil, name: "dispatch", detail: "tmux is not installed: d/D and dispatch need it (apt-get install tmux)")
        }
        var notes: [String] = []
        let commands = [("[dispatch] command", settings.dispatch.command)] + settings.dispatch.agents.sorted { $0.key < $1.key }.compactMap { id, override in
            override.command.map { ("[agents.\(id)] command", $0) }
        }
        var missing: [String] = []
        for (name, command) in commands {
            guard let program = (try? CommandWords.split(command.text))?.first else {
                notes.append("\(name) cannot be split into words")
                continue
            }
            let found = program.contains("/") ? FileManager.default.isExecutableFile(atPath: program) : ToolRunner.which(program, environment: environment) != nil
            if !found { missing.append("\(program) (\(name))") }
        }
        let workspaceFile = TrustStore.workspaceConfig(root: root)
        let untrusted = commands.contains { $0.1.source == workspaceFile } && !(TrustStore(environment: environment)?.isTrusted(workspaceFile, digest: settings.workspaceConfigDigest) ?? false)
        if untrusted { notes.append("the workspace's .coderef/hub.toml sets agent commands and is not trusted: sessions-hub trust") }
        if !missing.isEmpty { notes.append("not on PATH: " + missing.joined(separator: ", ")) }
        let inside = !(environment["TMUX"] ?? "").isEmpty
        let summary = "agent command \(settings.dispatch.command.text)" + (inside ? "; inside tmux" : "; not inside tmux (run the screen in tmux, or dispatch --tmux-session NAME)")
        return Check(ok: notes.isEmpty ? true : nil, name: "dispatch", detail: ([summary] + notes).joined(separator: "; "))
    }

    /// The findings, errors first, each with its path and its fix.
    static func findingsText(_ findings: [AuditFinding]) -> String {
        guard !findings.isEmpty else { return "" }
        var text = "\nevidence:\n"
        // A large workspace can have thousands of the same drift: ten of each kind, then a count.
        var shown: [String: Int] = [:]
        var hidden: [(String, Int)] = []
        for finding in findings {
            let count = shown[finding.check, default: 0]
            shown[finding.check] = count + 1
            if count < perCheck {
                text += "\(finding.severity == .error ? "✗" : "!") \(finding.check): \(finding.path)\n    \(finding.message)\n    fix: \(finding.fix)\n"
            } else if count == perCheck {
                hidden.append((finding.check, 0))
            }
        }
        for (check, _) in hidden {
            text += "… \((shown[check] ?? 0) - perCheck) more \(check) (doctor --json lists every one)\n"
        }
        return text
    }
}
