/// A screen as a value: a grid of cells, each a drawn cluster and a style role. Views draw into it,
/// tests compare it with golden text, and only the terminal adapter turns it into curses calls.
/// A wide (2-cell) cluster occupies its cell and marks the next one as a continuation (`text == ""`).
public struct Canvas: Equatable, Sendable, CustomStringConvertible {
    struct Cell: Equatable, Sendable {
        public var text: String
        var role: StyleRole

        static let blank = Cell(text: " ", role: .text)
        var isContinuation: Bool { text.isEmpty }
    }

    public let width: Int
    public let height: Int
    var cells: [Cell]

    init(width: Int, height: Int, role: StyleRole = .text) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: Cell(text: " ", role: role), count: self.width * self.height)
    }

    /// A canvas whose rows are these lines (for tests).
    init(lines: [String], role: StyleRole = .text) {
        let width = lines.map(DisplayWidth.of).max() ?? 0
        self.init(width: width, height: lines.count, role: role)
        for (row, line) in lines.enumerated() { put(line, x: 0, y: row, role: role) }
    }

    var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes text from (x, y), clipped to `limit` cells (default: to the right edge). Wide glyphs
    /// that do not fit whole are not drawn. Returns the number of cells written.
    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, role: StyleRole, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let room = min(limit ?? (width - x), width - x)
        guard room > 0 else { return 0 }
        return put(glyphs: TextFit.glyphs(text, width: room, ellipsis: ""), x: x, y: y, role: role)
    }

    /// Writes glyphs already fitted by TextFit (no further cutting).
    @discardableResult
    mutating func put(glyphs: [DisplayWidth.Glyph], x: Int, y: Int, role: StyleRole) -> Int {
        var column = x
        for glyph in glyphs where glyph.width > 0 {
            guard column >= 0, column + glyph.width <= width, y >= 0, y < height else { break }
            place(glyph, x: column, y: y, role: role)
            column += glyph.width
        }
        return column - x
    }

    private mutating func place(_ glyph: DisplayWidth.Glyph, x: Int, y: Int, role: StyleRole) {
        // Overwriting half of a wide glyph leaves a space in its other half, never a broken cell.
        if self[x, y].isContinuation && x > 0 { self[x - 1, y] = Cell(text: " ", role: self[x - 1, y].role) }
        if glyph.width == 2 {
            if x + 2 < width && self[x + 2, y].isContinuation { self[x + 2, y] = Cell(text: " ", role: self[x + 2, y].role) }
            self[x, y] = Cell(text: glyph.text, role: role)
            self[x + 1, y] = Cell(text: "", role: role)
        } else {
            if x + 1 < width && self[x + 1, y].isContinuation { self[x + 1, y] = Cell(text: " ", role: self[x + 1, y].role) }
            self[x, y] = Cell(text: glyph.text, role: role)
        }
    }

    /// Sets the role of every cell in a rectangle (text kept): highlights, backgrounds.
    mutating func paint(_ rect: Rect, role: StyleRole) {
        let area = rect.intersection(bounds)
        for y in area.y..<(area.y + area.height) {
            for x in area.x..<(area.x + area.width) { self[x, y].role = role }
        }
    }

    /// Blanks a rectangle with a role.
    mutating func fill(_ rect: Rect, role: StyleRole) {
        let area = rect.intersection(bounds)
        for y in area.y..<(area.y + area.height) {
            for x in area.x..<(area.x + area.width) { self[x, y] = Cell(text: " ", role: role) }
        }
        // A wide glyph cut by the fill's left edge would lose its continuation: blank it.
        if area.x > 0 {
            for y in area.y..<(area.y + area.height) where self[area.x - 1, y].text != " " && DisplayWidth.of(self[area.x - 1, y].text) == 2 {
                self[area.x - 1, y] = Cell(text: " ", role: self[area.x - 1, y].role)
            }
        }
    }

    /// The rows as text (continuation cells contribute nothing, so a wide glyph shows once).
    public var lines: [String] {
        (0..<height).map { y in
            (0..<width).map { self[$0, y].text }.joined()
        }
    }

    /// One role letter per cell (see StyleRole.code).
    var roleLines: [String] {
        (0..<height).map { y in String((0..<width).map { self[$0, y].role.code }) }
    }

    public var description: String { lines.joined(separator: "\n") }
}
