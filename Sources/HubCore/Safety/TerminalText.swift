/// Text from files is data written by anyone; before it reaches a terminal it loses everything a
/// terminal would act on: ESC and every other C0 control, DEL, and the C1 controls (U+0080–U+009F,
/// which some terminals read as 8-bit escape sequences). Newlines and tabs become spaces unless kept.
/// The data itself keeps them: only what is drawn is cleaned.
public enum TerminalText {
    /// `keepNewlines`: newlines stay (multi-line text); `keepTabs`: tabs stay (columns for scripts).
    public static func sanitize(_ text: String, keepNewlines: Bool = false, keepTabs: Bool = false) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isControl(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (keepNewlines && scalar == "\n") || (keepTabs && scalar == "\t") {
                out.append(scalar)
            } else if scalar == "\n" || scalar == "\t" || scalar == "\r" {
                out.append(" ")
            } else if !isControl(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// C0 and C1 controls, DEL, and the bidirectional overrides and isolates (U+202A–U+202E,
    /// U+2066–U+2069), which can make text read other than it is.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Only printable text (used for text that leaves the hub to be pasted, such as one-liners).
    public static func isPrintable(_ text: String) -> Bool {
        !text.unicodeScalars.contains(where: isControl)
    }
}
