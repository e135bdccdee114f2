import Foundation

/// A workorder folder's own communication.json (written from mid-2026): the source of truth for the
/// workorder's state — status, phase, blockers, hand-off, its log, transitions, when it closed. It
/// wins over plan.json for those; plan.json still gives the tasks; when the two name different
/// states the workorder says so (`disagreement`).
extension WorkorderLoader {
    static let communicationName = "communication.json"

    /// The folders that hold workorder folders in a project (or the workspace): `coderef/workorder/`
    /// and the two spellings of its archive.
    static let homes = ["coderef/workorder", "coderef/ARCHIVED", "coderef/archived"]

    /// `workorder` with what the communication.json beside its plan says (nil file: unchanged).
    static func merge(_ workorder: Workorder, communication path: String, shown: String, log: ProblemLog) -> Workorder {
        guard FileSystem.isFile(path), let value = JSONFile.load(path, displayPath: shown, log: log), let object = value.objectValue else { return workorder }
        var merged = workorder
        merged.communicationFile = shown
        if let word = scalar(object["status"]) {
            let planWord = workorder.status.word
            // A plan left at its first word (plan_created) while the work moved on is the usual case,
            // not news; a plan that claims an end (complete, failed, blocked) the workorder's own
            // file does not is.
            let planBucket = planWord.map { Status($0).bucket }
            if let planWord, let planBucket, [.complete, .failed, .blocked].contains(planBucket), planBucket != Status(word).bucket {
                merged.disagreement = "plan.json says \(planWord), communication.json says \(word)"
            }
            merged.status = Status(word)
        }
        if let phase = scalar(object["current_phase"]) { merged.currentPhase = phase }
        if let phaseStatus = scalar(object["phase_status"]) { merged.phaseStatus = phaseStatus }
        merged.blockers = (object["blockers"]?.arrayValue ?? []).compactMap(blockerText)
        if let handoff = object["handoff"]?.objectValue {
            let from = scalar(handoff["from"]), to = scalar(handoff["to"]), reason = scalar(handoff["reason"])
            if from != nil || to != nil {
                merged.handoff = "\(from ?? "?") → \(to ?? "?")" + (reason.map { ": \($0)" } ?? "")
            }
        }
        let events = object["communication_log"]?.arrayValue ?? []
        merged.lastEvents = events.suffix(3).compactMap { entry in
            guard let entry = entry.objectValue else { return scalar(entry) }
            let what = scalar(entry["event"]) ?? scalar(entry["type"]) ?? "event"
            let detail = scalar(entry["detail"]) ?? scalar(entry["message"])
            let at = scalar(entry["at"]) ?? scalar(entry["timestamp"])
            return [what, detail].compactMap { $0 }.joined(separator: " — ") + (at.map { " (\($0))" } ?? "")
        }
        let transitions = transitionTexts(object["phase_transitions"])
        if !transitions.isEmpty {
            merged.transitions = transitions
            merged.lastTransition = transitions.last
        }
        merged.closedAt = scalar(object["closed_at"]) ?? scalar(object["completed_at"])
        var written: [Date] = merged.writtenAt.map { [$0] } ?? []
        for key in ["closed_at", "completed_at", "updated_at", "last_updated"] { if let date = Timestamp.parse(scalar(object[key])) { written.append(date) } }
        for entry in events { if let date = Timestamp.parse(scalar(entry.objectValue?["at"]) ?? scalar(entry.objectValue?["timestamp"])) { written.append(date) } }
        for step in object["phase_transitions"]?.arrayValue ?? [] { if let date = Timestamp.parse(scalar(step.objectValue?["at"])) { written.append(date) } }
        merged.writtenAt = written.max()
        if merged.parentStubId == nil { merged.parentStubId = scalar(object["parent_stub_id"]) }
        if merged.parentSession == nil { merged.parentSession = scalar(object["parent_session"]) ?? scalar(object["session_id"]) }
        if let id = scalar(object["workorder_id"]), workorder.workorderId == workorder.fallbackId { merged.workorderId = id }
        return merged
    }

    /// A workorder folder that has a communication.json and no plan.json (nil: it has neither).
    static func loadCommunicationOnly(_ folder: String, shown: String, fallbackId: String, root: String, log: ProblemLog, times: GitFileTimes) -> Workorder? {
        let path = FileSystem.join(folder, communicationName)
        guard FileSystem.isFile(path) else { return nil }
        var workorder = Workorder(workorderId: fallbackId, path: shown, status: .unknown)
        workorder.fallbackId = fallbackId
        workorder = merge(workorder, communication: path, shown: shown, log: log)
        guard workorder.communicationFile != nil else { return nil }
        workorder = addFolderFiles(workorder, folder: folder, shownFolder: WorkspacePaths.parent(shown), log: log)
        let home = WorkspacePaths.parent(folder)
        workorder.archived = Workorder.isArchivedPath(path)
        if ["workorder", "ARCHIVED", "archived"].contains(WorkspacePaths.lastComponent(home)) {
            let project = WorkspacePaths.parent(WorkspacePaths.parent(home))
            workorder.project = project == root ? nil : WorkspacePaths.lastComponent(project)
        }
        workorder.modified = workorder.writtenAt ?? times.changed(path)
        return workorder
    }

    /// A blocker written as a string, or an object with its words in `description`, `reason`,
    /// `text` or `blocker` (and who it waits on).
    static func blockerText(_ value: JSONValue) -> String? {
        if let text = scalar(value) { return text }
        guard let object = value.objectValue else { return nil }
        let text = scalar(object["description"]) ?? scalar(object["reason"]) ?? scalar(object["text"]) ?? scalar(object["blocker"]) ?? scalar(object["summary"])
        let owner = scalar(object["owner"]) ?? scalar(object["waiting_on"])
        return text.map { $0 + (owner.map { " (waiting on \($0))" } ?? "") }
    }
}
