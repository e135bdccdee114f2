import HubCore

/// Dialogs drawn over the panes: help (from the keymap, so it cannot lie) and the problems list.
enum Overlays {
    static func draw(_ canvas: inout Canvas, _ state: AppState, keymap: Keymap) {
        guard let overlay = state.overlay else { return }
        switch overlay {
        case .help(let scroll):
            let width = min(canvas.width - 4, 90) - 4
            let lines = helpLines(keymap, width: width) + [[("", .text)]] + keyed("mouse", "click selects a row or an agent; the wheel scrolls", width: width)
                + keyed("@name rows", "another machine's (remotes in the config): S a A d D m M z x u run there, through its hub; Enter reads its agents; g opens an agent's pane here over ssh; /@name shows only that machine", width: width)
                + legendLines(state.glyphs, width: width)
            drawDialog(&canvas, state, title: "Keys", lines: lines, scroll: scroll, footer: keymap.footer([(.moveUp, "scroll"), (.back, "close")]))
        case .problems(let scroll):
            var lines: [[(String, StyleRole)]] = []
            if state.snapshot.problems.isEmpty {
                lines.append([("No problems: every file read cleanly.", .complete)])
            }
            for problem in state.snapshot.problems {
                lines.append([("! ", .error), (problem.path, .accent)])
                lines.append([("  " + problem.message, .text)])
            }
            drawDialog(&canvas, state, title: "Problems (\(state.snapshot.problems.count))", lines: lines, scroll: scroll, footer: keymap.footer([(.moveUp, "scroll"), (.back, "close")]))
        case .confirmStart(let plan):
            drawDialog(&canvas, state, title: plan.phase > 1 ? "Start phase \(plan.phase)?" : "Start a session?", lines: Dialogs.confirmLines(plan, glyphs: state.glyphs), scroll: 0, footer: Confirmation.footer("create", keymap: keymap))
        case .pickAgents(_, let candidates, let chosen, let cursor):
            drawDialog(&canvas, state, title: "Choose the agents", lines: Dialogs.pickLines(candidates, chosen: chosen, cursor: cursor), scroll: max(0, cursor - 12), footer: ["\(keymap.keyNames(for: .toggleChoice, in: .picker)) choose", "\(keymap.keyNames(for: .chooseAll, in: .picker)) all",
                               "\(keymap.keyNames(for: .confirm, in: .picker)) continue", "\(keymap.keyNames(for: .cancel, in: .picker)) cancel"].joined(separator: "  "))
        case .confirmArchive(let plan):
            var lines: [[(String, StyleRole)]] = []
            for move in plan.moves {
                lines.append([("Move  ", .muted), (TerminalText.sanitize(move.displayFrom) + "/", .text)])
                lines.append([("to    ", .muted), (TerminalText.sanitize(move.displayTo) + "/", .accent)])
            }
            lines.append([("", .text)])
            let they = plan.moves.count > 1 ? "They stay readable (status --json lists them as archived), leave this list, and U brings each back; the timeline shows them greyed."
                : "It stays readable (status --json lists it as archived), leaves this list, and U brings it back."
            lines.append([(plan.restores ? "It comes back to the list as it was." : they, .muted)])
            for note in plan.notes { lines.append([("· " + TerminalText.sanitize(note), .muted)]) }
            for warning in plan.warnings { lines.append([(state.glyphs.warning + " " + TerminalText.sanitize(warning), .warning)]) }
            drawDialog(&canvas, state, title: (plan.restores ? "Restore " : "Archive ") + "\(plan.what)?", lines: lines, scroll: 0,
                       footer: Confirmation.footer(plan.restores ? "restore" : "archive", keymap: keymap, defaultsToNo: !plan.warnings.isEmpty))
        case .confirmRemote(let call):
            var lines: [[(String, StyleRole)]] = [
                [("Runs ", .muted), (call.tool, .accent), (" on ", .muted), ("@" + TerminalText.sanitize(call.remote), .accent),
                 (": its hub does it there, as its own screen would.", .muted)],
                [("", .text)],
            ]
            for member in call.arguments.objectValue?.members ?? [] {
                let value = member.value
                let text = value.stringValue ?? value.arrayValue.map { $0.compactMap { $0.stringValue }.joined(separator: ", ") } ?? JSONPrinter.compact(value)
                lines.append([(TextFit.pad(member.key, 14), .muted), (TerminalText.sanitize(text), .text)])
            }
            drawDialog(&canvas, state, title: TerminalText.sanitize(call.what) + "?", lines: lines, scroll: 0, footer: Confirmation.footer("run", keymap: keymap))
        case .confirmClose(let close):
            var lines: [[(String, StyleRole)]] = [
                [("Every agent is complete; the file still says otherwise.", .muted)],
                [("", .text)],
                [("File    ", .muted), (TerminalText.sanitize(close.file), .text)],
            ]
            if close.writesStatus { lines.append([("Status  ", .muted), (TerminalText.sanitize(close.oldStatus ?? "(none)"), .text), ("  →  ", .muted), ("complete", .accent)]) }
            for phase in close.phases {
                lines.append([("Phase   ", .muted), (TerminalText.sanitize(phase.key) + " ", .text), (TerminalText.sanitize(phase.old ?? "(none)"), .text), ("  →  ", .muted), ("complete", .accent)])
            }
            lines.append([("", .text)])
            lines.append([("Locked and in place: only these values change (and completed_at where missing).", .muted)])
            drawDialog(&canvas, state, title: "Close \(TerminalText.sanitize(WorkspacePaths.lastComponent(close.sessionPath)))?", lines: lines, scroll: 0,
                       footer: Confirmation.footer("write", keymap: keymap))
        case .confirmCopy(let request):
            let lines: [[(String, StyleRole)]] = [
                [(state.glyphs.warning + " " + TerminalText.sanitize(request.warning ?? ""), .warning)],
                [("", .text)],
                [("The one-liner tells the agent to read it; copy it anyway (to create the file next)?", .muted)],
            ]
            drawDialog(&canvas, state, title: "Copy the \(TerminalText.sanitize(request.what))?", lines: lines, scroll: 0,
                       footer: Confirmation.footer("copy", keymap: keymap, defaultsToNo: true))
        case .confirmMark(let ask):
            let session = ask.snapshot.session(at: ask.sessionPath)
            let agent = session?.everyone.first { $0.agentId == ask.agent }
            let word: String
            if case .mark(let w) = ask.request { word = w } else { word = "?" }
            var lines: [[(String, StyleRole)]] = [
                [("Agent   ", .muted), (TerminalText.sanitize(ask.agent ?? ""), .accent), ("  in " + TerminalText.sanitize(session?.name ?? ask.sessionPath), .muted)],
                [("Status  ", .muted), (TerminalText.sanitize(agent?.status.word ?? "none"), .text), ("  →  ", .muted), (word, .accent)],
            ]
            if let agent, let done = agent.tasksDone, let total = agent.tasksTotal {
                lines.append([("Tasks   ", .muted), ("\(done)/\(total)", done < total ? .warning : .text)])
            }
            if let agent, agent.outputFile != nil {
                lines.append([("Output  ", .muted), (agent.outputExists ? "found" : "missing", agent.outputExists ? .text : .warning)])
            }
            lines.append([("", .text)])
            lines.append([("Written as set-status does (locked; only that value). u undoes it.", .muted)])
            drawDialog(&canvas, state, title: "Mark \(TerminalText.sanitize(ask.agent ?? "")) \(word)?", lines: lines, scroll: 0, footer: Confirmation.footer("write", keymap: keymap))
        case .confirmDispatch(let proposal):
            let width = min(canvas.width - 8, 82)
            drawDialog(&canvas, state, title: proposal.nextWave ? "Next wave ready: dispatch?" : "Dispatch?", lines: Dialogs.dispatchLines(proposal, glyphs: state.glyphs, width: width),
                       scroll: 0, footer: Confirmation.footer("dispatch", keymap: keymap))
        case .file(let view):
            FileViewer.draw(&canvas, state, view, keymap: keymap)
        case .workorders(let view):
            WorkordersPane.draw(&canvas, state, view, keymap: keymap)
        case .timeline(let cursor):
            let width = min(canvas.width - 8, 86)
            let (title, lines) = TimelineView.lines(state, width: width, cursor: cursor)
            // Keep the chosen phase in view: its line is about three per phase below the header.
            let scroll = max(0, 4 + cursor * 2 - 8)
            // The chain wraps as a paragraph; the rest is one step per line.
            let chain = lines.first.map { spans in spans.map(\.0).joined() } ?? ""
            let wrapped = TextFit.wrap(chain, width: width).map { [($0, StyleRole.accent)] }
            drawDialog(&canvas, state, title: title, lines: (chain.count > width ? wrapped : Array(lines.prefix(1))) + lines.dropFirst(), scroll: scroll, footer: keymap.footer([(.moveUp, "choose a phase"), (.open, "open it"), (.back, "close")]))
        case .newSession(let form):
            let cursor = state.glyphs == .ascii ? "_" : "▏"
            let known = state.context.settings.knownAgents(in: state.snapshot)
            var lines: [[(String, StyleRole)]] = [
                [("A session without a stub, written like one started with S.", .muted)],
                [("", .text)],
                [("Name    ", form.field == 0 ? .accent : .muted), (form.name + (form.field == 0 ? cursor : ""), .text)],
                [("Agents  ", form.field == 1 ? .accent : .muted), (form.agents + (form.field == 1 ? cursor : ""), .text)],
            ]
            if !known.isEmpty {
                lines.append([("", .text)])
                lines += TextFit.wrap("known agents: " + known.joined(separator: " "), width: min(canvas.width - 8, 82)).map { [($0, StyleRole.muted)] }
            }
            drawDialog(&canvas, state, title: "New ad-hoc session", lines: lines, scroll: 0, footer: "Tab next field   Enter continue   Esc cancel")
        case .alreadyStarted(let stubPath, let sessionPath):
            let name = state.snapshot.stubs.index(ofPath: stubPath).map { state.snapshot.stubs[$0].featureName } ?? stubPath
            let lines: [[(String, StyleRole)]] = [
                [(TerminalText.sanitize(name) + " already has a session:", .text)],
                [("  " + sessionPath + "/", .accent)],
                [("", .text)],
                [("Enter opens it. + starts another phase 1 beside it (a new folder, a new workorder id).", .muted)],
                [("To go on with the next phase, open it and press a.", .muted)],
            ]
            drawDialog(&canvas, state, title: "Already started", lines: lines, scroll: 0, footer: "\(keymap.keyNames(for: .confirm, in: .dialog)) open   \(keymap.keyNames(for: .startAnother, in: .dialog)) start another   \(keymap.keyNames(for: .cancel, in: .dialog)) cancel")
        case .answer(let ask):
            let width = min(canvas.width - 8, 82)
            var lines: [[(String, StyleRole)]] = []
            if let asks = ask.asks { lines.append([("It asks: ", .muted), (TerminalText.sanitize(asks), .warning)]) }
            if ask.isReply {
                let cursor = state.glyphs == .ascii ? "_" : "▏"
                lines.append([("", .text)])
                lines += TextFit.wrap("> " + ask.text + cursor, width: width).map { [($0, StyleRole.text)] }
                lines.append([("", .text)])
                lines.append([("Pasted into its pane (tmux \(ask.pane)) and submitted, as a dispatch is.", .muted)])
            } else {
                lines.append([("Press ", .muted), (ask.keys.joined(separator: " "), .accent), (" in its pane (tmux \(ask.pane)).", .muted)])
                lines.append([("", .text)])
                lines += TextFit.wrap("In Claude Code's permission prompt 1 is Yes; read the choices in the agent's detail (Enter) or its window (g).", width: width).map { [($0, StyleRole.muted)] }
            }
            drawDialog(&canvas, state, title: (ask.isReply ? "Reply to " : "Answer ") + TerminalText.sanitize(ask.agentId) + "?", lines: lines, scroll: 0,
                       footer: ask.isReply ? "type the reply   Enter send   Esc cancel" : Confirmation.footer("send", keymap: keymap))
        case .agentDetail(let view):
            let width = min(canvas.width - 8, 86)
            drawDialog(&canvas, state, title: "Agent " + TerminalText.sanitize(view.agentId), lines: AgentDetail.lines(state, view, width: width), scroll: view.scroll, footer: keymap.footer([(.moveUp, "scroll"), (.edit, "edit output"), (.back, "close")]))
        case .error(let message):
            let lines = TextFit.wrap(message, width: min(canvas.width - 8, 82)).map { [($0, StyleRole.error)] }
            drawDialog(&canvas, state, title: "Nothing was changed", lines: lines, scroll: 0, footer: "Enter close")
        }
    }

    /// One entry per binding, its text wrapped under itself (never cut).
    /// Every binding, the list's first, then each scope under its heading (dialogs, picker, viewer).
    static func helpLines(_ keymap: Keymap, width: Int = 86) -> [[(String, StyleRole)]] {
        KeyScope.allCases.flatMap { scope -> [[(String, StyleRole)]] in
            let bindings = keymap.bindings.filter { $0.scope == scope }
            guard !bindings.isEmpty else { return [] }
            let heading: [[(String, StyleRole)]] = scope == .list ? [] : [[("", .text)], [(scope.title, .header)]]
            return heading + bindings.flatMap { binding in
                keyed(binding.keys.map(\.description).joined(separator: " "), binding.help + "  [" + binding.command.configName + "]", width: width)
            }
        }
    }

    /// A name (keys, a glyph, a column) and its meaning wrapped beside it; on a narrow dialog the
    /// name goes on its own line and the meaning below it, so neither is squeezed to a few letters.
    static func keyed(_ name: String, _ meaning: String, width: Int) -> [[(String, StyleRole)]] {
        let column = 18
        if width < 50 {
            return [[(name, .key)]] + TextFit.wrap(meaning, width: max(10, width - 2)).map { [("  " + $0, .text)] }
        }
        return TextFit.wrap(meaning, width: max(10, width - column)).enumerated().map { index, line in
            [(TextFit.pad(index == 0 ? name : "", column), .key), (line, .text)]
        }
    }

    /// What the glyphs and columns mean.
    static func legendLines(_ glyphs: Glyphs, width: Int) -> [[(String, StyleRole)]] {
        var lines: [[(String, StyleRole)]] = [[("", .text)], [("Glyphs and columns", .header)]]
        let statuses: [(StatusBucket, String)] = [(.complete, "complete"), (.inProgress, "in progress"), (.notStarted, "not started"),
                                                   (.blocked, "blocked"), (.failed, "failed"), (.cancelled, "cancelled"), (.other, "a word the hub does not know")]
        lines.append(statuses.flatMap { [(glyphs.status($0.0) + " ", StyleRole.bucket($0.0)), ($0.1 + "   ", StyleRole.text)] })
        let entries: [(String, String)] = [
            (glyphs.orchestrator, "the orchestrator"), (glyphs.warning, "needs a look: stale, unverified, not picked up, breaking changes"),
            ("NEEDS YOU", "sessions with an agent waiting for you, failed, blocked, exited or idle without reporting, two files that disagree, work done but not reported, a stale agent, a hand-off not picked up, a completion its evidence does not back, an unreadable file, the next wave ready, or a phase ready to advance — worst first, one row each"),
            ("AG", "agents the stub names (without the orchestrator)"),
            ("SESSION", "the latest session: p2 = phase 2, 1/4 = agents complete; or its worst state"),
            ("AGE", "since the agent's own files or times last changed (– when nothing tells)"),
            ("OUTPUT / TASKS", "its output file found or missing; tasks done of all"),
            ("NOTE", "a blocked or failed agent's note; what the evidence says; waiting on X (depends_on); → window N, the dispatch and its outcome; the hand-off"),
            ("Workorders", "under the agents: the plans they made (w lists every one; t shows a feature's timeline)"),
        ]
        for (name, meaning) in entries { lines += keyed(name, meaning, width: width) }
        return lines
    }

    static func drawDialog(_ canvas: inout Canvas, _ state: AppState, title: String, lines: [[(String, StyleRole)]], scroll: Int, footer: String) {
        let width = min(canvas.width - 4, 90)
        let height = min(canvas.height - 2, lines.count + 4)
        guard width >= 10, height >= 4 else { return }
        let rect = Rect(x: (canvas.width - width) / 2, y: max(0, (canvas.height - height) / 2), width: width, height: height)
        canvas.fill(rect, role: .overlay)
        Box.draw(&canvas, rect, title: title, focused: true, glyphs: state.glyphs)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 3)
        let maxScroll = max(0, lines.count - inner.height)
        let top = min(scroll, maxScroll)
        var writer = LineWriter(canvas: canvas, area: inner, glyphs: state.glyphs)
        for line in lines.dropFirst(top).prefix(inner.height) { writer.line(line) }
        canvas = writer.canvas
        Cells.text(&canvas, footer, x: inner.x, y: rect.maxY - 2, width: inner.width, role: .muted, glyphs: state.glyphs)
        Box.scrollMarks(&canvas, rect, above: top > 0, below: top < maxScroll, glyphs: state.glyphs)
    }
}
