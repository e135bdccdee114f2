import Foundation

/// ASCII mode (`--ascii`, or a locale that cannot encode UTF-8): after drawing, every cell becomes
/// plain ASCII — the separators and arrows of titles and footers, and text from the files (accents
/// dropped, other characters `?`), a wide character as two cells of `?` — so a terminal that cannot
/// show UTF-8 never gets a byte it would garble.
extension Canvas {
    static let asciiFallback: [Character: Character] = [
        "·": "-", "…": ".", "→": ">", "←": "<", "↑": "^", "↓": "v", "▲": "^", "▼": "v", "—": "-", "–": "-",
        "✓": "v", "✗": "x", "★": "*", "◐": "o", "○": "o", "●": "o", "■": "#", "⚠": "!", "│": "|", "─": "-",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "█": "#", "░": ".", "▏": "|", "×": "x",
        "“": "\"", "”": "\"", "‘": "'", "’": "'", "•": "*", "≥": ">", "≤": "<", "⇄": "=", "•\u{FE0F}": "*",
    ]

    mutating func makeASCII() {
        for index in cells.indices {
            let text = cells[index].text
            if text.isEmpty {
                cells[index].text = "?"
                continue
            }
            guard !text.unicodeScalars.allSatisfy(\.isASCII) else { continue }
            cells[index].text = Canvas.ascii(for: text)
        }
    }

    static func ascii(for cluster: String) -> String {
        if let character = cluster.first, let mapped = asciiFallback[character] { return String(mapped) }
        // é → e: the base letter of a decomposed cluster, when it is ASCII.
        if let base = cluster.decomposedStringWithCanonicalMapping.unicodeScalars.first, base.isASCII, base.properties.isAlphabetic {
            return String(Character(base))
        }
        return "?"
    }
}
