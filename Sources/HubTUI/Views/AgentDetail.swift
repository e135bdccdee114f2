import Foundation
import HubCore

/// Enter on an agent: everything the hub knows of it, as lines for the overlay. Status and note,
/// what the evidence says, tasks with their status, outputs, the history of its status changes and
/// the first lines of its output file.
enum AgentDetail {
    static func lines(_ state: AppState, _ view: AgentDetailView, width: Int) -> [[(String, StyleRole)]] {
        let glyphs = state.glyphs
        guard let session = state.snapshot.session(at: view.sessionPath),
              let agent = session.everyone.first(where: { $0.agentId == view.agentId }) else {
            return [[("This agent is no longer in the session's files.", .muted)]]
        }
        func clean(_ text: String) -> String { TerminalText.sanitize(text.replacingOccurrences(of: "\n", with: " ")) }
        let evidence = Evidence.assess(agent, in: session, snapshot: state.snapshot, now: state.now, policy: state.policy)
        let bucket = agent.status.bucket
        var lines: [[(String, StyleRole)]] = []
        var status: [(String, StyleRole)] = [("Status    ", .muted), (glyphs.status(bucket) + " " + clean(agent.status.word ?? "unknown"), .bucket(bucket))]
        if let flag = evidence.flag { status.append(("   " + glyphs.warning + " " + flag.rawValue.replacingOccurrences(of: "_", with: " ") + (evidence.detail.map { ": " + $0 } ?? ""), .warning)) }
        lines.append(status)
        if let activity = state.snapshot.activity(of: agent, in: session) {
            // What the agent itself does, beside what its files claim.
            let (text, role) = SessionDetail.activityLook(activity, glyphs: glyphs)
            var source = "  (from its " + (activity.source == .stateFile ? "state file" : activity.source == .hook ? "hooks" : "tmux pane")
            if let since = activity.since { source += ", " + Cells.age(from: since, now: state.now) + " ago" }
            lines.append([("Doing     ", .muted), (clean(text), role), (source + ")", .muted)])
            if activity.state == .waiting { lines.append([("          ", .muted), ("1–9 answer its prompt · r reply · g go to its window", .muted)]) }
        }
        if let used = state.snapshot.tokens[session.path]?[agent.agentId] {
            // This agent, this phase's agents, and every phase of the feature; a cost with prices.
            let prices = state.context.settings.tokenPrices
            func sum(_ path: String) -> TokenUsage { state.snapshot.tokens[path]?.values.reduce(TokenUsage(), +) ?? TokenUsage() }
            func priced(_ usage: TokenUsage) -> String { usage.short + (prices.map { " " + $0.text($0.cost(of: usage)) } ?? "") }
            let phase = sum(session.path)
            let phases = state.snapshot.timeline(of: session).map { sum($0.path) }.reduce(TokenUsage(), +)
            var rest = "  (in \(used.input), out \(used.output), cache \(used.cacheRead + used.cacheCreation); this phase: \(priced(phase))"
            if phases.total > phase.total { rest += "; all phases: \(priced(phases))" }
            lines.append([("Tokens    ", .muted), (priced(used), .text), (rest + ")", .muted)])
        }
        lines.append([("Session   ", .muted), (clean(session.workorderId ?? session.name), .text), ("  " + clean(session.name), .muted)])
        let changed = evidence.changedAt.map { Cells.age(from: $0, now: state.now) + " ago (" + Timestamp.format($0) + ")" } ?? "unknown (no file or time of its own says)"
        lines.append([("Changed   ", .muted), (changed, evidence.flag == .stale ? .warning : .text)])
        if let role = agent.role { lines += wrapped("Role      ", clean(role), width: width, role: .text) }
        if !agent.dependsOn.isEmpty || agent.executionWave != nil {
            let wave = Waves(session).waveOf[agent.agentId].map { "wave \($0)" } ?? ""
            let waiting = Waves.waitingOn(agent, in: session)
            let depends = agent.dependsOn.isEmpty ? "" : " · depends on " + agent.dependsOn.map(clean).joined(separator: ", ")
            lines.append([("Order     ", .muted), (wave + depends, .text), (waiting.isEmpty ? "" : "  (waiting on " + waiting.map(clean).joined(separator: ", ") + ")", .warning)])
        }
        if !agent.gateCriteria.isEmpty {
            lines.append([("Gate      ", .muted), (agent.gateCriteria.filter(\.met).count.description + "/\(agent.gateCriteria.count) criteria met", agent.gateCriteria.allSatisfy(\.met) ? .complete : .warning)])
            for criterion in agent.gateCriteria {
                lines.append([("  " + (criterion.met ? glyphs.complete : glyphs.status(.notStarted)) + " ", criterion.met ? .complete : .muted), (clean(criterion.text), .text)])
            }
        }
        if let note = agent.notes {
            lines += wrapped("Note      ", clean(note), width: width, role: bucket == .blocked || bucket == .failed ? .bucket(bucket) : .text)
        }
        let dispatch = state.snapshot.dispatches[session.path]?[agent.agentId]
        if let dispatch {
            let place = dispatch.window.map { "window \($0)" } ?? "tmux"
            lines.append([("Dispatch  ", .muted), ("\(place), \(dispatch.outcome) " + Cells.age(from: dispatch.at, now: state.now) + " ago (\(dispatch.form) form)", dispatch.isDelivered ? .text : .warning),
                          (dispatch.pane != nil && state.context.insideTmux ? "  g goes there" : "", .muted)])
        } else if let handed = state.snapshot.handoffs[session.path]?[agent.agentId] {
            lines.append([("Hand-off  ", .muted), ("one-liner copied " + Cells.age(from: handed, now: state.now) + " ago", evidence.flag == .notPickedUp ? .warning : .text)])
        }
        // Its project's own history since then: work the status file may not tell.
        if let commits = state.snapshot.commits[session.path]?[agent.agentId] {
            lines.append([("Commits   ", .muted), (commits.summary, .text), (commits.last.map { "  (last " + Cells.age(from: $0, now: state.now) + " ago)" } ?? "", .muted)])
        }

        lines.append([("", .text)])
        let tasksTitle = agent.tasksTotal.map { total in agent.tasksDone.map { "Tasks (\($0)/\(total) done)" } ?? "Tasks (\(total))" } ?? "Tasks"
        lines.append([(tasksTitle, .header)])
        if agent.tasks.isEmpty {
            lines.append([("  none listed in its files", .muted)])
        }
        for task in agent.tasks {
            let taskBucket = task.status.bucket
            let label = [task.id, task.description].compactMap { $0 }.map(clean).joined(separator: "  ")
            lines.append([("  " + glyphs.status(taskBucket) + " ", .bucket(taskBucket)), (label, .text), (task.status.word.map { "  " + clean($0) } ?? "", .muted)])
        }

        lines.append([("", .text)])
        lines.append([("Outputs", .header)])
        if let output = agent.outputFile {
            let found = agent.outputExists
            lines.append([("  " + (found ? glyphs.complete + " found   " : glyphs.warning + " missing "), found ? .complete : (bucket == .complete ? .warning : .muted)), (clean(output), .text)])
        } else {
            lines.append([("  no output file named", .muted)])
        }
        for file in agent.filesCreated where file != agent.outputFile { lines.append([("  created  ", .muted), (clean(file), .text)]) }
        for workorder in agent.workordersCreated {
            lines.append([("  workorder ", .muted), (clean(workorder.workorderId), .accent), (workorder.location.map { "  " + clean($0) } ?? "", .muted)])
        }

        lines.append([("", .text)])
        lines.append([("History of its status (seen by the hub)", .header)])
        switch view.history {
        case nil: lines.append([("  reading…", .muted)])
        case let history? where history.isEmpty: lines.append([("  no change seen yet", .muted)])
        case let history?:
            for entry in history.suffix(50).reversed() {
                var line: [(String, StyleRole)] = [("  " + Timestamp.format(entry.time) + "  ", .muted), (clean(entry.from ?? "–") + " " + glyphs.arrow + " " + clean(entry.to ?? "–"), .text)]
                if let note = entry.note { line.append(("  " + clean(note), .muted)) }
                lines.append(line)
            }
        }
        if let paneLines = view.paneLines, let dispatch {
            lines.append([("", .text)])
            lines.append([("Its pane ", .header), (dispatch.window.map { "window \($0)" } ?? "", .accent), ("  (last lines)", .muted)])
            for line in paneLines { lines.append([("  " + line, .text)]) }
        }
        if let output = agent.outputResolved {
            lines.append([("", .text)])
            lines.append([("Output ", .header), (clean(WorkspacePaths.lastComponent(output)), .accent), ("  (e opens it in your editor)", .muted)])
            for line in view.preview ?? ["reading…"] { lines.append([("  " + TerminalText.sanitize(line), .text)]) }
        }
        return lines
    }

    static func wrapped(_ label: String, _ text: String, width: Int, role: StyleRole) -> [[(String, StyleRole)]] {
        let pieces = TextFit.wrap(text, width: max(10, width - label.count), maxLines: 12)
        return pieces.enumerated().map { index, piece in
            [(index == 0 ? label : String(repeating: " ", count: label.count), .muted), (piece, role)]
        }
    }
}
