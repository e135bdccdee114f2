import HubCore

/// The detail pane for a session: identity, phase timeline, derived status, progress, one row per
/// agent (orchestrator first) and the selected agent's one-liner.
enum SessionDetail {
    static func draw(_ canvas: inout Canvas, _ state: AppState, _ session: Session, inner: Rect, keymap: Keymap = .standard) {
        let glyphs = state.glyphs
        let parts = SessionDetailLayout(session: session, inner: inner)
        var writer = LineWriter(canvas: canvas, area: parts.header, glyphs: glyphs)

        var title: [(String, StyleRole)] = [(session.workorderId ?? session.name, .title)]
        if session.workorderId != nil { title.append(("  " + session.name, .muted)) }
        if session.archived { title.append(("  archived", .muted)) }
        writer.line(title)

        var timelineSpans: [(String, StyleRole)] = [("Feature  ", .muted), (session.feature, .text)]
        let timeline = state.snapshot.timeline(of: session)
        if timeline.count > 1 {
            timelineSpans.append(("   ", .text))
            for (index, phase) in timeline.enumerated() {
                if index > 0 { timelineSpans.append((" " + glyphs.arrow + " ", .muted)) }
                let label = phase.phase.map { "phase\($0)" } ?? WorkspacePaths.lastComponent(phase.name)
                timelineSpans.append((glyphs.status(phase.derivedStatus) + " ", .bucket(phase.derivedStatus)))
                timelineSpans.append((label, phase.path == session.path ? .accent : .text))
            }
        } else if let phase = session.phase {
            timelineSpans.append(("   phase \(phase)", .text))
        }
        if let parent = session.parent { timelineSpans.append(("   part of " + parent, .muted)) }
        if !parts.compactHeader { writer.line(timelineSpans) }

        let derived = session.derivedStatus
        var status: [(String, StyleRole)] = [("Status   ", .muted), (glyphs.status(derived) + " " + session.statusLabel, .bucket(derived))]
        if let worst = state.board.worst(session.path) {
            let mark = ListPane.mark(worst.reason, glyphs: glyphs)
            let count = state.board.bySession[session.path]?.count ?? 1
            status.append(("   " + mark.glyph + " needs you: " + worst.reason.word + (count > 1 ? " (+\(count - 1))" : ""), mark.role))
        }
        if session.storedStatusDisagrees, let word = session.storedStatus?.word {
            status.append(("   file says: " + TerminalText.sanitize(word) + (SessionCloser.plan(session) != nil ? " (C closes it)" : ""), .warning))
        }
        if let file = session.unreadableFiles.first {
            status.append(("   " + glyphs.warning + " " + WorkspacePaths.lastComponent(file) + " unreadable (being written?): last good state shown", .warning))
        }
        if parts.compactHeader { status.insert(("  \(session.agentsComplete)/\(session.agents.count) done ", .text), at: 2) }
        writer.line(status)
        if parts.compactHeader {
            canvas = writer.canvas
            drawAgents(&canvas, state, session, parts: parts)
            return
        }

        let total = session.agents.count
        let done = session.agentsComplete
        let barWidth = max(0, min(24, inner.width - 30))
        let bar = Cells.bar(done: done, total: total, width: barWidth, glyphs: glyphs)
        writer.line([("Progress ", .muted), (bar.done, .progressDone), (bar.todo, .progressTodo), ((barWidth > 0 ? " " : "") + "\(done)/\(total) agents complete", .text)])

        if !session.phases.isEmpty {
            var spans: [(String, StyleRole)] = [("Phases   ", .muted)]
            for (index, phase) in session.phases.enumerated() {
                if index > 0 { spans.append((" " + glyphs.arrow + " ", .muted)) }
                spans.append((glyphs.status(phase.status.bucket) + " ", .bucket(phase.status.bucket)))
                spans.append((phase.name ?? phase.key, .text))
            }
            writer.line(spans)
        }
        canvas = writer.canvas

        drawAgents(&canvas, state, session, parts: parts)
        if let area = parts.oneLiner { drawOneLiner(&canvas, state, session, area: area, keymap: keymap) }
    }

    /// Status next to the name, the note (why it is blocked, what the evidence says) taking the rest.
    struct AgentColumns {
        let width: Int
        /// The longest agent id's width: the column fits the names, not a fixed share.
        var longestId = 24
        var status: Int { width >= 60 ? 13 : 11 }
        var age: Int { 4 }
        var output: Int { width >= 56 ? 8 : 0 }
        var tasks: Int { width >= 48 ? 5 : 0 }
        var id: Int { max(6, min(longestId, max(10, width / 3))) }
        var note: Int {
            max(0, width - 2 - id - 1 - status - 1 - age - 1 - (output > 0 ? output + 1 : 0) - (tasks > 0 ? tasks + 1 : 0))
        }
    }

    /// The note column: what the agent itself is doing first (`◆ waiting: permission prompt`), then
    /// what its files and the evidence say.
    static func note(_ state: AppState, _ session: Session, _ agent: AgentState, _ evidence: AgentEvidence) -> (String, StyleRole)? {
        let claim = fileNote(state, session, agent, evidence)
        guard let activity = state.snapshot.activity(of: agent, in: session) else { return claim }
        let (text, role) = activityLook(activity, glyphs: state.glyphs)
        return (text + (claim.map { " · " + $0.0 } ?? ""), role)
    }

    /// `◆ waiting: permission prompt` in the colour of what it asks of the person.
    static func activityLook(_ activity: Activity, glyphs: Glyphs) -> (String, StyleRole) {
        let role: StyleRole
        switch activity.state {
        case .waiting: role = .warning
        case .exited: role = .bucket(.failed)
        case .working: role = .bucket(.inProgress)
        case .idle, .unknown: role = .muted
        }
        return (glyphs.activity(activity.state) + " " + activity.phrase, role)
    }

    /// A blocked or failed agent's own note; else what the evidence says; else the hand-off; else
    /// the agent's note, muted.
    static func fileNote(_ state: AppState, _ session: Session, _ agent: AgentState, _ evidence: AgentEvidence) -> (String, StyleRole)? {
        let bucket = agent.status.bucket
        if agent.unreadable {
            return (state.glyphs.warning + " its file cannot be read: " + (agent.nestedFile.map { WorkspacePaths.relative($0, to: session.path) } ?? "?"), .warning)
        }
        if bucket == .blocked || bucket == .failed {
            return (agent.notes ?? "(no note)", .bucket(bucket))
        }
        switch evidence.flag {
        case .conflict?: return (state.glyphs.warning + " conflict: " + (evidence.detail ?? ""), .warning)
        case .stale?: return (state.glyphs.warning + " stale " + Cells.age(from: evidence.changedAt, now: state.now), .warning)
        case .unverified?: return (state.glyphs.warning + " unverified: " + (evidence.detail ?? ""), .warning)
        case .doneUnreported?: return (state.glyphs.warning + " done? " + (evidence.detail ?? "") + " (m marks complete)", .warning)
        case .notPickedUp?:
            // A dispatch that was typed but not taken: the evidence says how, and where.
            if let dispatch = state.snapshot.dispatches[session.path]?[agent.agentId], !dispatch.isDelivered, let detail = evidence.detail {
                return (state.glyphs.warning + " " + detail, .warning)
            }
            let handed = state.snapshot.handoffs[session.path]?[agent.agentId]
            return (state.glyphs.warning + " not picked up " + Cells.age(from: handed, now: state.now), .warning)
        case nil: break
        }
        if bucket == .notStarted, !agent.dependsOn.isEmpty {
            let waiting = Waves.waitingOn(agent, in: session)
            if !waiting.isEmpty { return ("waiting on " + waiting.joined(separator: ", "), .muted) }
        }
        if bucket == .notStarted, let dispatch = state.snapshot.dispatches[session.path]?[agent.agentId] {
            let place = dispatch.window.map { state.glyphs.arrow + " window \($0)" } ?? state.glyphs.arrow + " tmux"
            return (place + ", " + dispatch.outcome + " " + Cells.age(from: dispatch.at, now: state.now) + " ago", .muted)
        }
        if let handoff = handoff(state, session, agent) { return (handoff.long, handoff.role) }
        return agent.notes.map { ($0, .muted) }
    }

    /// The hand-off column: how long ago the one-liner was copied; a warning when the agent has
    /// still not started long after.
    static func handoff(_ state: AppState, _ session: Session, _ agent: AgentState) -> (short: String, long: String, role: StyleRole)? {
        guard let date = state.snapshot.handoffs[session.path]?[agent.agentId] else { return nil }
        let age = Cells.age(from: date, now: state.now)
        if agent.status.bucket == .notStarted && state.now.timeIntervalSince(date) >= state.context.settings.notPickedUpAfter {
            return (state.glyphs.warning + " " + age, "handed off \(age) ago, not picked up", .warning)
        }
        return (age + " ago", "handed off \(age) ago", .muted)
    }

    static func drawAgents(_ canvas: inout Canvas, _ state: AppState, _ session: Session, parts: SessionDetailLayout) {
        let glyphs = state.glyphs
        var columns = AgentColumns(width: parts.agentTitles.width)
        columns.longestId = session.everyone.reduce(5) { max($0, DisplayWidth.of($1.agentId)) }
        var titles = "  " + TextFit.pad("AGENT", columns.id) + " " + TextFit.pad("STATUS", columns.status) + " " + TextFit.padLeft("AGE", columns.age)
        if columns.output > 0 { titles += " " + TextFit.pad("OUTPUT", columns.output) }
        if columns.tasks > 0 { titles += " " + TextFit.padLeft("TASKS", columns.tasks) }
        if columns.note > 0 { titles += " NOTE" }
        Cells.text(&canvas, titles, x: parts.agentTitles.x, y: parts.agentTitles.y, width: parts.agentTitles.width, role: .muted, glyphs: glyphs)

        let everyone = session.everyone
        if everyone.isEmpty {
            Cells.text(&canvas, "  no agents in this session's files", x: parts.agents.x, y: parts.agents.y, width: parts.agents.width, role: .muted, glyphs: glyphs)
            return
        }
        for line in 0..<parts.agents.height {
            let index = state.agentScroll + line
            guard everyone.indices.contains(index) else { break }
            let agent = everyone[index]
            let y = parts.agents.y + line
            var x = parts.agents.x
            let bucket = agent.status.bucket
            canvas.put(agent.isOrchestrator ? glyphs.orchestrator : glyphs.status(bucket), x: x, y: y, role: agent.isOrchestrator ? .accent : .bucket(bucket))
            x += 2
            Cells.text(&canvas, agent.agentId, x: x, y: y, width: columns.id, role: .text, glyphs: glyphs)
            x += columns.id + 1
            // The word as written stays; what the evidence says goes in its colour, the age and the note.
            let word = agent.status.word ?? "unknown"
            let evidence = Evidence.assess(agent, in: session, snapshot: state.snapshot, now: state.now, policy: state.policy)
            var statusRole = evidence.flag == nil ? StyleRole.bucket(bucket) : .warning
            let flashing = (state.flashes[AppState.flashKey(session.path, agent.agentId)] ?? .distantPast) > state.now
            if flashing { statusRole = .flash }
            Cells.text(&canvas, (agent.isOrchestrator ? glyphs.status(bucket) + " " : "") + word, x: x, y: y, width: columns.status, role: statusRole, glyphs: glyphs)
            x += columns.status + 1
            let age = evidence.changedAt.map { Cells.age(from: $0, now: state.now) } ?? (glyphs == .ascii ? "-" : "–")
            canvas.put(TextFit.padLeft(age, columns.age), x: x, y: y, role: evidence.flag == .stale ? .warning : .muted)
            x += columns.age + 1
            if columns.output > 0 {
                let (text, role): (String, StyleRole) = agent.outputFile == nil ? ("-", .muted) : (agent.outputExists ? (glyphs.complete + " found", .complete) : ("missing", bucket == .complete ? .warning : .muted))
                Cells.text(&canvas, text, x: x, y: y, width: columns.output, role: role, glyphs: glyphs)
                x += columns.output + 1
            }
            if columns.tasks > 0 {
                if let total = agent.tasksTotal {
                    let text = agent.tasksDone.map { "\($0)/\(total)" } ?? "\(total)t"
                    canvas.put(TextFit.padLeft(text, columns.tasks), x: x, y: y, role: .text)
                }
                x += columns.tasks + 1
            }
            if columns.note > 0, let (text, role) = note(state, session, agent, evidence) {
                Cells.text(&canvas, TerminalText.sanitize(text.replacingOccurrences(of: "\n", with: " ")), x: x, y: y, width: columns.note, role: role, glyphs: glyphs)
            }
            if index == state.agentIndex && state.focus == .detail {
                canvas.paint(Rect(x: parts.agents.x, y: y, width: parts.agents.width, height: 1), role: state.overlay == nil ? .selection : .selectionDim)
            }
        }
        SessionWorkorders.draw(&canvas, state, session, below: min(parts.agents.height, everyone.count - state.agentScroll), in: parts.agents)
        let hiddenBelow = state.agentScroll + parts.agents.height < everyone.count
        if state.agentScroll > 0 || hiddenBelow {
            let range = "\(state.agentScroll + 1)–\(min(everyone.count, state.agentScroll + parts.agents.height))"
            let long = "AGENTS \(range) of \(everyone.count)"
            let note = DisplayWidth.of(long) <= columns.id ? long : "\(range)/\(everyone.count)"
            Cells.text(&canvas, TextFit.pad(note, columns.id), x: parts.agentTitles.x + 2, y: parts.agentTitles.y, width: columns.id, role: .accent, glyphs: glyphs)
        }
    }

    static func drawOneLiner(_ canvas: inout Canvas, _ state: AppState, _ session: Session, area: Rect, keymap: Keymap) {
        func key(_ command: Command) -> String { keymap.keys(for: command).first?.description ?? "?" }
        let glyphs = state.glyphs
        canvas.put(String(repeating: glyphs.horizontal, count: area.width), x: area.x, y: area.y, role: .border)
        let agent = state.oneLinerAgent(of: session)
        guard let agent else { return }
        var header: [(String, StyleRole)] = [("One-liner for \(agent.agentId)", .header), (state.longForm ? " (long)" : "", .header)]
        if let handoff = handoff(state, session, agent) { header.append(("  " + handoff.long, handoff.role)) }
        header.append(("  \(key(.yank)) copy  \(key(.yankAll)) all  \(key(.toggleLongForm)) " + (state.longForm ? "short" : "long") + "  \(key(.readOneLiner)) read", .muted))
        var writer = LineWriter(canvas: canvas, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1), glyphs: glyphs)
        writer.line(header)
        canvas = writer.canvas
        var y = area.y + 2
        // The selected agent's note in full (as far as two lines go): why it is blocked, what it did.
        if let note = agent.notes, state.focus == .detail, area.height >= 6 {
            let bucket = agent.status.bucket
            let role: StyleRole = bucket == .blocked || bucket == .failed ? .bucket(bucket) : .text
            for line in TextFit.wrap("Note: " + TerminalText.sanitize(note.replacingOccurrences(of: "\n", with: " ")), width: area.width, maxLines: 2) {
                Cells.text(&canvas, line, x: area.x, y: y, width: area.width, role: role, glyphs: glyphs)
                y += 1
            }
        }
        let text = state.longForm ? OneLiner.long(session: session, agent: agent) : OneLiner.short(session: session, agent: agent)
        // Never a silently cut last line: when it does not fit, the last line says how to read it all.
        let room = max(0, area.y + area.height - y)
        var lines = TextFit.wrap(text, width: area.width, maxLines: room + 1)
        if lines.count > room, room > 0 {
            lines = Array(lines.prefix(room - 1)) + ["\(glyphs.ellipsis) more: \(key(.readOneLiner)) reads it in full, \(key(.yank)) copies it all"]
        }
        for (offset, line) in lines.enumerated() {
            Cells.text(&canvas, line, x: area.x, y: y + offset, width: area.width, role: .muted, glyphs: glyphs)
        }
    }
}
