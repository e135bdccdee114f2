/// "Did you mean …?": the names closest to a mistyped one (edit distance, case-insensitive), at most
/// three, only those close enough to be a typo (a third of the name's length, at least 2).
public enum Suggest {
    public static func closest(_ typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        let needle = Array(typed.lowercased())
        let budget = max(2, needle.count / 3)
        var scored: [(Int, String)] = []
        var seen = Set<String>()
        for candidate in candidates where seen.insert(candidate).inserted {
            let hay = Array(candidate.lowercased())
            // A name that starts with what was typed is the likeliest meaning.
            if hay.count > needle.count, needle.count >= 3, hay.starts(with: needle) {
                scored.append((1, candidate))
                continue
            }
            guard abs(hay.count - needle.count) <= budget else { continue }
            let distance = editDistance(needle, hay, cap: budget + 1)
            if distance <= budget && distance > 0 { scored.append((distance, candidate)) }
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.1)
    }

    /// " (did you mean x or y?)", or "" when nothing is close.
    public static func phrase(_ typed: String, among candidates: [String]) -> String {
        let close = closest(typed, among: candidates)
        guard !close.isEmpty else { return "" }
        return "; did you mean " + (close.count == 1 ? close[0] : close.dropLast().joined(separator: ", ") + " or " + close.last!) + "?"
    }

    /// Levenshtein distance, stopping early past `cap`.
    static func editDistance(_ a: [Character], _ b: [Character], cap: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > cap { return cap }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
