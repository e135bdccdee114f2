/// Whether a freshly started agent is ready for its one-liner, judged from what it showed and
/// asked of its terminal — never from a quiet blank pane (a program still loading is quiet too,
/// and a paste then waits unread in the terminal's queue).
///
/// Ready means one of: the program asked for bracketed paste (`ESC[?2004h`: it reads its input
/// raw and takes a paste as one), the screen rules for its kind say it sits at its prompt, the
/// configured `ready_pattern` shows, or the cursor waits right after a prompt on its line (`>>> `,
/// `$ `, `In [1]: `) as line editors that ask for nothing show. A question on the screen (a trust
/// or first-run dialog, `(y/n)`, a line ending in `?`) is never ready: the one-liner would answer it.
public enum Readiness {
    public enum Verdict: Equatable, Sendable {
        case notYet
        case ready(Signal)
        /// The agent asks the person something first (what it asks).
        case asks(String)
    }

    public enum Signal: String, Equatable, Sendable {
        case bracketedPaste = "asked for bracketed paste"
        case rule = "its prompt showed"
        case pattern = "its ready pattern showed"
        case prompt = "the cursor waits after a prompt"
    }

    /// What the pane showed when it was last quiet, and what the program asked of its terminal.
    public struct Look: Sendable {
        public var screen: String
        /// The text left of the cursor on the cursor's line.
        public var beforeCursor: String
        /// Whether bracketed paste is on (nil: not known).
        public var bracketedPaste: Bool?
        public init(screen: String, beforeCursor: String, bracketedPaste: Bool?) {
            self.screen = screen
            self.beforeCursor = beforeCursor
            self.bracketedPaste = bracketedPaste
        }
    }

    public static func judge(_ look: Look, kind: String, rules: PaneRules, readyPattern: Regex<AnyRegexOutput>? = nil) -> Verdict {
        if let question = question(look, kind: kind, rules: rules) { return .asks(question) }
        if let readyPattern, look.screen.contains(readyPattern) { return .ready(.pattern) }
        if look.bracketedPaste == true { return .ready(.bracketedPaste) }
        if rules.classify(look.screen, kind: kind)?.state == .idle { return .ready(.rule) }
        if isPrompt(look.beforeCursor) { return .ready(.prompt) }
        return .notYet
    }

    /// A question on the screen: the rules of its kind say it waits for the person, a trust
    /// phrase, or the cursor waits after `(y/n)` or a `?`.
    static func question(_ look: Look, kind: String, rules: PaneRules) -> String? {
        if let activity = rules.classify(look.screen, kind: kind), activity.state == .waiting { return activity.detail ?? "a question" }
        if Dispatcher.asksForTrust(look.screen) { return "whether to trust its folder" }
        let line = lastLine(look)
        if line.hasSuffix("?") || line.contains(/\((?:y\/n|yes\/no)\)\s*:?$|\[[yY]\/[nN]\]\s*:?$/.ignoresCase()) {
            return Quote.trimmed(TerminalText.sanitize(line), limit: 80)
        }
        return nil
    }

    /// The last line with text: the cursor's own when it has any.
    static func lastLine(_ look: Look) -> String {
        let before = look.beforeCursor.trimmingCharacters(in: .whitespaces)
        if !before.isEmpty { return before }
        let screen = look.screen.split(separator: "\n@", maxSplits: 1, omittingEmptySubsequences: false).first ?? Substring(look.screen)
        return screen.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) }.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    /// Text ending in a prompt mark, the cursor right after it: `>>> `, `$ `, `> `, `In [1]: `, `(Pdb) `, `❯ `.
    static func isPrompt(_ beforeCursor: String) -> Bool {
        let text = beforeCursor.trimmingCharacters(in: .whitespaces)
        guard let last = text.last else { return false }
        return ">$#%:›❯»)]".contains(last)
    }

    /// Whether the program left bracketed paste on, from everything it wrote to its terminal:
    /// the last `ESC[?2004h` or `ESC[?2004l` wins (readline turns it on for each line it reads and
    /// off after). nil when it never said.
    public static func bracketedPaste(in output: [UInt8]) -> Bool? {
        let on = Array("\u{1b}[?2004h".utf8), off = Array("\u{1b}[?2004l".utf8)
        var index = output.count - on.count
        while index >= 0 {
            if output[index] == 0x1b {
                let slice = output[index..<(index + on.count)]
                if slice.elementsEqual(on) { return true }
                if slice.elementsEqual(off) { return false }
            }
            index -= 1
        }
        return nil
    }
}
