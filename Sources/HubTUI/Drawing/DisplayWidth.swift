/// How many terminal cells text takes, per grapheme cluster, decided by us rather than by the
/// terminal or curses, so that golden tests are stable and borders stay put.
///
/// Clusters that terminals and curses disagree on are replaced before drawing (PLATFORM.md):
/// ZWJ sequences become their first emoji, VS16/VS15 and skin-tone modifiers are dropped, flags
/// (regional-indicator pairs) become their two letters, keycaps become their base character.
enum DisplayWidth {
    /// A cluster as it will be drawn, and its width in cells (0, 1 or 2).
    struct Glyph: Equatable, Sendable {
        var text: String
        var width: Int
    }

    static func glyph(_ character: Character) -> Glyph {
        let scalars = Array(character.unicodeScalars)
        guard let first = scalars.first else { return Glyph(text: "", width: 0) }
        if scalars.count == 1 { return Glyph(text: String(character), width: width(of: first)) }

        // Flags: two regional indicators → their letters ("🇯🇵" → "JP").
        if scalars.count == 2, scalars.allSatisfy(isRegionalIndicator) {
            let letters = scalars.map { Character(Unicode.Scalar($0.value - 0x1F1E6 + 0x41)!) }
            return Glyph(text: String(letters), width: 2)
        }
        // A lone regional indicator pair member or a ZWJ sequence: keep the first visible scalar.
        var kept = String.UnicodeScalarView()
        if scalars.contains(where: { $0.value == 0x200D }) || isRegionalIndicator(first) {
            kept.append(first)
            let text = String(kept)
            return Glyph(text: text, width: max(width(of: first), isRegionalIndicator(first) ? 1 : 0))
        }
        // Drop variation selectors, skin tones and the keycap mark; keep other combining marks.
        for scalar in scalars where !isDroppable(scalar) { kept.append(scalar) }
        let text = String(kept)
        guard let base = kept.first else { return Glyph(text: "", width: 0) }
        return Glyph(text: text, width: width(of: base))
    }

    /// Width of a string as drawn (after the replacements above).
    static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + glyph($1).width }
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    static func isDroppable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value == 0xFE0F || value == 0xFE0E || (0x1F3FB...0x1F3FF).contains(value) || value == 0x20E3
            || (0xE0020...0xE007F).contains(value)
    }

    /// Width of one scalar: 0 for controls, combining marks and format characters; 2 for East Asian
    /// wide/fullwidth and emoji presentation; else 1.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) { return 0 } // Hangul jungseong/jongseong combine
        if isWide(value) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
        0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        for range in wideRanges where range.contains(value) { return true }
        return false
    }
}
