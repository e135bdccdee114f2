/// Our own JSON reader (see JSONValue for why). Iterative, so nesting depth costs heap, not stack;
/// depth is still capped so that a hostile file cannot eat memory. Accepts a UTF-8 byte-order mark.
/// Tolerates raw control characters inside strings (real files have them); they are kept in the
/// data and removed only when text is drawn on a terminal.
public enum JSONParser {
    public static let defaultMaxDepth = 512

    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(buffer: buffer, maxDepth: maxDepth)
            do throws(JSONParseError) {
                cursor.skipByteOrderMark()
                if buffer.count >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)) {
                    throw cursor.error("the file is UTF-16 encoded; save it as UTF-8")
                }
                cursor.skipWhitespace()
                if cursor.atEnd {
                    throw cursor.error(buffer.isEmpty ? "the file is empty" : "no JSON value (only whitespace)")
                }
                let value = try cursor.parseValue()
                cursor.skipWhitespace()
                if !cursor.atEnd {
                    throw cursor.error("unexpected data after the JSON value")
                }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// A position in a byte buffer plus the parsing rules. Shared by the parser and the editor, which
/// needs the same grammar to find where a value starts and ends.
struct JSONCursor {
    let buffer: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var position = 0

    init(buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int = JSONParser.defaultMaxDepth, position: Int = 0) {
        self.buffer = buffer
        self.maxDepth = maxDepth
        self.position = position
    }

    var atEnd: Bool { position >= buffer.count }
    var current: UInt8? { position < buffer.count ? buffer[position] : nil }

    func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError.at(offset ?? position, in: buffer, message)
    }

    mutating func skipByteOrderMark() {
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
    }

    mutating func skipWhitespace() {
        while position < buffer.count {
            switch buffer[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONParseError) {
        skipWhitespace()
        guard current == byte else { throw error(found(expected: what)) }
        position += 1
    }

    /// "expected X, found Y" with Y described the way a person would read it.
    func found(expected: String) -> String {
        guard let byte = current else { return "expected \(expected), but the file ends here (half-written?)" }
        if byte >= 0x21 && byte < 0x7F { return "expected \(expected), found '\(Character(Unicode.Scalar(byte)))'" }
        return "expected \(expected), found byte 0x\(String(byte, radix: 16))"
    }

    private struct Frame {
        var isObject: Bool
        var items: [JSONValue] = []
        var members: [JSONObject.Member] = []
        var pendingKey = ""
    }

    /// Parses one value starting at the current position (after optional whitespace).
    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        var stack: [Frame] = []
        while true {
            skipWhitespace()
            var value: JSONValue
            guard let byte = current else { throw error(found(expected: "a value")) }
            switch byte {
            case UInt8(ascii: "{"):
                position += 1
                skipWhitespace()
                if current == UInt8(ascii: "}") {
                    position += 1
                    value = .object(JSONObject())
                } else {
                    guard stack.count < maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
                    var frame = Frame(isObject: true)
                    frame.pendingKey = try parseMemberKey()
                    stack.append(frame)
                    continue
                }
            case UInt8(ascii: "["):
                position += 1
                skipWhitespace()
                if current == UInt8(ascii: "]") {
                    position += 1
                    value = .array([])
                } else {
                    guard stack.count < maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
                    stack.append(Frame(isObject: false))
                    continue
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            default:
                throw error(found(expected: "a value"))
            }

            // A value is complete: hand it to the enclosing containers until one wants more.
            while true {
                guard !stack.isEmpty else { return value }
                let top = stack.count - 1
                if stack[top].isObject {
                    stack[top].members.append(JSONObject.Member(key: stack[top].pendingKey, value: value))
                } else {
                    stack[top].items.append(value)
                }
                skipWhitespace()
                guard let next = current else {
                    throw error(found(expected: stack[top].isObject ? "',' or '}'" : "',' or ']'"))
                }
                if next == UInt8(ascii: ",") {
                    position += 1
                    if stack[top].isObject { stack[top].pendingKey = try parseMemberKey() }
                    break
                }
                if stack[top].isObject && next == UInt8(ascii: "}") {
                    position += 1
                    value = .object(JSONObject(stack.removeLast().members))
                } else if !stack[top].isObject && next == UInt8(ascii: "]") {
                    position += 1
                    value = .array(stack.removeLast().items)
                } else {
                    throw error(found(expected: stack[top].isObject ? "',' or '}'" : "',' or ']'"))
                }
            }
        }
    }

    /// `"key" :` — leaves the cursor before the value.
    mutating func parseMemberKey() throws(JSONParseError) -> String {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else { throw error(found(expected: "a quoted member name")) }
        let key = try parseString()
        try expect(UInt8(ascii: ":"), "':' after the member name")
        return key
    }

    mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
        let start = position
        let count = word.utf8CodeUnitCount
        guard position + count <= buffer.count else { throw error("expected '\(word)', but the file ends here") }
        let matches = word.withUTF8Buffer { literal in
            (0..<count).allSatisfy { buffer[start + $0] == literal[$0] }
        }
        guard matches else { throw error("expected '\(word)'") }
        position += count
    }

    mutating func parseNumber() throws(JSONParseError) -> String {
        let start = position
        func digits(_ cursor: inout JSONCursor) -> Int {
            let from = cursor.position
            while let byte = cursor.current, byte >= 0x30 && byte <= 0x39 { cursor.position += 1 }
            return cursor.position - from
        }
        if current == UInt8(ascii: "-") { position += 1 }
        if current == UInt8(ascii: "0") {
            position += 1
        } else if digits(&self) == 0 {
            throw error("a number needs digits")
        }
        if current == UInt8(ascii: ".") {
            position += 1
            guard digits(&self) > 0 else { throw error("a number needs digits after '.'") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw error("a number needs digits in its exponent") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
    }

    /// Reads a string token. Fast path: no escapes, decode the bytes directly.
    mutating func parseString() throws(JSONParseError) -> String {
        let open = position
        position += 1 // opening quote
        let start = position
        while position < buffer.count {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            position += 1
        }
        guard position < buffer.count else { throw error("a string is not closed (half-written?)", at: open) }

        // Slow path: escapes present.
        var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: buffer[start..<position]))
        while position < buffer.count {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: out, as: UTF8.self)
            }
            if byte != UInt8(ascii: "\\") {
                out.append(byte)
                position += 1
                continue
            }
            position += 1
            guard let escape = current else { break }
            position += 1
            switch escape {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try parseUnicodeEscape()
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))' in a string", at: position - 2)
            }
        }
        throw error("a string is not closed (half-written?)", at: open)
    }

    /// After `\u`: four hex digits, joined with a following low surrogate when it is a high one.
    /// A lone surrogate cannot be represented in a Swift String and becomes U+FFFD.
    mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
        let first = try parseHex4()
        if (0xD800...0xDBFF).contains(first) {
            if position + 1 < buffer.count, buffer[position] == UInt8(ascii: "\\"), buffer[position + 1] == UInt8(ascii: "u") {
                let save = position
                position += 2
                let second = try parseHex4()
                if (0xDC00...0xDFFF).contains(second) {
                    let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    return Unicode.Scalar(value) ?? "\u{FFFD}"
                }
                position = save
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }

    mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard position + 4 <= buffer.count else { throw error("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = buffer[position]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw error("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
