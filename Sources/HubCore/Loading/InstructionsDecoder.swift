/// Reads instructions.json in its layouts (see `Instructions`).
enum InstructionsDecoder {
    static func decode(_ value: JSONValue, file: String, agentId: String? = nil, log: ProblemLog) -> Instructions {
        let object = value.objectValue ?? JSONObject()
        if value.objectValue == nil { log.add(file, "expected a JSON object at the top, found \(value.kindName)") }
        let fields = FieldReader(object, file: file, log: log)
        var agentSteps: [AgentSteps] = []
        if let agents = object["agent_instructions"]?.objectValue {
            for member in agents.members {
                let id = member.key.hasSuffix("_agent") ? String(member.key.dropLast("_agent".count)) : member.key
                agentSteps.append(AgentSteps(agent: id, steps: steps(member.value)))
            }
        }
        // A per-agent file (nested layout) lists the agent's own steps at the top.
        if let agentId = agentId ?? object["agent_id"]?.stringValue {
            let own = steps(object["execution_steps"] ?? object["steps"] ?? .null)
            if !own.isEmpty { agentSteps.append(AgentSteps(agent: agentId, steps: own)) }
        }
        return Instructions(
            path: file,
            workorderId: fields.text("workorder_id") ?? fields.string("session_id"),
            task: fields.string("task"),
            description: fields.string("description"),
            sessionPhase: fields.string("session_phase"),
            orchestratorSteps: steps(object["orchestrator_instructions"] ?? .null),
            agentSteps: agentSteps,
            blocks: blocks(object["blocks"])
        )
    }

    /// Steps as `{steps: {step_1: ...}}`, `{steps: [...]}`, `{step_1: ...}` or a list; a step may be
    /// a string or an object with `action`/`description`/`task`.
    static func steps(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let text): return [text]
        case .array(let items): return items.compactMap(stepText)
        case .object(let object):
            if let inner = object["steps"] ?? object["execution_steps"] { return steps(inner) }
            let stepMembers = object.members.filter { $0.key.lowercased().hasPrefix("step") }
            return stepMembers.compactMap { stepText($0.value) }
        default: return []
        }
    }

    private static func stepText(_ value: JSONValue) -> String? {
        if let text = value.stringValue { return text }
        if let object = value.objectValue {
            for key in ["action", "description", "task", "name", "title"] {
                if let text = object[key]?.stringValue { return text }
            }
            return JSONPrinter.compact(value)
        }
        return nil
    }

    private static func blocks(_ value: JSONValue?) -> [InstructionBlock] {
        guard let items = value?.arrayValue else { return [] }
        return items.compactMap { item in
            guard let object = item.objectValue else { return nil }
            let content = object["content"].map { $0.stringValue ?? JSONPrinter.compact($0) } ?? ""
            let assigned: [String]
            switch object["assigned_to"] {
            case .array(let ids)?: assigned = ids.compactMap(\.stringValue)
            case .string(let id)?: assigned = [id]
            default: assigned = []
            }
            return InstructionBlock(id: object["id"]?.stringValue, type: object["type"]?.stringValue, content: content, assignedTo: assigned)
        }
    }
}
