/// Text from files is data written by anyone; before it reaches a terminal it loses everything a
/// terminal would act on: ESC and every other C0 control, DEL, and the C1 controls (U+0080–U+009F,
/// which some terminals read as 8-bit escape sequences). Newlines and tabs become spaces unless kept.
/// The data itself keeps them: only what is drawn is cleaned.
public enum TerminalText {
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isControl(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepNewlines && scalar == "\n" {
                out.append(scalar)
            } else if scalar == "\n" || scalar == "\t" || scalar == "\r" {
                out.append(" ")
            } else if !isControl(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
    }

    /// Only printable text (used for text that leaves the hub to be pasted, such as one-liners).
    public static func isPrintable(_ text: String) -> Bool {
        !text.unicodeScalars.contains(where: isControl)
    }
}
