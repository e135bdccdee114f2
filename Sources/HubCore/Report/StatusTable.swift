/// `sessions-hub status`: the snapshot as a readable table, what needs the person first. Every
/// string from a file is sanitised (stdout is often a terminal); columns are as wide as their
/// longest word (up to a limit), so long status words do not push the names out of line.
public enum StatusTable {
    public static func render(_ snapshot: WorkspaceSnapshot, attention: [AttentionItem] = []) -> String {
        var lines: [String] = []
        func clean(_ text: String) -> String { TerminalText.sanitize(text) }

        lines.append("Workspace \(clean(snapshot.root))")
        lines.append("")

        if !attention.isEmpty {
            lines.append("Needs you (\(attention.count)):")
            let reasonWidth = attention.map { $0.reason.word.count }.max() ?? 0
            let subjects = attention.map { clean(WorkspacePaths.lastComponent($0.session) + ($0.agent.map { " " + $0 } ?? "")) }
            let subjectWidth = min(48, subjects.map(\.count).max() ?? 0)
            for (item, subject) in zip(attention, subjects) {
                let note = item.note.map { "  " + Quote.trimmed(clean($0), limit: 100) } ?? ""
                lines.append("  ! " + pad(item.reason.word, reasonWidth) + "  " + pad(subject, subjectWidth) + note)
            }
            lines.append("")
        }

        let active = snapshot.stubs.filter { !$0.archived }
        let stubWordWidth = min(24, max(12, active.map { clean($0.status.word ?? "?").count }.max() ?? 0))
        lines.append("Stubs (\(active.count)\(archivedNote(snapshot.stubs.count - active.count))): \(bucketSummary(active.map(\.status.bucket)))")
        for bucket in StatusBucket.allCases.sorted() {
            let group = active.filter { $0.status.bucket == bucket }
            guard !group.isEmpty else { continue }
            lines.append("  \(bucket.label):")
            for stub in group.sorted(by: stubOrder) {
                let agents = stub.agents.isEmpty ? "" : " · \(stub.agents.count) agent" + (stub.agents.count == 1 ? "" : "s") + (stub.orchestrator != nil ? " + orchestrator" : "")
                let warning = stub.breakingChanges ? " ⚠ breaking" : ""
                lines.append("    " + pad(clean(stub.status.word ?? "?"), stubWordWidth) + " " + pad(clean(stub.priority ?? "-"), 9) + " " + clean(stub.featureName) + agents + warning)
            }
        }
        lines.append("")

        let sessions = snapshot.sessions.filter { !$0.archived }
        lines.append("Sessions (\(sessions.count)\(archivedNote(snapshot.sessions.count - sessions.count))): \(bucketSummary(sessions.map(\.derivedStatus)))")
        for session in sessions {
            let progress = "\(session.agentsComplete)/\(session.agents.count)"
            var line = "  " + pad(session.derivedStatus.label, 12) + " " + pad(progress, 6) + " " + clean(session.name)
            if let phase = session.phase { line += "  (phase \(phase))" }
            if session.waitingOnOrchestrator { line += "  [waiting on the orchestrator]" }
            if session.storedStatusDisagrees, let word = session.storedStatus?.word { line += "  [file says: \(clean(word))]" }
            lines.append(line)
        }
        lines.append("")

        if !snapshot.workorders.isEmpty {
            lines.append("Workorders (\(snapshot.workorders.count)):")
            let wordWidth = min(24, max(12, snapshot.workorders.map { clean($0.status.word ?? "?").count }.max() ?? 0))
            for workorder in snapshot.workorders {
                let tasks = workorder.tasksTotal.map { total in workorder.tasksDone.map { "\($0)/\(total)" } ?? "\(total) tasks" } ?? ""
                lines.append("  " + pad(clean(workorder.status.word ?? "?"), wordWidth) + " " + pad(tasks, 9) + " " + clean(workorder.workorderId) + "  " + clean(workorder.path))
            }
            lines.append("")
        }

        if snapshot.problems.isEmpty {
            lines.append("No problems.")
        } else {
            lines.append("Problems (\(snapshot.problems.count)):")
            for problem in snapshot.problems { lines.append("  ! " + clean(problem.path) + ": " + clean(problem.message)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func archivedNote(_ count: Int) -> String { count > 0 ? ", +\(count) archived" : "" }

    static func bucketSummary(_ buckets: [StatusBucket]) -> String {
        let parts = StatusBucket.allCases.sorted().compactMap { bucket -> String? in
            let count = buckets.filter { $0 == bucket }.count
            return count > 0 ? "\(count) \(bucket.label)" : nil
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    static func stubOrder(_ a: Stub, _ b: Stub) -> Bool {
        let rankA = PriorityRank.of(a.priority), rankB = PriorityRank.of(b.priority)
        return rankA != rankB ? rankA < rankB : a.featureName < b.featureName
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

