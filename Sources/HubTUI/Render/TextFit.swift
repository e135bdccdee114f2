import HubCore

/// Text prepared for a fixed number of cells: controls removed, clusters replaced (DisplayWidth),
/// cut with an ellipsis that never splits a character, or padded.
public enum TextFit {
    /// The glyphs of `text` that fit in `width` cells; when something is cut, the last cell(s)
    /// become `ellipsis` ("…", or "~" in ASCII mode).
    public static func glyphs(_ text: String, width: Int, ellipsis: String = "…") -> [DisplayWidth.Glyph] {
        guard width > 0 else { return [] }
        let clean = TerminalText.sanitize(text)
        var result: [DisplayWidth.Glyph] = []
        var used = 0
        var cut = false
        for character in clean {
            let glyph = DisplayWidth.glyph(character)
            if glyph.width == 0 {
                // Zero-width clusters (combining marks alone) would merge with neighbours: skip.
                continue
            }
            if used + glyph.width > width {
                cut = true
                break
            }
            result.append(glyph)
            used += glyph.width
        }
        guard cut else { return result }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        while used + ellipsisWidth > width, let last = result.popLast() { used -= last.width }
        if ellipsisWidth > 0 && used + ellipsisWidth <= width { result.append(DisplayWidth.Glyph(text: ellipsis, width: ellipsisWidth)) }
        return result
    }

    /// `text` cut or padded with spaces to exactly `width` cells, as a plain string.
    public static func pad(_ text: String, _ width: Int, ellipsis: String = "…") -> String {
        let fitted = glyphs(text, width: width, ellipsis: ellipsis)
        let used = fitted.reduce(0) { $0 + $1.width }
        return fitted.map(\.text).joined() + String(repeating: " ", count: max(0, width - used))
    }

    /// Right-aligned within `width` cells.
    public static func padLeft(_ text: String, _ width: Int) -> String {
        let fitted = glyphs(text, width: width)
        let used = fitted.reduce(0) { $0 + $1.width }
        return String(repeating: " ", count: max(0, width - used)) + fitted.map(\.text).joined()
    }

    /// Splits text into lines of at most `width` cells, breaking at spaces where possible.
    public static func wrap(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var lines: [String] = []
        for paragraph in TerminalText.sanitize(text, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let wordText = String(word)
                let wordWidth = DisplayWidth.of(wordText)
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                if wordWidth > width {
                    // A word longer than the line: hard-break it by cells.
                    var rest = wordText
                    while DisplayWidth.of(rest) > width - lineWidth - (lineWidth > 0 ? 1 : 0) {
                        let room = width - lineWidth - (lineWidth > 0 ? 1 : 0)
                        let head = glyphs(rest, width: room, ellipsis: "").map(\.text).joined()
                        if head.isEmpty { break }
                        lines.append(lineWidth > 0 ? line + " " + head : head)
                        line = ""
                        lineWidth = 0
                        rest = String(rest.dropFirst(head.count))
                    }
                    line = rest
                    lineWidth = DisplayWidth.of(rest)
                    continue
                }
                line += (lineWidth > 0 ? " " : "") + wordText
                lineWidth += (lineWidth > 0 ? 1 : 0) + wordWidth
            }
            lines.append(line)
            if lines.count >= maxLines { break }
        }
        if lines.count > maxLines { lines = Array(lines.prefix(maxLines)) }
        return lines
    }
}
