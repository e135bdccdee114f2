import Foundation

/// A word for a POSIX shell, exactly as it is: single-quoted, each `'` closed, escaped and reopened.
/// The one way the hub puts a word into a line a shell will read (ssh's far command, hooks, taps).
public enum ShellQuote {
    public static func word(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension ShellQuote {
    /// A tmux pane id and nothing else (`%` and digits), or nil: a far side's pane goes into a
    /// command line here.
    public static func paneId(_ text: String) -> String? {
        guard text.count > 1, text.count < 12, text.first == "%", text.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return text
    }

    /// For a command line shown to a person to copy: a word of only safe characters as it is, any
    /// other quoted.
    public static func readable(_ text: String) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_./=:@%+,".unicodeScalars.contains($0)) }
        return safe ? text : word(text)
    }
}
