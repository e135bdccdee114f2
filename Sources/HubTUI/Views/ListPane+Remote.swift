import Foundation
import HubCore

/// The far rows of the left pane: a remote's group header (`@build (12) · ok`, or how its link is
/// down), its sessions and stubs as their summary says them — muted while the link is down, since
/// they are its last good state — and its sessions in NEEDS YOU, tagged `@build`.
extension ListPane {
    static func drawRemoteRow(_ canvas: inout Canvas, _ state: AppState, remote: Int, item: RemoteItem, x: Int, y: Int, columns: Columns) {
        let glyphs = state.glyphs
        guard state.remotes.indices.contains(remote) else { return }
        let view = state.remotes[remote]
        let down = !view.reachable
        switch item {
        case .header(let count):
            let used = Cells.text(&canvas, "@\(view.name) (\(count))", x: x, y: y, width: columns.width, role: .header, glyphs: glyphs)
            let (text, role) = linkState(view, now: state.now, glyphs: glyphs)
            Cells.text(&canvas, " · " + text, x: x + used, y: y, width: columns.width - used, role: role, glyphs: glyphs)
        case .session(let index):
            guard let row = view.summary?.sessions[safe: index] else { return }
            let glyph = row.working && !down ? glyphs.working : glyphs.status(row.status)
            canvas.put(glyph, x: x, y: y, role: down ? .muted : .bucket(row.status))
            Cells.text(&canvas, row.name, x: x + 2, y: y, width: columns.name, role: down ? .muted : .text, glyphs: glyphs)
            var column = x + 2 + columns.name + (columns.showPriority ? 5 : 0)
            canvas.put(TextFit.padLeft("\(row.agentsTotal)", 3), x: column, y: y, role: down ? .muted : .text)
            column += 3
            if columns.badge > 0 {
                if let worst = view.summary?.items(of: row.path).first, let reason = worst.reason, reason != .readyToAdvance, !down {
                    let mark = mark(reason, glyphs: glyphs)
                    canvas.put(mark.glyph, x: column + 1, y: y, role: mark.role)
                    Cells.text(&canvas, reason.word, x: column + 3, y: y, width: columns.badge - 2, role: mark.role, glyphs: glyphs)
                } else {
                    canvas.put(glyphs.status(row.status), x: column + 1, y: y, role: down ? .muted : .bucket(row.status))
                    let text = (row.phase.map { "p\($0) " } ?? "") + "\(row.agentsComplete)/\(row.agentsTotal)"
                    Cells.text(&canvas, text, x: column + 3, y: y, width: columns.badge - 2, role: .muted, glyphs: glyphs)
                }
            }
        case .stub(let index):
            guard let stub = view.summary?.stubs[safe: index] else { return }
            canvas.put(glyphs.status(stub.status), x: x, y: y, role: down ? .muted : .bucket(stub.status))
            Cells.text(&canvas, stub.name, x: x + 2, y: y, width: columns.name, role: down ? .muted : .text, glyphs: glyphs)
            var column = x + 2 + columns.name
            if columns.showPriority {
                canvas.put(TextFit.pad(shortPriority(stub.priority), 4), x: column + 1, y: y, role: down ? .muted : priorityRole(stub.priority))
                column += 5
            }
            canvas.put(TextFit.padLeft(stub.agents > 0 ? "\(stub.agents)" : "-", 3), x: column, y: y, role: stub.agents > 0 && !down ? .text : .muted)
        case .attention(let index):
            guard let summary = view.summary, let entry = summary.attention[safe: index] else { return }
            let sign = entry.reason.map { mark($0, glyphs: glyphs) } ?? (glyph: glyphs.warning, role: StyleRole.warning)
            canvas.put(sign.glyph, x: x, y: y, role: down ? .muted : sign.role)
            let name = summary.sessions.first { $0.path == entry.session }?.name ?? WorkspacePaths.lastComponent(entry.session)
            let tag = "@\(view.name) "
            let tagWidth = Cells.text(&canvas, tag, x: x + 2, y: y, width: columns.width - 2, role: .accent, glyphs: glyphs)
            let nameWidth = min(max(8, columns.width / 2 - 2 - tagWidth), DisplayWidth.of(name) + 1)
            Cells.text(&canvas, name, x: x + 2 + tagWidth, y: y, width: nameWidth, role: down ? .muted : .text, glyphs: glyphs)
            var detail = entry.reason?.word ?? entry.reasonWord
            if let agent = entry.agent { detail += " " + agent }
            if let note = entry.note { detail += ": " + note }
            let more = (summary.itemsBySession[entry.session]?.count ?? 1) - 1
            if more > 0 { detail += " (+\(more))" }
            if down { detail += " (unreachable)" }
            let start = x + 2 + tagWidth + nameWidth + 1
            Cells.text(&canvas, detail, x: start, y: y, width: max(0, x + columns.width - start), role: down ? .muted : sign.role, glyphs: glyphs)
        }
    }

    /// How a remote's link stands, in words: `ok`, `2 need you`, `connecting…`, or
    /// `unreachable since 14:02 (ssh: Connection refused)`.
    static func linkState(_ view: RemoteView, now: Date, glyphs: Glyphs) -> (String, StyleRole) {
        if view.connecting { return ("connecting" + glyphs.ellipsis, .muted) }
        guard view.reachable else {
            var text = "unreachable"
            if let since = view.since { text += " since " + Timestamp.short(since) }
            if let error = view.error { text += " (\(error))" }
            return (text, .error)
        }
        let needs = view.summary?.sessionsNeedingYou ?? 0
        return needs == 0 ? ("ok", .muted) : ("\(needs) need\(needs == 1 ? "s" : "") you", .warning)
    }
}
