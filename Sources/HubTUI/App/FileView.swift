import HubCore

/// The file viewer (`c`/`i`): a file's lines, where it is scrolled to, whether long lines wrap,
/// how far it is scrolled sideways when they do not, and the search.
struct FileView: Equatable, Sendable {
    var title: String
    /// The file on disk (for `e`); nil when the text did not come from a file.
    var path: String?
    var lines: [String]
    /// The first source line shown.
    var scroll = 0
    var wrap = true
    /// Cells scrolled sideways (wrap off).
    var column = 0
    var query = ""
    /// `/` was pressed and the query is being typed.
    var typing = false
    /// The line of the current match.
    var match: Int?

    init(title: String, path: String?, lines: [String]) {
        self.title = title
        self.path = path
        self.lines = lines
    }

    /// The next line at or after (or before, `backward`) `start` that contains the query.
    func find(from start: Int, backward: Bool = false) -> Int? {
        guard !query.isEmpty, !lines.isEmpty else { return nil }
        let needle = query.lowercased()
        let count = lines.count
        for step in 0..<count {
            let index = backward ? ((start - step) % count + count) % count : (start + step) % count
            if lines[index].lowercased().contains(needle) { return index }
        }
        return nil
    }
}
