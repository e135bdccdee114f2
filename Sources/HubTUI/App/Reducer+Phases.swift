import HubCore

/// Reading a whole one-liner, and stepping through a feature's phases (`[` / `]`).
extension Reducer {
    /// Opens the one-liner that `y` would copy in the viewer: long forms do not fit the pane.
    static func readOneLiner(_ state: inout AppState) {
        guard let session = state.detailSession else {
            flash(&state, "select a session first: one-liners belong to a session's agents")
            return
        }
        guard let agent = state.oneLinerAgent(of: session) else {
            flash(&state, "this session has no agents")
            return
        }
        let text = state.longForm ? OneLiner.long(session: session, agent: agent) : OneLiner.short(session: session, agent: agent)
        let lines = TerminalText.sanitize(text, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let form = state.longForm ? "long" : "short"
        state.overlay = .file(FileView(title: "One-liner (\(form)) for \(TerminalText.sanitize(agent.agentId))", path: nil, lines: lines))
    }

    /// Shows the phase before or after the one in the detail pane (the timeline in its header).
    static func stepPhase(_ state: inout AppState, by step: Int) {
        guard let session = state.detailSession else {
            flash(&state, "select a stub or session with phases first")
            return
        }
        let timeline = state.snapshot.timeline(of: session)
        guard timeline.count > 1, let index = timeline.firstIndex(where: { $0.path == session.path }) else {
            flash(&state, "\(TerminalText.sanitize(session.feature)) has only this phase")
            return
        }
        let target = index + step
        guard timeline.indices.contains(target) else {
            flash(&state, step > 0 ? "this is the latest phase" : "this is the first phase")
            return
        }
        let agentId = state.selectedAgent?.agentId
        state.openedSessionPath = timeline[target].path
        state.agentIndex = agentId.flatMap { id in timeline[target].everyone.firstIndex { $0.agentId == id } } ?? 0
        state.agentScroll = 0
        let label = timeline[target].phase.map { "phase \($0)" } ?? WorkspacePaths.lastComponent(timeline[target].name)
        flash(&state, "\(label) of \(timeline.count) ([ and ] step through the phases)")
    }

    /// Keys in the timeline: choose a phase, Enter opens it in the detail pane.
    static func timelineKey(_ state: inout AppState, cursor: Int, _ key: Key, command: Command?) -> [Effect] {
        let phases = state.featureTimeline.phases
        if let moved = scrolled(cursor, by: command, last: max(0, phases.count - 1)) {
            state.overlay = .timeline(cursor: max(0, min(moved, max(0, phases.count - 1))))
            return []
        }
        switch command {
        case .open? where phases.indices.contains(cursor):
            state.overlay = nil
            state.openedSessionPath = phases[cursor].path
            state.agentIndex = 0
            state.agentScroll = 0
            state.focus = .detail
            let label = phases[cursor].phase.map { "phase \($0)" } ?? phases[cursor].name
            flash(&state, "\(label) of \(phases.count) ([ and ] step through the phases)")
        case .back?, .quit?, .timeline?, .help?:
            state.overlay = nil
        default:
            if key == .escape || key == .enter { state.overlay = nil }
        }
        return []
    }
}
