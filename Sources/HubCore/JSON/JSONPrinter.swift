/// Writes JSONValue as text. `pretty` is the canonical form the hub writes for new files
/// (two-space indent, `"key": value`, non-ASCII kept as UTF-8: the style of the workflow's own
/// files); `compact` is one line, for `--json` output and NDJSON.
///
/// Everything is written in one pass into a byte buffer (`JSONByteWriter`) and turned into text
/// once: appending to a String through its scalar view copied the whole string each time, which
/// made `status --json` quadratic in its size.
public enum JSONPrinter {
    public static func pretty(_ value: JSONValue, indent: Int = 2, baseIndent: Int = 0) -> String {
        String(decoding: prettyBytes(value, indent: indent, baseIndent: baseIndent), as: UTF8.self)
    }

    public static func compact(_ value: JSONValue) -> String {
        String(decoding: compactBytes(value), as: UTF8.self)
    }

    public static func prettyBytes(_ value: JSONValue, indent: Int = 2, baseIndent: Int = 0) -> [UInt8] {
        var writer = JSONByteWriter(indent: indent, pretty: true)
        writer.write(value, level: baseIndent)
        return writer.bytes
    }

    public static func compactBytes(_ value: JSONValue) -> [UInt8] {
        var writer = JSONByteWriter(indent: 0, pretty: false)
        writer.write(value, level: 0)
        return writer.bytes
    }

    /// `text` as a JSON string literal, appended to `out`.
    public static func writeString(_ text: String, into out: inout String) {
        var writer = JSONByteWriter(indent: 0, pretty: false)
        writer.writeString(text)
        out += String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// The one-pass writer behind `JSONPrinter`: appends to a byte array, nothing else.
public struct JSONByteWriter {
    public private(set) var bytes: [UInt8] = []
    let indent: Int
    let pretty: Bool

    public init(indent: Int, pretty: Bool, capacity: Int = 4096) {
        self.indent = indent
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    public mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let text): append(text)
        case .string(let text): writeString(text)
        case .array(let items):
            if items.isEmpty { append("[]"); return }
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { separator() }
                if pretty { newline(indent * (level + 1)) }
                write(item, level: level + 1)
            }
            if pretty { newline(indent * level) }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty { append("{}"); return }
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in object.members.enumerated() {
                if index > 0 { separator() }
                if pretty { newline(indent * (level + 1)) }
                writeString(member.key)
                bytes.append(UInt8(ascii: ":"))
                bytes.append(UInt8(ascii: " "))
                write(member.value, level: level + 1)
            }
            if pretty { newline(indent * level) }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func separator() {
        bytes.append(UInt8(ascii: ","))
        if !pretty { bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func newline(_ spaces: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces))
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Escapes what JSON requires (quote, backslash, C0 controls, DEL) and U+2028/U+2029 (which
    /// break JavaScript readers); everything else stays as UTF-8.
    public mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var plainStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = utf8[index]
                var escaped: StaticString?
                var width = 1
                switch byte {
                case 0x22: escaped = "\\\""
                case 0x5C: escaped = "\\\\"
                case 0x0A: escaped = "\\n"
                case 0x0D: escaped = "\\r"
                case 0x09: escaped = "\\t"
                case 0x08: escaped = "\\b"
                case 0x0C: escaped = "\\f"
                case 0x00..<0x20, 0x7F: escaped = nil
                case 0xE2 where index + 2 < count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escaped = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                case 0xE2 where index + 2 < count && ((utf8[index + 1] == 0x80 && (0xAA...0xAE).contains(utf8[index + 2]))
                                                       || (utf8[index + 1] == 0x81 && (0xA6...0xA9).contains(utf8[index + 2]))):
                    // Bidi overrides and isolates, written as escapes: valid JSON that cannot reorder
                    // what a terminal shows when the output is printed.
                    let scalar = (UInt32(utf8[index] & 0x0F) << 12) | (UInt32(utf8[index + 1] & 0x3F) << 6) | UInt32(utf8[index + 2] & 0x3F)
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                    bytes.append(contentsOf: Array(("\\u" + String(scalar, radix: 16)).utf8))
                    index += 3
                    plainStart = index
                    continue
                case 0xC2 where index + 1 < count && (0x80...0x9F).contains(utf8[index + 1]):
                    // C1 controls (some terminals read them as escape sequences).
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                    let value = utf8[index + 1]
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(value >> 4)], hex[Int(value & 0xF)]])
                    index += 2
                    plainStart = index
                    continue
                default:
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                if let escaped {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: escaped.utf8Start, count: escaped.utf8CodeUnitCount))
                } else {
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                index += width
                plainStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
