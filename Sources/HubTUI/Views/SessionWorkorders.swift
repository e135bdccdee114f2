import HubCore

/// The session pane's workorders: under the agent rows, when there is room (all of them in `w`).
enum SessionWorkorders {
    static func draw(_ canvas: inout Canvas, _ state: AppState, _ session: Session, below rowsShown: Int, in area: Rect) {
        let free = area.height - rowsShown - 1
        guard free >= 2 else { return }
        let plans = WorkorderLinks.workorders(of: session, in: state.snapshot)
        guard !plans.isEmpty else { return }
        let glyphs = state.glyphs
        var y = area.y + rowsShown + 1
        let shown = plans.count <= free - 1 ? plans.count : free - 2
        Cells.text(&canvas, "Workorders (\(plans.count))  w lists every one", x: area.x, y: y, width: area.width, role: .header, glyphs: glyphs)
        y += 1
        for plan in plans.prefix(max(0, shown)) {
            let bucket = plan.status.bucket
            var text = plan.workorderId + "  " + (plan.status.word ?? "–")
            if let total = plan.tasksTotal { text += "  " + (plan.tasksDone.map { "\($0)/\(total)" } ?? "\(total) tasks") }
            if let phase = plan.currentPhase { text += "  phase " + phase }
            if let project = plan.project { text += "  " + project }
            canvas.put(glyphs.status(bucket), x: area.x, y: y, role: .bucket(bucket))
            Cells.text(&canvas, TerminalText.sanitize(text), x: area.x + 2, y: y, width: area.width - 2, role: .text, glyphs: glyphs)
            y += 1
        }
        if shown < plans.count {
            Cells.text(&canvas, "  … \(plans.count - shown) more (w)", x: area.x, y: y, width: area.width, role: .muted, glyphs: glyphs)
        }
    }
}
