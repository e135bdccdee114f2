/// Reads agent entries: a root communication.json's `agents[]` item (object or plain id string), the
/// `orchestrator` object, and a nested per-agent communication.json.
enum AgentDecoder {
    /// An `agents[]` item or an orchestrator object. `keyedId` is the key when `agents` is an object.
    static func decodeEntry(_ value: JSONValue, keyedId: String? = nil, file: String, context: String, isOrchestrator: Bool, log: ProblemLog) -> AgentState? {
        switch value {
        case .string(let id):
            // A plain id: the agent is known, its status is not.
            return AgentState(agentId: id, status: .unknown, isOrchestrator: isOrchestrator)
        case .object(let object):
            let fields = FieldReader(object, file: file, context: context, log: log)
            let id = fields.string("agent_id") ?? fields.string("id") ?? fields.string("name") ?? keyedId
                ?? (isOrchestrator ? "orchestrator" : nil)
            guard let id else {
                log.add(file, "\(context): agent without agent_id (skipped)")
                return nil
            }
            var agent = AgentState(agentId: id, status: fields.status("status"), isOrchestrator: isOrchestrator)
            fill(&agent, from: fields)
            return agent
        default:
            if let keyedId, case .null = value { return AgentState(agentId: keyedId, isOrchestrator: isOrchestrator) }
            log.add(file, "\(context): expected an agent object or id, found \(value.kindName)")
            return nil
        }
    }

    /// A nested `<session>/<agent>/communication.json` that carries one agent's own state.
    static func decodeNested(_ object: JSONObject, folderName: String, file: String, log: ProblemLog) -> AgentState {
        let fields = FieldReader(object, file: file, log: log)
        var agent = AgentState(agentId: fields.string("agent_id") ?? folderName, status: fields.status("status"))
        fill(&agent, from: fields)
        agent.nestedFile = file
        return agent
    }

    /// Fields common to root entries and nested files.
    private static func fill(_ agent: inout AgentState, from fields: FieldReader) {
        agent.role = fields.string("role")
        agent.agentPath = fields.string("agent_path")
        agent.completedAt = fields.string("completed_at")
        agent.startedAt = fields.object["started_at"]?.stringValue
        agent.updatedAt = fields.object["updated_at"]?.stringValue ?? fields.object["last_updated"]?.stringValue
        agent.notes = notes(fields.object["notes"])
        agent.dependsOn = fields.strings("depends_on")
        agent.executionWave = fields.object["execution_wave"]?.intValue
        agent.gateCriteria = gate(fields.object["phase_gate"])
        agent.outputFile = outputFile(fields)
        if let tasks = fields.object["tasks"] {
            (agent.tasksDone, agent.tasksTotal) = countTasks(tasks, fields: fields)
            agent.tasks = taskList(tasks)
        }
        if let outputs = fields.object["outputs"]?.objectValue {
            if let created = outputs["workorders_created"] { agent.workordersCreated = workorderReferences(created) }
            agent.filesCreated = outputs["files_created"]?.arrayValue?.compactMap(\.stringValue) ?? []
            agent.primaryOutput = outputs["primary_output"]?.stringValue
        }
    }

    /// `phase_gate{criteria[]}` (or a bare list): strings are unmet until an object says `met`.
    static func gate(_ value: JSONValue?) -> [GateCriterion] {
        let list = value?.objectValue?["criteria"]?.arrayValue ?? value?.arrayValue ?? []
        return list.compactMap { item in
            if let text = item.stringValue { return GateCriterion(text: text, met: false) }
            guard let object = item.objectValue else { return nil }
            let text = object["criterion"]?.stringValue ?? object["description"]?.stringValue ?? object["name"]?.stringValue ?? object["id"]?.stringValue
            guard let text else { return nil }
            let met: Bool
            if case .bool(let flag)? = object["met"] { met = flag } else { met = Status(object["status"]?.stringValue).bucket == .complete }
            return GateCriterion(text: text, met: met)
        }
    }

    static func notes(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return text.isEmpty ? nil : text
        case .array(let items)?:
            let lines = items.map { $0.stringValue ?? JSONPrinter.compact($0) }
            return lines.isEmpty ? nil : lines.joined(separator: "\n")
        case .object?: return value.map(JSONPrinter.compact)
        default: return nil
        }
    }

    /// `output_file`, else the first of `output_files{}`/`output_files[]`, else `outputs.primary_output`.
    static func outputFile(_ fields: FieldReader) -> String? {
        if let file = fields.object["output_file"]?.stringValue, !file.isEmpty { return file }
        switch fields.object["output_files"] {
        case .object(let files)?:
            if let first = files.members.lazy.compactMap({ $0.value.stringValue }).first { return first }
        case .array(let files)?:
            if let first = files.lazy.compactMap(\.stringValue).first { return first }
        case .string(let file)?: return file
        default: break
        }
        if let outputs = fields.object["outputs"]?.objectValue {
            if let primary = outputs["primary_output"]?.stringValue { return primary }
            if let first = outputs["files_created"]?.arrayValue?.first?.stringValue { return first }
        }
        return nil
    }

    /// Tasks as `[{status}]` give done/total; tasks as plain strings give only a total ("n tasks").
    static func countTasks(_ value: JSONValue, fields: FieldReader) -> (Int?, Int?) {
        let items: [JSONValue]
        switch value {
        case .array(let list): items = list
        case .object(let object): items = object.members.map(\.value)
        default:
            fields.wrongType("tasks", expected: "a list", found: value)
            return (nil, nil)
        }
        let withStatus = items.compactMap { $0.objectValue?["status"]?.stringValue }
        if withStatus.isEmpty { return (nil, items.count) }
        return (withStatus.filter { Status.bucket(for: $0) == .complete }.count, items.count)
    }

    /// Tasks for the agent detail: `{task_id|id, description|title|task, status}` or plain strings.
    static func taskList(_ value: JSONValue) -> [AgentTask] {
        let items: [JSONValue]
        switch value {
        case .array(let list): items = list
        case .object(let object): items = object.members.map(\.value)
        default: return []
        }
        return items.prefix(500).map { item in
            if let text = item.stringValue { return AgentTask(id: nil, description: text, status: .unknown) }
            let object = item.objectValue ?? JSONObject()
            let status = object["status"]?.stringValue.map(Status.init) ?? .unknown
            return AgentTask(id: object["task_id"]?.stringValue ?? object["id"]?.stringValue,
                             description: object["description"]?.stringValue ?? object["title"]?.stringValue ?? object["task"]?.stringValue,
                             status: status)
        }
    }

    /// `workorders_created`: strings `"WO-ID (path/)"` or objects `{workorder_id|id, location|plan_path}`.
    static func workorderReferences(_ value: JSONValue) -> [WorkorderReference] {
        guard let items = value.arrayValue else { return [] }
        return items.compactMap { item in
            if let text = item.stringValue {
                let mention = AgentMention(text)
                return WorkorderReference(workorderId: mention.id, location: mention.note)
            }
            if let object = item.objectValue {
                guard let id = object["workorder_id"]?.stringValue ?? object["id"]?.stringValue else { return nil }
                return WorkorderReference(workorderId: id, location: object["location"]?.stringValue ?? object["plan_path"]?.stringValue)
            }
            return nil
        }
    }
}
