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


/// A view that takes the whole terminal but the status bar (viewer, workorders): its frame, blanked.
enum FullScreen {
    /// The view's rectangle, filled and without its border drawn; nil when the terminal is too small.
    static func frame(_ canvas: inout Canvas, minimum: Size) -> Rect? {
        let rect = Rect(x: 0, y: 0, width: canvas.width, height: max(0, canvas.height - 1))
        guard rect.width >= minimum.width, rect.height >= minimum.height else { return nil }
        canvas.fill(rect, role: .overlay)
        return rect
    }
}
