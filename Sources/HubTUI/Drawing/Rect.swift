/// A rectangle of cells, and the pure layout helper that splits one into parts.
struct Rect: Equatable, Sendable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    var isEmpty: Bool { width == 0 || height == 0 }
    var maxX: Int { x + width }
    var maxY: Int { y + height }

    func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: max(0, right - left), height: max(0, bottom - top))
    }

    func inset(_ amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// Sizes for `split`: a fixed number of cells, or a share of what is left.
    enum Size: Equatable, Sendable {
        case fixed(Int)
        case fill(Int)
    }

    func splitRows(_ sizes: [Size]) -> [Rect] {
        Rect.split(total: height, sizes).map { Rect(x: x, y: y + $0.offset, width: width, height: $0.length) }
    }

    func splitColumns(_ sizes: [Size]) -> [Rect] {
        Rect.split(total: width, sizes).map { Rect(x: x + $0.offset, y: y, width: $0.length, height: height) }
    }

    static func split(total: Int, _ sizes: [Size]) -> [(offset: Int, length: Int)] {
        let fixed = sizes.reduce(0) { if case .fixed(let n) = $1 { return $0 + max(0, n) } else { return $0 } }
        let shares = sizes.reduce(0) { if case .fill(let n) = $1 { return $0 + max(0, n) } else { return $0 } }
        var remaining = max(0, total - fixed)
        var fillLeft = shares
        var offset = 0
        return sizes.map { size in
            var length: Int
            switch size {
            case .fixed(let n): length = max(0, n)
            case .fill(let n):
                length = fillLeft > 0 ? remaining * max(0, n) / fillLeft : 0
                remaining -= length
                fillLeft -= max(0, n)
            }
            length = min(length, max(0, total - offset))
            defer { offset += length }
            return (offset, length)
        }
    }
}
