import HubCore
import MCP

/// The hub's JSON values as MCP values (structured tool results) and back (tool arguments).
enum JSONBridge {
    static func value(_ json: JSONValue) -> Value {
        switch json {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let text): return Int(text).map(Value.int) ?? Double(text).map(Value.double) ?? .string(text)
        case .string(let text): return .string(text)
        case .array(let items): return .array(items.map(value))
        case .object(let object):
            var result: [String: Value] = [:]
            for member in object.members { result[member.key] = value(member.value) }
            return .object(result)
        }
    }
}

/// A tool call that cannot be carried out: one sentence for the agent (`isError: true`).
struct ToolFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Reading a tool's arguments: a missing or ill-typed one is a ToolFailure that names it.
struct Arguments {
    let values: [String: Value]

    func string(_ name: String) throws -> String {
        guard let value = values[name] else { throw ToolFailure("missing argument '\(name)'") }
        guard let text = value.stringValue else { throw ToolFailure("argument '\(name)' must be a string") }
        return text
    }

    func optionalString(_ name: String) throws -> String? {
        guard let value = values[name], value != .null else { return nil }
        guard let text = value.stringValue else { throw ToolFailure("argument '\(name)' must be a string") }
        return text
    }

    func optionalStrings(_ name: String) throws -> [String]? {
        guard let value = values[name], value != .null else { return nil }
        if let text = value.stringValue { return [text] }
        guard let items = value.arrayValue, let strings = Optional(items.compactMap(\.stringValue)), strings.count == items.count else {
            throw ToolFailure("argument '\(name)' must be a list of strings")
        }
        return strings
    }

    func optionalInt(_ name: String) throws -> Int? {
        guard let value = values[name], value != .null else { return nil }
        guard let number = value.intValue ?? value.doubleValue.flatMap({ $0 == $0.rounded() ? Int(exactly: $0) : nil }) else { throw ToolFailure("argument '\(name)' must be a whole number") }
        return number
    }

    func optionalBool(_ name: String) throws -> Bool? {
        guard let value = values[name], value != .null else { return nil }
        guard let flag = value.boolValue else { throw ToolFailure("argument '\(name)' must be true or false") }
        return flag
    }

    /// `scope` as `{area: text}`, a list of texts, or one text.
    func optionalScope(_ name: String) throws -> [(String, String)]? {
        guard let value = values[name], value != .null else { return nil }
        if let text = value.stringValue { return [("scope", text)] }
        if let items = value.arrayValue {
            let texts = items.compactMap(\.stringValue)
            guard texts.count == items.count else { throw ToolFailure("argument '\(name)' must be an object of texts, a list of texts or a text") }
            return texts.enumerated().map { ("item_\($0.offset + 1)", $0.element) }
        }
        if let object = value.objectValue {
            var pairs: [(String, String)] = []
            for key in object.keys.sorted() {
                guard let text = object[key]?.stringValue else { throw ToolFailure("argument '\(name).\(key)' must be a text") }
                pairs.append((key, text))
            }
            return pairs
        }
        throw ToolFailure("argument '\(name)' must be an object of texts, a list of texts or a text")
    }
}
