import Foundation
import HubCore

/// The workorders view (`w`): a table of every plan, newest activity first, or one plan's detail.
enum WorkordersPane {
    static func draw(_ canvas: inout Canvas, _ state: AppState, _ view: WorkordersView, keymap: Keymap = .standard) {
        let glyphs = state.glyphs
        guard let rect = FullScreen.frame(&canvas, minimum: Size(width: 20, height: 5)) else { return }
        let rows = view.rows(state.snapshot, archived: state.showArchived)
        let links = view.links
        if let path = view.open, let plan = state.snapshot.workorders.first(where: { $0.path == path }) {
            Box.draw(&canvas, rect, title: "Workorder " + TerminalText.sanitize(plan.workorderId), focused: true, glyphs: glyphs)
            let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 3)
            let lines = detailLines(state, plan, links: links, width: inner.width)
            var writer = LineWriter(canvas: canvas, area: inner, glyphs: glyphs)
            for line in lines.dropFirst(min(view.detailScroll, max(0, lines.count - 1))).prefix(inner.height) { writer.line(line) }
            canvas = writer.canvas
            let file = WorkspacePaths.lastComponent(plan.path)
            Cells.text(&canvas, keymap.footer([(.moveUp, "scroll"), (.edit, "edit \(file)"), (.back, "back to the list")]), x: inner.x, y: rect.maxY - 2, width: inner.width, role: .muted, glyphs: glyphs)
            return
        }
        let title = "Workorders \(rows.count)" + (rows.count == state.snapshot.workorders.count ? "" : " of \(state.snapshot.workorders.count)") + (view.filter.isEmpty ? "" : " · /" + view.filter)
        Box.draw(&canvas, rect, title: title, focused: true, glyphs: glyphs)
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 3)
        let idWidth = min(34, max(12, rows.map { DisplayWidth.of($0.workorderId) }.max() ?? 12))
        let projectWidth = inner.width >= 90 ? 18 : 0
        // Glyph, id, project, status, tasks, phase and age come first; the session takes what is left.
        let sessionWidth = max(0, inner.width - 2 - (idWidth + 1) - (projectWidth > 0 ? projectWidth + 1 : 0) - 18 - 6 - 10 - 6)
        var header = "  " + TextFit.pad("WORKORDER", idWidth) + " "
        if projectWidth > 0 { header += TextFit.pad("PROJECT", projectWidth) + " " }
        header += TextFit.pad("STATUS", 17) + " " + TextFit.padLeft("TASKS", 5) + " " + TextFit.pad("PHASE", 9) + " " + TextFit.padLeft("AGE", 5)
        if sessionWidth > 8 { header += " SESSION" }
        Cells.text(&canvas, header, x: inner.x, y: inner.y, width: inner.width, role: .muted, glyphs: glyphs)
        let area = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        if rows.isEmpty {
            let text = state.snapshot.workorders.isEmpty
                ? "No workorders found: plans live in <project>/coderef/workorder/<name>/plan.json (set [workspace] projects or --projects-dir)"
                : "Nothing matches /\(view.filter)"
            Cells.text(&canvas, text, x: area.x + 1, y: area.y, width: area.width - 1, role: .muted, glyphs: glyphs)
        }
        let top = view.cursor < area.height ? 0 : view.cursor - area.height + 1
        for line in 0..<area.height {
            let index = top + line
            guard rows.indices.contains(index) else { break }
            let plan = rows[index]
            let y = area.y + line
            var x = area.x
            let bucket = plan.status.bucket
            if !plan.blockers.isEmpty {
                canvas.put(glyphs.status(.blocked), x: x, y: y, role: .bucket(.blocked))
            } else if plan.unverified != nil || plan.disagreement != nil {
                canvas.put(glyphs.warning, x: x, y: y, role: .warning)
            } else {
                canvas.put(glyphs.status(bucket), x: x, y: y, role: .bucket(bucket))
            }
            x += 2
            Cells.text(&canvas, plan.workorderId, x: x, y: y, width: idWidth, role: .text, glyphs: glyphs)
            x += idWidth + 1
            if projectWidth > 0 {
                Cells.text(&canvas, plan.project ?? "(workspace)", x: x, y: y, width: projectWidth, role: .muted, glyphs: glyphs)
                x += projectWidth + 1
            }
            Cells.text(&canvas, plan.status.word ?? "–", x: x, y: y, width: 17, role: .bucket(bucket), glyphs: glyphs)
            x += 18
            let tasks = plan.tasksTotal.map { total in plan.tasksDone.map { "\($0)/\(total)" } ?? "\(total)t" } ?? ""
            canvas.put(TextFit.padLeft(tasks, 5), x: x, y: y, role: .text)
            x += 6
            Cells.text(&canvas, plan.currentPhase.map { "phase \($0)" } ?? "", x: x, y: y, width: 9, role: .muted, glyphs: glyphs)
            x += 10
            canvas.put(TextFit.padLeft(plan.modified.map { Cells.age(from: $0, now: state.now) } ?? "", 5), x: x, y: y, role: .muted)
            x += 6
            if sessionWidth > 8, let session = links.session[plan.path] {
                Cells.text(&canvas, WorkspacePaths.lastComponent(session), x: x, y: y, width: sessionWidth, role: .accent, glyphs: glyphs)
            }
            if index == view.cursor { canvas.paint(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selection) }
        }
        let footer = view.typing ? "/" + view.filter + (glyphs == .ascii ? "_" : "▏") + "   Enter keep  Esc clear"
            : keymap.footer([(.moveUp, "move"), (.open, "open"), (.filter, "filter"), (.back, "close")]) + "   newest activity first"
        Cells.text(&canvas, footer, x: inner.x, y: rect.maxY - 2, width: inner.width, role: .muted, glyphs: glyphs)
    }

    static func detailLines(_ state: AppState, _ plan: Workorder, links: WorkorderLinks, width: Int) -> [[(String, StyleRole)]] {
        let glyphs = state.glyphs
        func clean(_ text: String) -> String { TerminalText.sanitize(text) }
        let bucket = plan.status.bucket
        var lines: [[(String, StyleRole)]] = [
            [("Status    ", .muted), (glyphs.status(bucket) + " " + clean(plan.status.word ?? "none written"), .bucket(bucket))]
                + (plan.unverified.map { [("   " + glyphs.warning + " unverified: " + clean($0), StyleRole.warning)] } ?? []),
            [(plan.path.hasSuffix("/plan.json") || plan.path == "plan.json" ? "Plan      " : "File      ", .muted), (clean(plan.path), .text)],
            [("Project   ", .muted), (clean(plan.project ?? "the workspace"), .text)],
        ]
        if let feature = plan.featureName { lines.append([("Feature   ", .muted), (clean(feature), .text)]) }
        if let communication = plan.communicationFile, communication != plan.path { lines.append([("State     ", .muted), (clean(communication), .text)]) }
        for blocker in plan.blockers { lines.append([("Blocked   ", .bucket(.blocked)), (clean(blocker), .text)]) }
        if let disagreement = plan.disagreement { lines.append([("Files     ", .muted), (glyphs.warning + " " + clean(disagreement), .warning)]) }
        if let handoff = plan.handoff { lines.append([("Hand-off  ", .muted), (clean(handoff), .text)]) }
        for (index, file) in plan.handoffFiles.reversed().prefix(3).enumerated() {
            let facts = [file.status, file.at].compactMap { $0 }.joined(separator: ", ")
            lines.append([(index == 0 ? "Hand-offs " : "          ", .muted), (clean(file.file), .accent),
                          (clean("  " + file.text + (facts.isEmpty ? "" : " (\(facts))")), .text)])
        }
        if plan.handoffFiles.count > 3 { lines.append([("          ", .muted), ("and \(plan.handoffFiles.count - 3) older", .muted)]) }
        if plan.currentPhase != nil || plan.phaseStatus != nil {
            lines.append([("Phase     ", .muted), (clean([plan.currentPhase.map { "phase \($0)" }, plan.phaseStatus].compactMap { $0 }.joined(separator: " · ")), .text)])
        }
        if plan.transitions.count > 1 {
            // Newest first, a screenful at most: the commit of each step is what a reviewer looks for.
            for (index, step) in plan.transitions.reversed().prefix(8).enumerated() {
                lines.append([(index == 0 ? "Steps     " : "          ", .muted), (clean(step), .text)])
            }
            if plan.transitions.count > 8 { lines.append([("          ", .muted), ("and \(plan.transitions.count - 8) earlier", .muted)]) }
        } else if let last = plan.lastTransition { lines.append([("Last step ", .muted), (clean(last), .text)]) }
        for (index, event) in plan.lastEvents.reversed().enumerated() { lines.append([(index == 0 ? "Log       " : "          ", .muted), (clean(event), .text)]) }
        if let closed = plan.closedAt { lines.append([("Closed    ", .muted), (clean(closed), .text)]) }
        lines.append([("Session   ", .muted), (links.session[plan.path].map(clean) ?? "none linked (no agent lists it in workorders_created)", links.session[plan.path] == nil ? .muted : .accent)])
        lines.append([("Stub      ", .muted), (links.stub[plan.path].map(clean) ?? "none linked", links.stub[plan.path] == nil ? .muted : .accent)])
        if let modified = plan.modified { lines.append([("Changed   ", .muted), (Cells.age(from: modified, now: state.now) + " ago (" + Timestamp.format(modified) + ")", .text)]) }
        if let summary = plan.closeSummary {
            lines.append([("", .text)])
            lines.append([("Close summary (\(Workorder.closeSummaryFile))", .header)])
            for line in summary { lines.append([("  " + clean(line), .text)]) }
        }
        lines.append([("", .text)])
        let title = plan.tasksTotal.map { total in plan.tasksDone.map { "Tasks (\($0)/\(total) done)" } ?? "Tasks (\(total))" } ?? "Tasks"
        lines.append([(title, .header)])
        if plan.tasks.isEmpty { lines.append([("  none listed with a status", .muted)]) }
        for task in plan.tasks {
            let taskBucket = task.status.bucket
            let label = [task.id, task.description].compactMap { $0 }.map(clean).joined(separator: "  ")
            for (index, piece) in TextFit.wrap(label, width: max(10, width - 16)).enumerated() {
                lines.append([(index == 0 ? "  " + glyphs.status(taskBucket) + " " : "    ", .bucket(taskBucket)), (piece, .text),
                              (index == 0 ? (task.status.word.map { "  " + clean($0) } ?? "") : "", .muted)])
            }
        }
        return lines
    }
}
