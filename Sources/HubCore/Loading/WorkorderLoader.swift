import Foundation

/// Reads workorder plans (`coderef/workorder/<name>/plan.json`) and `workorder-log.txt`.
enum WorkorderLoader {
    static func decode(_ value: JSONValue, path: String, fallbackId: String, log: ProblemLog) -> Workorder {
        let object = value.objectValue ?? JSONObject()
        if value.objectValue == nil { log.add(path, "expected a JSON object at the top, found \(value.kindName)") }
        let meta = object["META_DOCUMENTATION"]?.objectValue ?? JSONObject()
        let planning = object["UNIVERSAL_PLANNING_STRUCTURE"]?.objectValue ?? object
        let id = meta["workorder_id"]?.stringValue ?? object["workorder_id"]?.stringValue ?? fallbackId
        let statusWord = meta["status"]?.stringValue ?? object["status"]?.stringValue
        var done: Int?
        var total: Int?
        if let section = planning["5_task_id_system"] ?? object["5_task_id_system"] {
            let tasks = section.objectValue?["tasks"] ?? section
            let fields = FieldReader(object, file: path, log: log)
            if tasks.arrayValue != nil || tasks.objectValue != nil {
                (done, total) = AgentDecoder.countTasks(tasks, fields: fields)
            }
        }
        return Workorder(
            workorderId: id,
            path: path,
            featureName: meta["feature_name"]?.stringValue ?? object["feature_name"]?.stringValue,
            status: Status(statusWord),
            tasksDone: done,
            tasksTotal: total
        )
    }

    /// `WO-ID | project | description | timestamp`, one per line; blank and `#` lines skipped.
    static func parseLog(_ text: String, path: String) -> [WorkorderLogEntry] {
        var entries: [WorkorderLogEntry] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let id = fields.first, !id.isEmpty else { continue }
            func field(_ at: Int) -> String? { fields.count > at && !fields[at].isEmpty ? fields[at] : nil }
            entries.append(WorkorderLogEntry(workorderId: id, project: field(1), description: field(2), timestamp: field(3), path: path, line: index + 1))
        }
        return entries
    }
}
