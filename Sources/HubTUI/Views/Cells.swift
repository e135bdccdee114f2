import Foundation
import HubCore

/// Small text helpers shared by the views.
enum Cells {
    /// Writes `text` fitted into `width` cells (ellipsis when cut), returns the cells used.
    @discardableResult
    static func text(_ canvas: inout Canvas, _ text: String, x: Int, y: Int, width: Int, role: StyleRole, glyphs: Glyphs) -> Int {
        guard width > 0 else { return 0 }
        return canvas.put(glyphs: TextFit.glyphs(text, width: width, ellipsis: glyphs.ellipsis), x: x, y: y, role: role)
    }

    /// A short age: `42s`, `12m`, `3h`, `4d`, `9w`.
    static func age(from date: Date?, now: Date) -> String {
        guard let date else { return "" }
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        if seconds < 86_400 { return "\(seconds / 3600)h" }
        if seconds < 86_400 * 14 { return "\(seconds / 86_400)d" }
        return "\(seconds / (86_400 * 7))w"
    }

    /// `████░░ ` of `width` cells for done/total.
    static func bar(done: Int, total: Int, width: Int, glyphs: Glyphs) -> (done: String, todo: String) {
        guard width > 0 else { return ("", "") }
        let filled = total > 0 ? min(width, Int((Double(done) / Double(total) * Double(width)).rounded())) : 0
        return (String(repeating: glyphs.barDone, count: filled), String(repeating: glyphs.barTodo, count: width - filled))
    }
}
