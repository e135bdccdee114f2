import HubCore
import MCP

/// A tool's arguments checked against the tool's own input schema before it runs: an unknown key
/// (`notes` for `note` would silently drop the note), a missing one or one of the wrong type is
/// refused with one sentence that quotes at most a few dozen characters of what was sent.
enum ArgumentCheck {
    static func refusal(_ arguments: [String: Value], for tool: Tool) -> String? {
        guard let schema = tool.inputSchema.objectValue, let properties = schema["properties"]?.objectValue else { return nil }
        let names = properties.keys.sorted()
        if let unknown = arguments.keys.sorted().first(where: { properties[$0] == nil }) {
            return "\(tool.name) has no argument \(Quote.short(unknown))" + Suggest.phrase(unknown, among: names)
                + " (it takes: \(names.isEmpty ? "none" : names.joined(separator: ", ")))"
        }
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where arguments[name] == nil || arguments[name] == .null {
            return "\(tool.name) needs the argument '\(name)'"
        }
        for name in arguments.keys.sorted() {
            guard let value = arguments[name], value != .null, let property = properties[name]?.objectValue,
                  let type = property["type"]?.stringValue, let expected = mismatch(value, type: type, property: property) else { continue }
            return "argument '\(name)' of \(tool.name) must be \(expected)"
        }
        return nil
    }

    /// nil when `value` has the schema's type; else what it should have been.
    static func mismatch(_ value: Value, type: String, property: [String: Value]) -> String? {
        switch type {
        case "string": return value.stringValue == nil ? "a string" : nil
        case "boolean": return value.boolValue == nil ? "true or false" : nil
        case "integer": return value.intValue == nil ? "a whole number" : nil
        case "array":
            guard let items = value.arrayValue else { return "a list" }
            if property["items"]?.objectValue?["type"]?.stringValue == "string", !items.allSatisfy({ $0.stringValue != nil }) { return "a list of strings" }
            return nil
        case "object":
            guard let members = value.objectValue else { return "an object" }
            if property["additionalProperties"]?.objectValue?["type"]?.stringValue == "string", !members.values.allSatisfy({ $0.stringValue != nil }) {
                return "an object of strings"
            }
            return nil
        default: return nil
        }
    }
}
