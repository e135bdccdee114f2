import HubCore

/// `t`: one feature's life, left to right in a line, then each step with its status, dates and n/m:
/// the stub, every phase, the workorders the agents made.
enum TimelineView {
    static func lines(_ state: AppState, width: Int, cursor: Int = -1) -> (title: String, lines: [[(String, StyleRole)]]) {
        let glyphs = state.glyphs
        func clean(_ text: String) -> String { TerminalText.sanitize(text) }
        let (stub, phases) = state.featureTimeline
        if stub == nil && phases.isEmpty { return ("Timeline", []) }
        var seen = Set<String>()
        let workorders = phases.flatMap { WorkorderLinks.workorders(of: $0, in: state.snapshot) }.filter { seen.insert($0.path).inserted }

        // The chain: ○ stub → ✓ phase 1 3/3 → ◐ phase 2 1/3 → workorders 2 (1 ✓)
        var chain: [(String, StyleRole)] = []
        func link() { if !chain.isEmpty { chain.append((" " + glyphs.arrow + " ", .muted)) } }
        if let stub {
            chain.append((glyphs.status(stub.status.bucket) + " stub", .bucket(stub.status.bucket)))
        }
        for phase in phases {
            link()
            let label = phase.phase.map { "phase \($0)" } ?? WorkspacePaths.lastComponent(phase.name)
            chain.append((glyphs.status(phase.derivedStatus) + " " + label + " \(phase.agentsComplete)/\(phase.agents.count)" + (phase.archived ? " (archived)" : ""),
                          phase.archived ? .muted : .bucket(phase.derivedStatus)))
        }
        if !workorders.isEmpty {
            link()
            let done = workorders.filter { $0.status.bucket == .complete }.count
            chain.append(("workorders \(workorders.count) (\(done) " + glyphs.complete + ")", .accent))
        }
        if phases.isEmpty {
            link()
            chain.append(("no session yet: S starts phase 1", .muted))
        }
        var lines: [[(String, StyleRole)]] = [chain, [("", .text)]]

        if let stub {
            lines.append([("Stub      ", .header), (clean(stub.featureName), .text), ("  " + clean(stub.status.word ?? "no status"), .bucket(stub.status.bucket))])
            var facts: [String] = []
            if let created = stub.created { facts.append("created " + created) }
            if let priority = stub.priority { facts.append(priority + " priority") }
            if let promoted = stub.promotedTo { facts.append("promoted to " + promoted) }
            if !stub.agents.isEmpty { facts.append("\(stub.agents.count) agents") }
            if !facts.isEmpty { lines.append([("          ", .muted), (clean(facts.joined(separator: " · ")), .muted)]) }
        }
        for (index, phase) in phases.enumerated() {
            let label = (index == cursor ? glyphs.arrow + " " : "") + (phase.phase.map { "Phase \($0)" } ?? "Session")
            // An archived phase is greyed: done and put away, still part of the feature's life.
            let grey = phase.archived
            lines.append([(TextFit.pad(label, 10), index == cursor ? .accent : (grey ? .muted : .header)),
                          (glyphs.status(phase.derivedStatus) + " " + phase.statusLabel, grey ? .muted : .bucket(phase.derivedStatus)),
                          ("  \(phase.agentsComplete)/\(phase.agents.count) agents", grey ? .muted : .text), ("  " + clean(phase.workorderId ?? phase.name), grey ? .muted : .accent)]
                         + (grey ? [("  archived", .muted)] : []))
            var facts: [String] = [phase.path]
            if let created = phase.created { facts.insert("created " + created, at: 0) }
            let finished = phase.everyone.compactMap(\.completedAt).max()
            if phase.derivedStatus == .complete, let finished { facts.insert("completed " + finished, at: 1) }
            lines.append([("          ", .muted), (clean(facts.joined(separator: " · ")), .muted)])
        }
        if !workorders.isEmpty {
            lines.append([("Workorders", .header)])
            for plan in workorders {
                var text = plan.workorderId + "  " + (plan.status.word ?? "–")
                if let total = plan.tasksTotal { text += "  " + (plan.tasksDone.map { "\($0)/\(total)" } ?? "\(total) tasks") }
                if let phase = plan.currentPhase { text += "  phase " + phase }
                if let project = plan.project { text += "  (" + project + ")" }
                lines.append([("  " + glyphs.status(plan.status.bucket) + " ", .bucket(plan.status.bucket)), (clean(text), .text)])
            }
        }
        let name = stub?.featureName ?? phases.first?.feature ?? "feature"
        return ("Timeline of " + clean(name), lines)
    }
}
