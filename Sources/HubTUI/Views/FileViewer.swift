import HubCore

/// The file viewer: the whole terminal but the status bar, line numbers, long lines wrapped (or run
/// on and scrolled sideways), the current search match marked.
enum FileViewer {
    static func draw(_ canvas: inout Canvas, _ state: AppState, _ view: FileView, keymap: Keymap = .standard) {
        let glyphs = state.glyphs
        guard let rect = FullScreen.frame(&canvas, minimum: Size(width: 10, height: 4)) else { return }
        Box.draw(&canvas, rect, title: TerminalText.sanitize(view.title), focused: true, glyphs: glyphs)
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 3)
        let numberWidth = max(4, String(view.lines.count).count + 1)
        let textWidth = max(1, inner.width - numberWidth - 1)
        var y = inner.y
        var index = view.scroll
        while y < inner.maxY && index < view.lines.count {
            let line = view.lines[index]
            let role: StyleRole = index == view.match ? .flash : .text
            canvas.put(TextFit.padLeft("\(index + 1)", numberWidth), x: inner.x, y: y, role: .muted)
            if view.wrap {
                // Only as many pieces as can still be shown are made.
                let pieces = TextFit.wrap(line, width: textWidth, maxLines: inner.maxY - y)
                for piece in pieces.isEmpty ? [""] : pieces {
                    Cells.text(&canvas, piece, x: inner.x + numberWidth + 1, y: y, width: textWidth, role: role, glyphs: glyphs)
                    y += 1
                    if y >= inner.maxY { break }
                }
            } else {
                let shown = TextFit.glyphs(String(line.dropFirst(view.column)), width: textWidth).map(\.text).joined()
                Cells.text(&canvas, shown, x: inner.x + numberWidth + 1, y: y, width: textWidth, role: role, glyphs: glyphs)
                y += 1
            }
            index += 1
        }
        let footer: String
        if view.typing {
            footer = "/" + view.query + (glyphs == .ascii ? "_" : "▏") + "   Enter find  Esc cancel"
        } else {
            let position = "line \(min(view.scroll + 1, max(1, view.lines.count))) of \(view.lines.count)"
            func named(_ command: Command) -> String { keymap.keyNames(for: command, in: .viewer) }
            footer = position + "   ↑↓ PgUp PgDn scroll  \(named(.search)) search" + (view.query.isEmpty ? "" : "  \(named(.nextMatch)) \(named(.previousMatch)) next/previous")
                + "  \(named(.toggleWrap)) " + (view.wrap ? "no wrap" : "wrap") + (view.wrap ? "" : "  ←→ sideways") + (view.path == nil ? "" : "  \(named(.edit)) edit") + "  Esc close"
        }
        Cells.text(&canvas, footer, x: inner.x, y: rect.maxY - 2, width: inner.width, role: .muted, glyphs: glyphs)
        Box.scrollMarks(&canvas, rect, above: view.scroll > 0, below: index < view.lines.count, glyphs: glyphs)
    }
}
