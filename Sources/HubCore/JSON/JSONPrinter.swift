/// Writes JSONValue as text. `pretty` is the canonical form the hub writes for new files
/// (two-space indent, `"key": value`, non-ASCII kept as UTF-8: the style of the workflow's own
/// files); `compact` is one line, for `--json` output and NDJSON.
public enum JSONPrinter {
    public static func pretty(_ value: JSONValue, indent: Int = 2, baseIndent: Int = 0) -> String {
        var out = ""
        write(value, into: &out, indent: indent, level: baseIndent, pretty: true)
        return out
    }

    public static func compact(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: 0, level: 0, pretty: false)
        return out
    }

    static func write(_ value: JSONValue, into out: inout String, indent: Int, level: Int, pretty: Bool) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += pretty ? "," : ", " }
                if pretty { newline(&out, indent * (level + 1)) }
                write(item, into: &out, indent: indent, level: level + 1, pretty: pretty)
            }
            if pretty { newline(&out, indent * level) }
            out += "]"
        case .object(let object):
            if object.isEmpty { out += "{}"; return }
            out += "{"
            for (index, member) in object.members.enumerated() {
                if index > 0 { out += pretty ? "," : ", " }
                if pretty { newline(&out, indent * (level + 1)) }
                writeString(member.key, into: &out)
                out += ": "
                write(member.value, into: &out, indent: indent, level: level + 1, pretty: pretty)
            }
            if pretty { newline(&out, indent * level) }
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ spaces: Int) {
        out += "\n"
        out += String(repeating: " ", count: spaces)
    }

    /// Escapes what JSON requires (quote, backslash, C0 controls); everything else stays as UTF-8.
    public static func writeString(_ text: String, into out: inout String) {
        out += "\""
        var plainStart = text.unicodeScalars.startIndex
        var index = plainStart
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escaped: String?
            switch scalar.value {
            case 0x22: escaped = "\\\""
            case 0x5C: escaped = "\\\\"
            case 0x0A: escaped = "\\n"
            case 0x0D: escaped = "\\r"
            case 0x09: escaped = "\\t"
            case 0x08: escaped = "\\b"
            case 0x0C: escaped = "\\f"
            case 0x00..<0x20, 0x7F, 0x2028, 0x2029:
                let hex = String(scalar.value, radix: 16)
                escaped = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escaped = nil
            }
            if let escaped {
                out.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                out += escaped
                index = scalars.index(after: index)
                plainStart = index
            } else {
                index = scalars.index(after: index)
            }
        }
        out.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        out += "\""
    }
}
