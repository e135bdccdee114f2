import HubCore

/// The detail pane for a stub: what the idea is, who would work on it, and how to start it.
enum StubDetail {
    static func draw(_ canvas: inout Canvas, _ state: AppState, _ stub: Stub, inner: Rect) {
        let glyphs = state.glyphs
        var writer = LineWriter(canvas: canvas, area: inner, glyphs: glyphs)
        writer.line([(stub.title ?? stub.featureName, .title)])
        var facts: [String] = []
        if let id = stub.stubId { facts.append(id) }
        facts.append(stub.status.word ?? "no status")
        if let priority = stub.priority { facts.append(priority) }
        if let category = stub.category { facts.append(category) }
        if let created = stub.created { facts.append("created \(created)") }
        writer.line([(glyphs.status(stub.status.bucket) + " ", .bucket(stub.status.bucket)), (facts.joined(separator: " · "), .muted)])
        if stub.breakingChanges {
            writer.line([(glyphs.warning + " Breaking changes" + (stub.breakingChangesNote.map { ": " + $0 } ?? ""), .warning)])
        }
        if stub.archived { writer.line([("archived", .muted)]) }
        writer.blank()
        if let description = stub.description, !description.isEmpty {
            writer.wrapped(description, role: .text, maxLines: 6)
            writer.blank()
        }
        if !stub.scope.isEmpty {
            writer.line([("Scope", .header)])
            let areaWidth = min(18, stub.scope.compactMap { $0.area.map(DisplayWidth.of) }.max() ?? 0)
            for item in stub.scope {
                if let area = item.area {
                    writer.line([("  " + TextFit.pad(area, areaWidth) + "  ", .accent), (item.text, .text)])
                } else {
                    writer.line([("  • ", .muted), (item.text, .text)])
                }
            }
            writer.blank()
        }
        if !stub.phases.isEmpty {
            writer.line([("Phases", .header)])
            for (number, phase) in stub.phases.enumerated() { writer.line([("  \(number + 1). ", .muted), (phase, .text)]) }
            writer.blank()
        }
        if !stub.allAgents.isEmpty {
            writer.line([("Agents", .header), ("  \(stub.agents.count)" + (stub.orchestrator != nil ? " + orchestrator" : ""), .muted)])
            if let orchestrator = stub.orchestrator { writer.line([("  " + glyphs.orchestrator + " ", .accent), (orchestrator, .text), ("  orchestrator", .muted)]) }
            for agent in stub.agents { writer.line([("  · ", .muted), (agent, .text)]) }
            writer.blank()
        }
        var extras: [(String, String)] = []
        if let project = stub.project { extras.append(("Project", project)) }
        if !stub.tags.isEmpty { extras.append(("Tags", stub.tags.joined(separator: ", "))) }
        if let promoted = stub.promotedTo { extras.append(("Promoted to", promoted)) }
        extras.append(("File", stub.path))
        for (label, value) in extras { writer.line([(TextFit.pad(label, 12), .muted), (value, .text)]) }

        let sessions = state.sessions(of: stub)
        writer.blank()
        if sessions.isEmpty {
            writer.line([("S", .key), (" start a session from this stub", .muted)])
        } else {
            writer.line([("Sessions", .header)])
            for session in sessions {
                var text = session.name
                if let phase = session.phase { text += "  phase \(phase)" }
                text += "  \(session.agentsComplete)/\(session.agents.count) agents"
                writer.line([("  " + glyphs.status(session.derivedStatus) + " ", .bucket(session.derivedStatus)), (text, .text)])
            }
            writer.line([("Enter", .key), (" open the latest session", .muted)])
        }
        canvas = writer.canvas
    }
}

