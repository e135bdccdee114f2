/// One step into a JSON value.
public enum JSONPathComponent: Equatable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)

    public init(stringLiteral value: String) { self = .key(value) }
    public init(integerLiteral value: Int) { self = .index(value) }

    public var description: String {
        switch self {
        case .key(let key): return key
        case .index(let index): return "[\(index)]"
        }
    }
}

/// A JSON file's text together with its parsed value, edited in place: a change rewrites only the
/// bytes of the value it touches, so the file's formatting, member order, number literals and
/// unknown fields stay exactly as their writer left them (a `git diff` shows just our change).
/// The text is kept without a byte-order mark: the hub writes BOM-free UTF-8.
public struct JSONDocument: Equatable, Sendable {
    public private(set) var bytes: [UInt8]
    public private(set) var root: JSONValue

    public init(bytes: [UInt8]) throws(JSONParseError) {
        var text = bytes
        if text.count >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF { text.removeFirst(3) }
        self.root = try JSONParser.parse(text)
        self.bytes = text
    }

    public init(text: String) throws(JSONParseError) {
        try self.init(bytes: Array(text.utf8))
    }

    /// A new document printed canonically from a value.
    public init(value: JSONValue) {
        self.root = value
        self.bytes = Array((JSONPrinter.pretty(value) + "\n").utf8)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public func value(at path: [JSONPathComponent]) -> JSONValue? {
        var current: JSONValue? = root
        for component in path {
            switch component {
            case .key(let key): current = current?[key]
            case .index(let index):
                guard let items = current?.arrayValue, items.indices.contains(index) else { return nil }
                current = items[index]
            }
        }
        return current
    }

    public enum EditError: Error, Equatable, CustomStringConvertible {
        case notAContainer(path: String)
        case indexOutOfRange(path: String)

        public var description: String {
            switch self {
            case .notAContainer(let path): return "\(path) is not an object or list"
            case .indexOutOfRange(let path): return "\(path) has no such element"
            }
        }
    }

    /// Sets the value at `path`, replacing only its text; a missing member is added at the end of
    /// its object (with the indentation of its siblings), missing parents are created as objects.
    public mutating func set(_ path: [JSONPathComponent], to newValue: JSONValue) throws {
        let location = try bytes.withUnsafeBufferPointer { buffer in
            try JSONLocator(buffer: buffer).locate(path)
        }
        var replacement: [UInt8]
        var range: Range<Int>
        switch location {
        case .found(let span):
            let indent = indentation(ofLineAt: span.lowerBound)
            replacement = Array(printed(newValue, lineIndent: indent).utf8)
            range = span
        case .missing(let object, let missingPath):
            // Wrap the value in objects for every missing level below the first missing key.
            var value = newValue
            for component in missingPath.dropFirst().reversed() {
                guard case .key(let key) = component else {
                    throw EditError.indexOutOfRange(path: path.map(\.description).joined(separator: "."))
                }
                value = .object(JSONObject([(key, value)]))
            }
            guard case .key(let key) = missingPath[0] else {
                throw EditError.indexOutOfRange(path: path.map(\.description).joined(separator: "."))
            }
            (range, replacement) = insertion(of: key, value: value, into: object)
        case .notAContainer(let depth):
            throw EditError.notAContainer(path: path.prefix(depth).map(\.description).joined(separator: "."))
        }
        bytes.replaceSubrange(range, with: replacement)
        root = try JSONParser.parse(bytes)
    }

    /// Convenience: set one member by dotted path of keys.
    public mutating func set(_ keys: String..., to newValue: JSONValue) throws {
        try set(keys.map { .key($0) }, to: newValue)
    }

    /// Where and what to insert to add `"key": value` as the last member of `object`.
    private func insertion(of key: String, value: JSONValue, into object: JSONLocator.ObjectSpan) -> (Range<Int>, [UInt8]) {
        var keyText = ""
        JSONPrinter.writeString(key, into: &keyText)
        guard let lastEnd = object.lastValueEnd, let lastKeyStart = object.lastKeyStart else {
            // Empty object `{}`: print it anew with the member inside.
            let indent = indentation(ofLineAt: object.span.lowerBound)
            let text = printed(.object(JSONObject([(key, value)])), lineIndent: indent)
            return (object.span, Array(text.utf8))
        }
        let multiline = bytes[object.span.lowerBound..<lastKeyStart].contains(UInt8(ascii: "\n"))
        if multiline {
            let indent = indentation(ofLineAt: lastKeyStart)
            let text = ",\n" + indent + keyText + ": " + printed(value, lineIndent: indent)
            return (lastEnd..<lastEnd, Array(text.utf8))
        }
        let text = ", " + keyText + ": " + JSONPrinter.compact(value)
        return (lastEnd..<lastEnd, Array(text.utf8))
    }

    /// Scalars print as themselves; containers print pretty, aligned with the line they start on,
    /// guessing the file's indent unit (2 unless the file shows otherwise).
    private func printed(_ value: JSONValue, lineIndent: String) -> String {
        switch value {
        case .array(let items) where !items.isEmpty: break
        case .object(let object) where !object.isEmpty: break
        default: return JSONPrinter.compact(value)
        }
        let unit = indentUnit()
        let body = JSONPrinter.pretty(value, indent: unit)
        return body.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
            .map { $0.offset == 0 ? String($0.element) : lineIndent + $0.element }
            .joined(separator: "\n")
    }

    private func indentation(ofLineAt offset: Int) -> String {
        var start = offset
        while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var end = start
        while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The smallest non-zero leading-space count of any line: the file's indent unit.
    private func indentUnit() -> Int {
        var best = Int.max
        var index = 0
        while index < bytes.count {
            var spaces = 0
            while index < bytes.count && bytes[index] == 0x20 { spaces += 1; index += 1 }
            if spaces > 0 && index < bytes.count && bytes[index] != UInt8(ascii: "\n") { best = min(best, spaces) }
            while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
            index += 1
        }
        return best == Int.max || best > 8 ? 2 : best
    }
}

/// Finds the byte span of the value at a path, using the parser's grammar to step over siblings.
struct JSONLocator {
    struct ObjectSpan {
        var span: Range<Int>
        var lastKeyStart: Int?
        var lastValueEnd: Int?
    }

    enum Location {
        case found(Range<Int>)
        /// `path[depth...]` is missing; `object` is where its first key would go.
        case missing(object: ObjectSpan, remaining: [JSONPathComponent])
        /// The value at `path.prefix(depth)` is a scalar, so the path cannot go on.
        case notAContainer(depth: Int)
    }

    let buffer: UnsafeBufferPointer<UInt8>

    func locate(_ path: [JSONPathComponent]) throws -> Location {
        var cursor = JSONCursor(buffer: buffer)
        cursor.skipByteOrderMark()
        cursor.skipWhitespace()
        for (depth, component) in path.enumerated() {
            let containerStart = cursor.position
            switch component {
            case .key(let wanted):
                guard cursor.current == UInt8(ascii: "{") else {
                    if cursor.current == UInt8(ascii: "[") { throw JSONDocument.EditError.notAContainer(path: path.prefix(depth).map(\.description).joined(separator: ".")) }
                    return .notAContainer(depth: depth)
                }
                cursor.position += 1
                var match: Range<Int>?
                var lastKeyStart: Int?
                var lastValueEnd: Int?
                cursor.skipWhitespace()
                if cursor.current != UInt8(ascii: "}") {
                    while true {
                        cursor.skipWhitespace()
                        let keyStart = cursor.position
                        let key = try cursor.parseMemberKey()
                        cursor.skipWhitespace()
                        let valueStart = cursor.position
                        _ = try cursor.parseValue()
                        if key == wanted { match = valueStart..<cursor.position }
                        lastKeyStart = keyStart
                        lastValueEnd = cursor.position
                        cursor.skipWhitespace()
                        if cursor.current == UInt8(ascii: ",") { cursor.position += 1; continue }
                        break
                    }
                }
                try cursor.expect(UInt8(ascii: "}"), "'}'")
                guard let match else {
                    let object = ObjectSpan(span: containerStart..<cursor.position, lastKeyStart: lastKeyStart, lastValueEnd: lastValueEnd)
                    return .missing(object: object, remaining: Array(path[depth...]))
                }
                cursor.position = match.lowerBound
            case .index(let wanted):
                guard cursor.current == UInt8(ascii: "[") else { return .notAContainer(depth: depth) }
                cursor.position += 1
                var index = 0
                var match: Int?
                cursor.skipWhitespace()
                if cursor.current != UInt8(ascii: "]") {
                    while true {
                        cursor.skipWhitespace()
                        if index == wanted { match = cursor.position; break }
                        _ = try cursor.parseValue()
                        index += 1
                        cursor.skipWhitespace()
                        if cursor.current == UInt8(ascii: ",") { cursor.position += 1; continue }
                        break
                    }
                }
                guard let match else {
                    throw JSONDocument.EditError.indexOutOfRange(path: path.prefix(depth + 1).map(\.description).joined(separator: "."))
                }
                cursor.position = match
            }
        }
        let start = cursor.position
        _ = try cursor.parseValue()
        return .found(start..<cursor.position)
    }
}
