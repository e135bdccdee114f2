/// Lines of a text file that may come from any machine. Swift reads `\r\n` as one Character, so a
/// split at `"\n"` leaves a Windows file in one piece: every reader of people's text files splits
/// here instead.
public enum TextLines {
    /// The lines, split at `\n` and `\r\n` (a lone `\r` stays in its line); empty lines kept.
    public static func split(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    /// The line ending a text uses (`\r\n` when its first ending is one), for rewriting it in kind.
    public static func ending(of text: String) -> String {
        guard let first = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) else { return "\n" }
        return text[first] == "\r\n" ? "\r\n" : "\n"
    }
}
