/// Reads fields out of a JSON object tolerantly: a missing field is nil; a field of the wrong type
/// is nil *and* a problem noted with the file and the field's path (`agents[2].status: expected a
/// string, found number`). Nothing here throws: a bad field never costs the rest of the file.
struct FieldReader {
    let object: JSONObject
    /// The file, relative to the root, for problems.
    let file: String
    /// Where this object sits in the file (`agents[2]`), empty at the top.
    let context: String
    let log: ProblemLog

    init(_ object: JSONObject, file: String, context: String = "", log: ProblemLog) {
        self.object = object
        self.file = file
        self.context = context
        self.log = log
    }

    func fieldPath(_ key: String) -> String { context.isEmpty ? key : "\(context).\(key)" }

    func wrongType(_ key: String, expected: String, found value: JSONValue) {
        log.add(file, "\(fieldPath(key)): expected \(expected), found \(value.kindName)")
    }


    /// A string field. Numbers and booleans are accepted as their text (people write `"phase": 2`).
    func string(_ key: String) -> String? {
        guard let value = object[key] else { return nil }
        switch value {
        case .string(let text): return text
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return nil
        default:
            wrongType(key, expected: "a string", found: value)
            return nil
        }
    }

    /// A status field: only strings are states; anything else is kept as unknown (bucket `other`)
    /// and noted.
    func status(_ key: String) -> Status {
        guard let value = object[key] else { return .unknown }
        if case .string(let word) = value { return Status(word) }
        if !value.isNull { wrongType(key, expected: "a status string", found: value) }
        return .unknown
    }

    /// A list of strings; a single string is read as a one-element list; non-string items are noted.
    func strings(_ key: String) -> [String] {
        guard let value = object[key] else { return [] }
        switch value {
        case .string(let text): return [text]
        case .array(let items):
            var result: [String] = []
            for (index, item) in items.enumerated() {
                switch item {
                case .string(let text): result.append(text)
                case .number(let text): result.append(text)
                default: log.add(file, "\(fieldPath(key))[\(index)]: expected a string, found \(item.kindName)")
                }
            }
            return result
        case .null: return []
        default:
            wrongType(key, expected: "a list of strings", found: value)
            return []
        }
    }

    /// A list of strings where the format says a list: a lone string is still read as one item,
    /// and noted (a person wrote `"agents_involved": "a, b"` and may not get what they meant).
    func list(_ key: String) -> [String] {
        if let value = object[key], case .string = value {
            log.add(file, "\(fieldPath(key)): expected a list of strings, found a string (read as one item)")
        }
        return strings(key)
    }

    /// A text field where a number is a slip (`"workorder_id": 12`, `"created": 2026.5`): read as
    /// its text, and noted.
    func text(_ key: String, expected: String = "a string") -> String? {
        if let value = object[key], case .number(let literal) = value {
            log.add(file, "\(fieldPath(key)): expected \(expected), found number \(literal) (read as text)")
        }
        return string(key)
    }

    func object(_ key: String) -> JSONObject? {
        guard let value = object[key] else { return nil }
        if case .object(let inner) = value { return inner }
        if !value.isNull { wrongType(key, expected: "an object", found: value) }
        return nil
    }

    func reader(_ key: String) -> FieldReader? {
        object(key).map { FieldReader($0, file: file, context: fieldPath(key), log: log) }
    }
}
