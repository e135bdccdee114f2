import Foundation

/// A bordered pane with a title in its top edge: ┌ Title ─────┐.
enum Box {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, title: String, focused: Bool, glyphs: Glyphs) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let role: StyleRole = focused ? .accent : .border
        let unicode = glyphs.horizontal == "─"
        let (topLeft, topRight, bottomLeft, bottomRight) = unicode ? ("┌", "┐", "└", "┘") : ("+", "+", "+", "+")
        let horizontal = String(repeating: glyphs.horizontal, count: rect.width - 2)
        canvas.put(topLeft + horizontal + topRight, x: rect.x, y: rect.y, role: role)
        canvas.put(bottomLeft + horizontal + bottomRight, x: rect.x, y: rect.maxY - 1, role: role)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            canvas.put(glyphs.vertical, x: rect.x, y: y, role: role)
            canvas.put(glyphs.vertical, x: rect.maxX - 1, y: y, role: role)
        }
        if rect.width > 6 {
            let fitted = TextFit.glyphs(" " + title + " ", width: rect.width - 4, ellipsis: glyphs.ellipsis)
            canvas.put(glyphs: fitted, x: rect.x + 2, y: rect.y, role: focused ? .accent : .title)
        }
    }

    /// A vertical scroll hint on the right border: ▲ when rows are hidden above, ▼ below.
    static func scrollMarks(_ canvas: inout Canvas, _ rect: Rect, above: Bool, below: Bool, glyphs: Glyphs) {
        guard rect.height >= 3 else { return }
        if above { canvas.put(glyphs.up, x: rect.maxX - 1, y: rect.y + 1, role: .accent) }
        if below { canvas.put(glyphs.down, x: rect.maxX - 1, y: rect.maxY - 2, role: .accent) }
    }
}

