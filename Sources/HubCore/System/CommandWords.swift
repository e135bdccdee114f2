/// An agent command from the config, split into words the way a shell would (quotes, backslashes)
/// but never run through a shell: no globbing, no variables, no `;`. `{agent}`, `{session}`,
/// `{workorder}` and `{path}` are replaced inside a word after splitting, so a value with spaces
/// stays one word.
public enum CommandWords {
    public enum Invalid: Error, Equatable, CustomStringConvertible {
        case empty
        case unterminatedQuote(Character)
        case trailingBackslash

        public var description: String {
            switch self {
            case .empty: return "the command is empty"
            case .unterminatedQuote(let quote): return "a \(quote) quote is not closed"
            case .trailingBackslash: return "the command ends with a lone backslash"
            }
        }
    }

    public static func split(_ command: String) throws(Invalid) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in command {
            if escaped {
                word.append(character)
                escaped = false
                continue
            }
            if let open = quote {
                if character == open { quote = nil } else if character == "\\" && open == "\"" { escaped = true } else { word.append(character) }
                continue
            }
            switch character {
            case "\\": escaped = true; inWord = true
            case "'", "\"": quote = character; inWord = true
            case " ", "\t", "\n":
                if inWord { words.append(word) }
                word = ""
                inWord = false
            default:
                word.append(character)
                inWord = true
            }
        }
        if escaped { throw .trailingBackslash }
        if let quote { throw .unterminatedQuote(quote) }
        if inWord { words.append(word) }
        if words.isEmpty { throw .empty }
        return words
    }

    /// Replaces the placeholders in each word; unknown `{...}` stay as written.
    public static func substitute(_ words: [String], _ values: [String: String]) -> [String] {
        words.map { word in
            var result = word
            for (name, value) in values { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
            return result
        }
    }
}
