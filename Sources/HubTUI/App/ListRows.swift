/// The list's rows: a few in front (the NEEDS YOU group) and behind (ARCHIVED) of the whole list,
/// which is shared, not copied. Composing the list after a change then costs the rows that moved
/// (NEEDS YOU is rebuilt from the verdicts), not a copy of every row (50,000 at 10×).
struct ListRows: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    var head: [ListRow]
    var body: [ListRow]
    var foot: [ListRow]

    init(head: [ListRow] = [], body: [ListRow], foot: [ListRow] = []) {
        self.head = head
        self.body = body
        self.foot = foot
    }

    init(_ rows: [ListRow]) { self.init(body: rows) }
    init(arrayLiteral rows: ListRow...) { self.init(body: rows) }

    /// Every row as one array: the body itself when nothing is in front or behind (no copy).
    var wholeBody: [ListRow] { head.isEmpty && foot.isEmpty ? body : Array(self) }

    var startIndex: Int { 0 }
    var endIndex: Int { head.count + body.count + foot.count }

    subscript(index: Int) -> ListRow {
        if index < head.count { return head[index] }
        let inBody = index - head.count
        return inBody < body.count ? body[inBody] : foot[inBody - body.count]
    }

    /// The same rows in the same order, however they are split (shared parts compare at once).
    static func == (a: ListRows, b: ListRows) -> Bool {
        if a.head == b.head && a.body == b.body && a.foot == b.foot { return true }
        return a.count == b.count && a.elementsEqual(b)
    }
}
