import HubCore

/// The left pane: stubs and sessions, grouped (ListModel), with a column header.
enum ListPane {
    static func draw(_ canvas: inout Canvas, _ state: AppState, layout: ScreenLayout) {
        let glyphs = state.glyphs
        var title = "Stubs \(state.snapshot.activeStubCount) · Sessions \(state.snapshot.activeSessionCount)"
        if !state.filter.isEmpty { title += " · /" + state.filter }
        Box.draw(&canvas, layout.listBox, title: title, focused: state.focus == .list && state.overlay == nil, glyphs: glyphs)
        let inner = layout.listBox.inset(1)
        guard inner.width > 0, inner.height > 0 else { return }
        let columns = Columns(width: inner.width)
        var header = TextFit.pad("  FEATURE / SESSION", columns.name + 2)
        if columns.showPriority { header += " PRIO" }
        header += " AG"
        if columns.badge > 0 { header += " " + TextFit.pad("SESSION", columns.badge) }
        Cells.text(&canvas, header, x: inner.x, y: inner.y, width: inner.width, role: .muted, glyphs: glyphs)

        let area = layout.listRows
        if state.list.rows.isEmpty && !state.filter.isEmpty {
            Cells.text(&canvas, "Nothing matches /\(state.filter)", x: area.x + 1, y: area.y, width: area.width - 1, role: .muted, glyphs: glyphs)
            Cells.text(&canvas, "Esc clears the filter", x: area.x + 1, y: area.y + 1, width: area.width - 1, role: .muted, glyphs: glyphs)
            return
        }
        if state.list.rows.isEmpty {
            Cells.text(&canvas, "No stubs or sessions here yet.", x: area.x + 1, y: area.y, width: area.width - 1, role: .muted, glyphs: glyphs)
            Cells.text(&canvas, "Stubs live in coderef/working/<feature>/stub.json", x: area.x + 1, y: area.y + 1, width: area.width - 1, role: .muted, glyphs: glyphs)
            return
        }
        for line in 0..<area.height {
            let index = state.listScroll + line
            guard state.list.rows.indices.contains(index) else { break }
            let y = area.y + line
            let selected = index == state.selectedRow
            drawRow(&canvas, state, state.list.rows[index], x: area.x, y: y, columns: columns)
            if selected {
                canvas.paint(Rect(x: area.x, y: y, width: area.width, height: 1), role: state.focus == .list && state.overlay == nil ? .selection : .selectionDim)
            }
        }
        Box.scrollMarks(&canvas, layout.listBox, above: state.listScroll > 0, below: state.listScroll + area.height < state.list.rows.count, glyphs: glyphs)
    }

    /// Column widths for a pane width: name takes what is left.
    struct Columns {
        let width: Int
        var showPriority: Bool { width >= 36 }
        var badge: Int { width >= 44 ? 10 : 0 }
        var name: Int { max(4, width - 2 - (showPriority ? 5 : 0) - 3 - (badge > 0 ? badge + 1 : 0)) }
    }

    static func drawRow(_ canvas: inout Canvas, _ state: AppState, _ row: ListRow, x: Int, y: Int, columns: Columns) {
        let glyphs = state.glyphs
        switch row {
        case .header(let title, let count):
            Cells.text(&canvas, "\(title) (\(count))", x: x, y: y, width: columns.width, role: .header, glyphs: glyphs)
        case .remote(let remote, let item):
            drawRemoteRow(&canvas, state, remote: remote, item: item, x: x, y: y, columns: columns)
        case .attention(let index):
            let session = state.snapshot.sessions[index]
            // Held in NEEDS YOU while keys arrive (AppState.holdOrder) though it needs nothing now:
            // drawn as its ordinary row until the list takes its new order.
            guard let item = state.board.worst(session.path) else { return drawRow(&canvas, state, .session(index, depth: 0), x: x, y: y, columns: columns) }
            let mark = ListPane.mark(item.reason, glyphs: glyphs)
            canvas.put(mark.glyph, x: x, y: y, role: mark.role)
            let nameWidth = min(max(8, columns.width / 2 - 2), DisplayWidth.of(session.name) + 1)
            Cells.text(&canvas, session.name, x: x + 2, y: y, width: nameWidth, role: .text, glyphs: glyphs)
            var detail = item.reason.word
            if let agent = item.agent { detail += " " + agent }
            if let note = item.note { detail += ": " + note }
            let more = (state.board.bySession[session.path]?.count ?? 1) - 1
            if more > 0 { detail += " (+\(more))" }
            let start = x + 2 + nameWidth + 1
            Cells.text(&canvas, TerminalText.sanitize(detail), x: start, y: y, width: max(0, x + columns.width - start), role: mark.role, glyphs: glyphs)
        case .stub(let index):
            let stub = state.snapshot.stubs[index]
            var column = x
            // A stub with sessions shows how its latest session stands (worst first), not "promoted".
            if let latest = state.sessions(of: stub).last {
                if let item = state.board.worst(latest.path), item.reason != .readyToAdvance {
                    let mark = ListPane.mark(item.reason, glyphs: glyphs)
                    canvas.put(mark.glyph, x: column, y: y, role: mark.role)
                } else {
                    canvas.put(glyphs.status(latest.derivedStatus), x: column, y: y, role: .bucket(latest.derivedStatus))
                }
            } else {
                canvas.put(glyphs.status(stub.status.bucket), x: column, y: y, role: .bucket(stub.status.bucket))
            }
            column += 2
            var nameWidth = columns.name
            if stub.breakingChanges {
                nameWidth -= 2
                canvas.put(glyphs.warning, x: column + nameWidth + 1, y: y, role: .warning)
            }
            Cells.text(&canvas, stub.featureName, x: column, y: y, width: nameWidth, role: .text, glyphs: glyphs)
            column += columns.name
            if columns.showPriority {
                let priority = shortPriority(stub.priority)
                canvas.put(TextFit.pad(priority, 4), x: column + 1, y: y, role: priorityRole(stub.priority))
                column += 5
            }
            let agents = stub.agents.count
            canvas.put(TextFit.padLeft(agents > 0 ? "\(agents)" : "-", 3), x: column, y: y, role: agents > 0 ? .text : .muted)
            column += 3
            if columns.badge > 0, let latest = state.sessions(of: stub).last {
                drawBadge(&canvas, state, latest, x: column + 1, y: y, width: columns.badge)
            }
        case .session(let index, let depth):
            let session = state.snapshot.sessions[index]
            var column = x
            if depth > 0 {
                canvas.put(glyphs.child, x: column, y: y, role: .muted)
                column += 2
            }
            canvas.put(glyphs.status(session.derivedStatus), x: column, y: y, role: .bucket(session.derivedStatus))
            column += 2
            let name = depth > 0 ? WorkspacePaths.lastComponent(session.name) : session.name
            Cells.text(&canvas, name, x: column, y: y, width: columns.name - (column - x - 2), role: .text, glyphs: glyphs)
            column = x + 2 + columns.name
            if columns.showPriority { column += 5 }
            canvas.put(TextFit.padLeft("\(session.agents.count)", 3), x: column, y: y, role: .text)
            column += 3
            if columns.badge > 0 {
                drawBadge(&canvas, state, session, x: column + 1, y: y, width: columns.badge)
            }
        }
    }

    /// The glyph and colour of a reason: failed and blocked as their status, the rest a warning sign
    /// (colour never carries the meaning alone: the word follows).
    static func mark(_ reason: AttentionReason, glyphs: Glyphs) -> (glyph: String, role: StyleRole) {
        switch reason {
        case .failed: return (glyphs.status(.failed), .failed)
        case .blocked: return (glyphs.status(.blocked), .blocked)
        case .waiting: return (glyphs.waiting, .warning)
        case .exited: return (glyphs.status(.failed), .failed)
        case .readyToAdvance: return (glyphs.status(.complete), .complete)
        default: return (glyphs.warning, .warning)
        }
    }

    /// `◐ p2 1/4`: the session's derived status, phase and agents complete — or, when it needs the
    /// person, its worst state in glyph, colour and word (`■ blocked`), never a reassuring tick.
    static func drawBadge(_ canvas: inout Canvas, _ state: AppState, _ session: Session, x: Int, y: Int, width: Int) {
        let glyphs = state.glyphs
        if let worst = state.board.worst(session.path), worst.reason != .readyToAdvance {
            let mark = mark(worst.reason, glyphs: glyphs)
            canvas.put(mark.glyph, x: x, y: y, role: mark.role)
            Cells.text(&canvas, worst.reason.word, x: x + 2, y: y, width: width - 2, role: mark.role, glyphs: glyphs)
            return
        }
        // The agents at work say so: the session's most telling activity stands in for its status glyph.
        let activity = state.snapshot.activities[session.path]?.values.min { $0.urgency < $1.urgency }
        if let activity, activity.state == .working {
            canvas.put(glyphs.working, x: x, y: y, role: .bucket(.inProgress))
        } else {
            canvas.put(glyphs.status(session.derivedStatus), x: x, y: y, role: .bucket(session.derivedStatus))
        }
        var text = "\(session.agentsComplete)/\(session.agents.count)"
        if let phase = session.phase { text = "p\(phase) " + text }
        Cells.text(&canvas, text, x: x + 2, y: y, width: width - 2, role: .muted, glyphs: glyphs)
    }

    static func shortPriority(_ priority: String?) -> String {
        guard let priority, !priority.isEmpty else { return "" }
        switch priority.lowercased() {
        case "critical": return "crit"
        case "medium": return "med"
        default: return String(priority.lowercased().prefix(4))
        }
    }

    static func priorityRole(_ priority: String?) -> StyleRole {
        switch PriorityRank.of(priority) {
        case 0: return .error
        case 1: return .warning
        default: return .muted
        }
    }
}
