/// Someone else's text quoted in a message: printable, and at most a few dozen characters (a
/// refusal must not echo a megabyte back, nor a terminal escape).
public enum Quote {
    public static func short(_ text: String, limit: Int = 40) -> String {
        let clean = TerminalText.sanitize(text)
        guard clean.count > limit else { return "'\(clean)'" }
        return "'\(clean.prefix(limit))…' (\(text.utf8.count) bytes)"
    }
}

extension Quote {
    /// Text cut to `limit` characters with `…` (no quotes): for details shown in a row.
    public static func trimmed(_ text: String, limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }
}
