/// A workspace is someone else's repository: every folder name, agent id and path in it was chosen by
/// its author. This is the one rule for such a name on its way to a place that would act on it —
/// a shell's completion, a tmux format, a file the hub writes. (Paths that become files are checked by
/// `NameValidator`; writes and deletions by `RootedPath`; the terminal by `TerminalText`.)
public enum HostileNames {
    /// True when a shell takes the name as one literal word without quoting: bash's `compgen -W`
    /// expands `$(…)`, backticks and `${…}` in the words it is given, and a word that needs quoting
    /// would be inserted unquoted into the command line. Letters and digits (any script), and
    /// `. _ - + , @ %` — never first a `-` (it would read as an option) or anything else.
    public static func isCompletionWord(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != "-" else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            if scalar.isASCII {
                let value = scalar.value
                return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                    || "._-+,@%".unicodeScalars.contains(scalar)
            }
            // Beyond ASCII: letters, digits and marks only (no spaces, quotes, controls, bidi marks).
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// The names a completion may offer: the others are left out (the person types them by hand).
    public static func completionWords(_ names: [String]) -> [String] {
        names.filter(isCompletionWord)
    }

    /// tmux expands formats (`#{…}`, `#(command)`) in a new window's name (`-n`) and folder (`-c`):
    /// every `#` doubled makes tmux print the text as it is.
    public static func tmuxLiteral(_ text: String) -> String {
        text.replacingOccurrences(of: "#", with: "##")
    }

    /// Text from a workspace on its way into a file the hub writes (a README, a log): controls and
    /// bidirectional overrides removed, so that `cat` on the file cannot set a clipboard or reorder
    /// what it shows. Newlines stay when asked.
    public static func fileText(_ text: String, keepNewlines: Bool = false) -> String {
        TerminalText.sanitize(text, keepNewlines: keepNewlines)
    }

    /// An agent id that a new session would record: printable, no surrounding space, not too long.
    /// Ids already in a workspace are kept as written (they are only read); new ones are checked.
    public static func validateAgentId(_ id: String) throws(NameValidator.Invalid) {
        if id.isEmpty { throw .empty }
        if id.utf8.count > 200 { throw .tooLong(id.utf8.count) }
        if id.unicodeScalars.contains(where: TerminalText.isControl) { throw .controlCharacter }
        if id.first?.isWhitespace == true || id.last?.isWhitespace == true { throw .surroundingSpace }
    }
}
