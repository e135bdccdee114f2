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
}
