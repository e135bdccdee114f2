import HubCore

/// Text prepared for a fixed number of cells: controls removed, clusters replaced (DisplayWidth),
/// cut with an ellipsis that never splits a character, or padded.
enum TextFit {
    /// The glyphs of `text` that fit in `width` cells; when something is cut, the last cell(s)
    /// become `ellipsis` ("…", or "~" in ASCII mode).
    static func glyphs(_ text: String, width: Int, ellipsis: String = "…") -> [DisplayWidth.Glyph] {
        guard width > 0 else { return [] }
        // Only the start can show: a 20 MB description costs what fits in `width` cells, not more.
        let clean = TerminalText.sanitize(String(text.prefix(width * 4 + 64)))
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
    static func pad(_ text: String, _ width: Int, ellipsis: String = "…") -> String {
        let fitted = glyphs(text, width: width, ellipsis: ellipsis)
        let used = fitted.reduce(0) { $0 + $1.width }
        return fitted.map(\.text).joined() + String(repeating: " ", count: max(0, width - used))
    }

    /// Right-aligned within `width` cells.
    static func padLeft(_ text: String, _ width: Int) -> String {
        let fitted = glyphs(text, width: width)
        let used = fitted.reduce(0) { $0 + $1.width }
        return String(repeating: " ", count: max(0, width - used)) + fitted.map(\.text).joined()
    }

    /// Splits text into lines of at most `width` cells, breaking at spaces where possible (a word
    /// longer than a line is broken by cells). Linear, and it looks only at as much of the text as
    /// `maxLines` lines can show.
    static func wrap(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        let budget = maxLines == .max ? Int.max : (maxLines.multipliedReportingOverflow(by: width + 1).partialValue &* 4) &+ 64
        let source = budget <= 0 || budget == Int.max ? text : String(text.prefix(budget))
        let clean = TerminalText.sanitize(source, keepNewlines: true)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var word: [DisplayWidth.Glyph] = []
        var wordWidth = 0
        func flushLine() {
            lines.append(line)
            line = ""
            lineWidth = 0
        }
        func placeWord() {
            defer {
                word.removeAll(keepingCapacity: true)
                wordWidth = 0
            }
            guard !word.isEmpty else { return }
            if wordWidth <= width {
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width { flushLine() }
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                for glyph in word { line += glyph.text }
                lineWidth += wordWidth
                return
            }
            // Longer than a line: it starts a line of its own and is broken after a path separator
            // where one falls in the second half of the line (`.../sessions/` | `x/instructions.json`),
            // else by cells.
            if lineWidth > 0 {
                flushLine()
                if lines.count >= maxLines { return }
            }
            var pending: [DisplayWidth.Glyph] = []
            var pendingWidth = 0
            for glyph in word {
                if pendingWidth + glyph.width > width {
                    var cut = pending.count
                    if let slash = pending.lastIndex(where: { $0.text == "/" || $0.text == "\\" }), slash + 1 < pending.count,
                       pending[...slash].reduce(0, { $0 + $1.width }) * 2 >= width {
                        cut = slash + 1
                    }
                    line = pending[..<cut].map(\.text).joined()
                    flushLine()
                    if lines.count >= maxLines { return }
                    pending.removeFirst(cut)
                    pendingWidth = pending.reduce(0) { $0 + $1.width }
                }
                pending.append(glyph)
                pendingWidth += glyph.width
            }
            line = pending.map(\.text).joined()
            lineWidth = pendingWidth
        }
        for character in clean {
            if lines.count >= maxLines { break }
            if character == "\n" {
                placeWord()
                flushLine()
            } else if character == " " {
                placeWord()
            } else {
                let glyph = DisplayWidth.glyph(character)
                // Zero-width clusters (combining marks alone) would merge with neighbours: skip.
                if glyph.width == 0 { continue }
                word.append(glyph)
                wordWidth += glyph.width
            }
        }
        if lines.count < maxLines {
            placeWord()
            lines.append(line)
        }
        return Array(lines.prefix(maxLines))
    }
}
