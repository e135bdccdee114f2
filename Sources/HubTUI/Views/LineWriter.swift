import HubCore

/// Writes lines top to bottom inside an area, each a sequence of (text, role) spans, cut with an
/// ellipsis at the right edge; lines past the bottom are dropped.
struct LineWriter {
    var canvas: Canvas
    let area: Rect
    let glyphs: Glyphs
    var y: Int

    init(canvas: Canvas, area: Rect, glyphs: Glyphs) {
        self.canvas = canvas
        self.area = area
        self.glyphs = glyphs
        self.y = area.y
    }

    var remaining: Int { area.maxY - y }

    mutating func line(_ spans: [(String, StyleRole)]) {
        guard y < area.maxY else { return }
        var x = area.x
        for (text, role) in spans {
            let room = area.maxX - x
            guard room > 0 else { break }
            x += Cells.text(&canvas, text, x: x, y: y, width: room, role: role, glyphs: glyphs)
        }
        y += 1
    }

    mutating func blank() {
        if y > area.y { y += 1 }
    }

    mutating func wrapped(_ text: String, role: StyleRole, maxLines: Int, indent: Int = 0) {
        let lines = TextFit.wrap(text, width: max(1, area.width - indent), maxLines: maxLines + 1)
        for (index, line) in lines.prefix(maxLines).enumerated() {
            let cut = index == maxLines - 1 && lines.count > maxLines
            self.line([(String(repeating: " ", count: indent) + line + (cut ? " " + glyphs.ellipsis : ""), role)])
        }
    }
}
