import HubCore

/// The contents of the start dialogs.
enum Dialogs {
    static func confirmLines(_ plan: SessionPlan, glyphs: Glyphs) -> [[(String, StyleRole)]] {
        var lines: [[(String, StyleRole)]] = [
            [("Workorder  ", .muted), (plan.workorderId, .accent)],
            [("Folder     ", .muted), (plan.displayFolder + "/", .text)],
            [("Files      ", .muted), (plan.files.map(\.name).joined(separator: ", "), .text)],
            [("", .text)],
            [("Agents (\(plan.agents.count))", .header)],
            [("  " + glyphs.orchestrator + " ", .accent), (plan.orchestrator, .text), ("  orchestrator", .muted)],
        ]
        for agent in plan.agents { lines.append([("  · ", .muted), (agent, .text)]) }
        if !plan.phases.isEmpty {
            lines.append([("", .text)])
            lines.append([("Phases", .header)])
            for (index, phase) in plan.phases.enumerated() { lines.append([("  \(index + 1). ", .muted), (phase, .text)]) }
        }
        if !plan.unresolvedAgents.isEmpty {
            lines.append([("", .text)])
            lines.append([("agent_path unknown for ", .muted), (plan.unresolvedAgents.joined(separator: ", "), .text)])
            lines.append([("  (their ids are written instead; add [agents.<id>] path = \"...\" to .coderef/hub.toml)", .muted)])
        }
        for warning in plan.warnings {
            lines.append([(glyphs.warning + " " + warning, .warning)])
        }
        if let close = plan.closes {
            lines.append([("", .text)])
            lines.append([("First, phase \(plan.phase - 1) is closed in its file: ", .muted), (close.summary, .text)])
        }
        if plan.promotesStub {
            lines.append([("", .text)])
            lines.append([("Then the stub is marked promoted to \(plan.workorderId).", .muted)])
        }
        return lines
    }

    static func pickLines(_ candidates: [String], chosen: Set<String>, cursor: Int) -> [[(String, StyleRole)]] {
        var lines: [[(String, StyleRole)]] = [[("This stub names no agents. Which agents take part?", .text)], [("", .text)]]
        for (index, id) in candidates.enumerated() {
            let mark = chosen.contains(id) ? "[x] " : "[ ] "
            let role: StyleRole = index == cursor ? .selection : .text
            lines.append([((index == cursor ? "> " : "  ") + mark + id, role)])
        }
        return lines
    }

    /// What dispatch will do: the agents, where, with which command, and who already runs.
    static func dispatchLines(_ proposal: DispatchProposal, glyphs: Glyphs, width: Int) -> [[(String, StyleRole)]] {
        var lines: [[(String, StyleRole)]] = [[("Session  ", .muted), (proposal.sessionName, .accent)]]
        for line in TextFit.wrap(proposal.commandLine, width: max(10, width - 9)).enumerated() {
            lines.append([(line.offset == 0 ? "Command  " : "         ", .muted), (line.element, .text)])
        }
        if let first = proposal.targets.first {
            let how = first.prompt == .argument ? "its one-liner as the last argument" : "then its one-liner pasted (\(first.longForm ? "long" : "short") form) and Enter, checked"
            lines.append([("         ", .muted), (how, .muted)])
        }
        lines.append([("", .text)])
        lines.append([("Agents (\(proposal.targets.count)), a tmux window each", .header)])
        for target in proposal.targets {
            lines.append([("  · ", .muted), (target.agentId, .text), ("  in " + target.directory, .muted)])
        }
        for id in proposal.running {
            lines.append([(glyphs.warning + " \(id) already runs (in progress, or its window is open): this starts a second one", .warning)])
        }
        return lines
    }
}
