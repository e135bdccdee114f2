import Foundation

/// Reads workorder plans (`coderef/workorder/<name>/plan.json`) and `workorder-log.txt`.
enum WorkorderLoader {
    static func decode(_ value: JSONValue, path: String, fallbackId: String, log: ProblemLog) -> Workorder {
        let object = value.objectValue ?? JSONObject()
        if value.objectValue == nil { log.add(path, "expected a JSON object at the top, found \(value.kindName)") }
        let meta = object["META_DOCUMENTATION"]?.objectValue ?? JSONObject()
        let planning = object["UNIVERSAL_PLANNING_STRUCTURE"]?.objectValue ?? object
        let id = FieldReader(meta, file: path, context: "META_DOCUMENTATION", log: log).text("workorder_id")
            ?? FieldReader(object, file: path, log: log).text("workorder_id") ?? fallbackId
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
        var workorder = Workorder(
            workorderId: id,
            path: path,
            featureName: meta["feature_name"]?.stringValue ?? object["feature_name"]?.stringValue,
            status: Status(statusWord ?? object["phase_status"]?.stringValue),
            tasksDone: done,
            tasksTotal: total
        )
        if let section = planning["5_task_id_system"] ?? object["5_task_id_system"] {
            workorder.tasks = AgentDecoder.taskList(section.objectValue?["tasks"] ?? section)
        }
        workorder.currentPhase = scalar(object["current_phase"] ?? meta["current_phase"])
        workorder.phaseStatus = scalar(object["phase_status"] ?? meta["phase_status"])
        workorder.transitions = transitionTexts(object["phase_transitions"] ?? meta["phase_transitions"])
        workorder.lastTransition = workorder.transitions.last
        // The newest time the plan writes about itself.
        var written: [Date] = []
        for source in [object, meta] {
            for key in ["closed_at", "completed_at", "updated_at", "last_updated", "started_at"] { if let date = Timestamp.parse(scalar(source[key])) { written.append(date) } }
            for step in source["phase_transitions"]?.arrayValue ?? [] { if let date = Timestamp.parse(scalar(step.objectValue?["at"])) { written.append(date) } }
        }
        workorder.writtenAt = written.max()
        workorder.parentStubId = scalar(object["parent_stub_id"] ?? meta["parent_stub_id"])
        workorder.parentSession = scalar(object["parent_session"] ?? meta["parent_session"] ?? object["session_id"])
        return workorder
    }

    /// A plan file read from disk: decoded, with its modification time and its project's name
    /// (`<project>/coderef/workorder/<name>/plan.json`; nil for the workspace's own).
    static func load(_ path: String, shown: String, fallbackId: String, root: String, log: ProblemLog, times: GitFileTimes = .none) -> Workorder? {
        guard let value = JSONFile.load(path, displayPath: shown, log: log) else { return nil }
        var plan = decode(value, path: shown, fallbackId: fallbackId, log: log)
        plan.fallbackId = fallbackId
        let folder = WorkspacePaths.parent(WorkspacePaths.parent(path))
        if ["workorder", "ARCHIVED", "archived"].contains(WorkspacePaths.lastComponent(folder)), WorkspacePaths.lastComponent(WorkspacePaths.parent(folder)) == "coderef" {
            let project = WorkspacePaths.parent(WorkspacePaths.parent(folder))
            plan.project = project == root ? nil : WorkspacePaths.lastComponent(project)
            // The workorder's own communication.json, beside its plan, wins for its state.
            let communication = FileSystem.join(WorkspacePaths.parent(path), communicationName)
            plan = merge(plan, communication: communication, shown: WorkspacePaths.parent(shown) + "/" + communicationName, log: log)
            plan = addFolderFiles(plan, folder: WorkspacePaths.parent(path), shownFolder: WorkspacePaths.parent(shown), log: log)
        }
        plan.modified = plan.writtenAt ?? times.changed(path)
        plan.archived = Workorder.isArchivedPath(path)
        return plan
    }

    /// `phase_transitions[]` as words, oldest first: `phase 2 → complete at … commit abc1234567 (pass)`.
    static func transitionTexts(_ value: JSONValue?) -> [String] {
        (value?.arrayValue ?? []).compactMap { step -> String? in
            guard let step = step.objectValue else { return nil }
            let phase = scalar(step["phase"]).map { "phase \($0)" }
            let to = (scalar(step["to_status"]) ?? scalar(step["status"])).map { "→ \($0)" }
            let at = scalar(step["at"]).map { "at \($0)" }
            let commit = scalar(step["commit"]).map { "commit \($0.prefix(10))" }
            let verdict = scalar(step["verdict"]).map { "(\($0))" }
            let text = [phase, to, at, commit, verdict].compactMap { $0 }.joined(separator: " ")
            return text.isEmpty ? nil : text
        }
    }

    /// A string or a number as text (phases are written both ways).
    static func scalar(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return text.isEmpty ? nil : text
        case .number?: return value?.intValue.map(String.init) ?? value?.doubleValue.map { String($0) }
        default: return nil
        }
    }

    /// `WO-ID | project | description | timestamp`, one per line; blank and `#` lines skipped.
    static func parseLog(_ text: String, path: String) -> [WorkorderLogEntry] {
        var entries: [WorkorderLogEntry] = []
        for (index, rawLine) in TextLines.split(text).enumerated() {
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
