import Foundation

/// Turns a stub.json value into a `Stub`, tolerantly (FORMATS.md "stub.json").
enum StubDecoder {
    /// `value` is nil when the file did not parse: the stub is still listed (by folder name), so a
    /// half-written file never makes an idea disappear from the list.
    static func decode(_ value: JSONValue?, absolutePath: String, displayPath: String, folderName: String, archived: Bool, log: ProblemLog) -> Stub {
        var object = JSONObject()
        if let value {
            if let inner = value.objectValue { object = inner } else { log.add(displayPath, "expected a JSON object at the top, found \(value.kindName)") }
        }
        let fields = FieldReader(object, file: displayPath, log: log)
        let involved = fields.list("agents_involved").map(AgentMention.init)
        let orchestrator = involved.first(where: \.isOrchestrator)?.id
        let breaking = breakingChanges(object["breaking_changes"], fields)
        if value != nil && object["status"] == nil { log.add(displayPath, "status: missing (shown as unknown)") }
        return Stub(
            featureName: nonEmpty(fields.string("feature_name")) ?? folderName,
            folderName: folderName,
            path: displayPath,
            absolutePath: absolutePath,
            status: value == nil ? .unknown : fields.status("status"),
            priority: priority(object["priority"], fields),
            stubId: fields.string("stub_id"),
            title: fields.string("title"),
            description: textual(object["description"]),
            created: fields.text("created", expected: "a date string"),
            category: fields.string("category"),
            project: nonEmpty(fields.string("target_project")) ?? nonEmpty(fields.string("project")),
            sessionType: fields.string("session_type"),
            agents: involved.filter { !$0.isOrchestrator }.map(\.id),
            orchestrator: orchestrator,
            scope: scope(object["scope"], fields),
            phases: fields.list("session_phases"),
            tags: fields.strings("tags"),
            breakingChanges: breaking.flag,
            breakingChangesNote: breaking.note,
            promotedTo: fields.string("promoted_to"),
            archived: archived
        )
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return text
    }

    /// A priority is normally a word; an object (seen: `{level, reason}`) gives its `level`.
    static func priority(_ value: JSONValue?, _ fields: FieldReader) -> String? {
        switch value {
        case .string(let word)?: return word
        case .number(let text)?: return text
        case .object(let object)?:
            let level = object["level"]?.stringValue ?? object["value"]?.stringValue
            if level == nil { fields.wrongType("priority", expected: "a word (or an object with a level)", found: .object(object)) }
            return level
        case nil, .null?: return nil
        case let other?:
            fields.wrongType("priority", expected: "a word", found: other)
            return nil
        }
    }

    /// Text fields sometimes hold lists of lines.
    static func textual(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return text
        case .array(let items)?: return items.compactMap(\.stringValue).joined(separator: "\n")
        default: return nil
        }
    }

    static func breakingChanges(_ value: JSONValue?, _ fields: FieldReader) -> (flag: Bool, note: String?) {
        switch value {
        case .number?:
            fields.wrongType("breaking_changes", expected: "true, false or a text", found: value!)
            return (false, nil)
        case .bool(let flag)?: return (flag, nil)
        case .string(let text)?:
            let normalized = text.trimmingCharacters(in: .whitespaces).lowercased()
            if ["", "false", "no", "none", "n/a"].contains(normalized) { return (false, nil) }
            return (true, normalized == "true" || normalized == "yes" ? nil : text)
        case .array(let items)?:
            fields.log.add(fields.file, "breaking_changes: expected true, false or a text, found a list (read as its items)")
            return (!items.isEmpty, items.compactMap(\.stringValue).joined(separator: "; "))
        case .object(let object)?:
            fields.wrongType("breaking_changes", expected: "true, false or a text", found: value!)
            return (!object.isEmpty, nil)
        default: return (false, nil)
        }
    }

    /// `scope` as `{area: what}`, a string, or a list (of strings or `{area, description}` objects).
    static func scope(_ value: JSONValue?, _ fields: FieldReader) -> [ScopeItem] {
        switch value {
        case .string(let text)?: return text.isEmpty ? [] : [ScopeItem(area: nil, text: text)]
        case .array(let items)?:
            return items.compactMap { item in
                if let text = item.stringValue { return ScopeItem(area: nil, text: text) }
                if let object = item.objectValue {
                    let area = object["area"]?.stringValue ?? object["name"]?.stringValue
                    let text = object["description"]?.stringValue ?? object["task"]?.stringValue ?? JSONPrinter.compact(item)
                    return ScopeItem(area: area, text: text)
                }
                return nil
            }
        case .object(let object)?:
            return object.members.map { member in
                switch member.value {
                case .string(let text): return ScopeItem(area: member.key, text: text)
                case .array(let items): return ScopeItem(area: member.key, text: items.compactMap(\.stringValue).joined(separator: "; "))
                default: return ScopeItem(area: member.key, text: JSONPrinter.compact(member.value))
                }
            }
        case nil, .null?: return []
        case let other?:
            fields.wrongType("scope", expected: "an object, a list or a text", found: other)
            return []
        }
    }
}

/// An `agents_involved` entry: `"coderef-docs"` or `"assistant (orchestrator)"`.
struct AgentMention: Equatable {
    var id: String
    var note: String?

    init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(")"), let open = trimmed.range(of: " (", options: .backwards) {
            id = String(trimmed[..<open.lowerBound]).trimmingCharacters(in: .whitespaces)
            note = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
        } else {
            id = trimmed
            note = nil
        }
    }

    var isOrchestrator: Bool { note?.lowercased().contains("orchestrator") ?? false }
}
