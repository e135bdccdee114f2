/// A JSON value that keeps what a writer meant: members in their order, numbers as their literal
/// text (`1.0` stays `1.0`, `1e3` stays `1e3`), booleans apart from numbers.
/// Foundation's JSONSerialization loses all three (PLATFORM.md), and the files we read are edited
/// by other programs whose unknown fields must survive our writes.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number exactly as written in the source (validated JSON number syntax).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The kind, as a word for messages ("expected a string, found number").
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "list"
        case .object: return "object"
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// An integer when the literal is one (`3`, `-2`); `3.0` and `3e0` are not.
    public var intValue: Int? {
        if case .number(let text) = self { return Int(text) }
        return nil
    }

    public var doubleValue: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Member lookup for objects; nil for anything else.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// Builds a number value from an integer.
    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }
}

/// An object whose members keep their source order. Lookups are linear: objects in these files
/// are small, and order matters more than speed here. A duplicate key keeps both members (as written);
/// lookup returns the last, as most JSON readers do.
public struct JSONObject: Equatable, Sendable {
    public struct Member: Equatable, Sendable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public var members: [Member]

    public init(_ members: [Member] = []) {
        self.members = members
    }

    /// Convenience for building objects in code: `JSONObject([("a", .int(1))])`.
    public init(_ pairs: [(String, JSONValue)]) {
        self.members = pairs.map { Member(key: $0.0, value: $0.1) }
    }

    public var keys: [String] { members.map(\.key) }
    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    public subscript(key: String) -> JSONValue? {
        get { members.last(where: { $0.key == key })?.value }
        set {
            if let index = members.lastIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }
}
