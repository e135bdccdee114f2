import Foundation
import HubCore

/// Starting sessions and copying one-liners: the dialogs, and the effects they lead to.
extension Reducer {
    /// The effect that plans `kind` with the state's snapshot, layout, settings and clock.
    static func planEffect(_ state: AppState, _ kind: PlanRequest.Kind) -> [Effect] {
        [.plan(PlanRequest(kind, snapshot: state.snapshot, layout: state.context.layout, settings: state.context.settings, now: state.now))]
    }

    /// A plan came back: show what it will do and ask, or say why it cannot be done.
    static func planned(_ state: inout AppState, _ result: Result<PlannedChange, PlanFailure>) {
        switch result {
        case .success(.start(let plan)): state.overlay = .confirmStart(plan)
        case .success(.archive(let plan)): state.overlay = .confirmArchive(plan)
        case .success(.close(let close)): state.overlay = .confirmClose(close)
        // The screen asks for these through their own dialogs and effects, never through a plan.
        case .success(.setStatus), .success(.triage), .success(.undoTriage): break
        case .failure(let failure): state.overlay = .error(failure.message)
        }
    }

    /// `S`: plan the session (an effect) and ask; a stub without agents first gets the agent picker.
    static func startSession(_ state: inout AppState) -> [Effect] {
        guard case .stub(let stub) = state.detail, state.openedSessionPath == nil else {
            flash(&state, "select a stub to start a session from it")
            return []
        }
        // Never a second phase 1 by accident: a stub that has a session offers to open it.
        if let latest = state.sessions(of: stub).last {
            state.overlay = .alreadyStarted(stubPath: stub.path, session: latest.path)
            return []
        }
        return planStart(&state, stub)
    }

    /// Plans a start from `stub` (after the picker when it names no agents); `again` after `+`.
    static func planStart(_ state: inout AppState, _ stub: Stub, again: Bool = false) -> [Effect] {
        let planner = SessionPlanner(layout: state.context.layout, settings: state.context.settings, now: state.now)
        if stub.agents.isEmpty && planner.projectAgents(stub, snapshot: state.snapshot).isEmpty {
            let candidates = state.context.settings.knownAgents(in: state.snapshot)
            guard !candidates.isEmpty else {
                state.overlay = .error("\(TerminalText.sanitize(stub.featureName)) names no agents (agents_involved), and no agents are known in this workspace yet. Add agents_involved to the stub, or [agents.<id>] entries to .coderef/hub.toml.")
                return []
            }
            state.overlay = .pickAgents(stubPath: stub.path, candidates: candidates, chosen: [], cursor: 0)
            return []
        }
        return planEffect(state, .start(stub: stub, agents: nil, again: again))
    }

    /// `A`: plan moving the selected session (or stub) into its archive folder, and ask.
    static func archive(_ state: inout AppState) -> [Effect] {
        switch state.detail {
        case .session(let session): return planEffect(state, .archiveSession(session))
        case .stub(let stub): return planEffect(state, .archiveStub(stub))
        case .remote(let detail):
            flash(&state, "\(TerminalText.sanitize(detail.name)) is on @\(detail.remoteName): archive it there")
            return []
        case .nothing:
            flash(&state, "select a session or a stub to archive")
            return []
        }
    }

    /// `a`: plan the next phase of the session in the detail pane and ask.
    static func advanceSession(_ state: inout AppState) -> [Effect] {
        // On a stub row, its latest session is the one to advance.
        var target = state.detailSession
        if target == nil, case .stub(let stub) = state.detail { target = state.sessions(of: stub).last }
        guard let session = target else {
            flash(&state, "select a session (or a stub with a session) to start its next phase")
            return []
        }
        return planEffect(state, .advance(session: session))
    }

    /// `C`: a session whose agents are all complete, closed in its own file (asks first).
    static func closeSession(_ state: inout AppState) -> [Effect] {
        var target = state.detailSession
        if target == nil, case .stub(let stub) = state.detail { target = state.sessions(of: stub).last }
        guard let session = target else {
            flash(&state, "select a session (or a stub with a session) to close")
            return []
        }
        // Planning a close reads nothing from the disk: the reducer may ask the operations layer itself.
        switch PlanRequest(.close(session: session), snapshot: state.snapshot, layout: state.context.layout, settings: state.context.settings, now: state.now).plan() {
        case .success(.close(let close)): state.overlay = .confirmClose(close)
        case .success: break
        case .failure(let failure): flash(&state, TerminalText.sanitize(failure.message))
        }
        return []
    }

    static func handleDialogKey(_ state: inout AppState, _ key: Key, keymap: Keymap) -> [Effect] {
        switch state.overlay {
        case .confirmDispatch(let proposal)?:
            switch Confirmation(key, keymap: keymap) {
            case .yes: return confirmDispatch(&state, proposal)
            case .no: cancelDispatch(&state, proposal)
            case .neither: break
            }
        case .confirmStart(let plan)?:
            return answerDialog(&state, key, keymap: keymap, nothing: "nothing was created") { state in
                flash(&state, "creating \(plan.displayFolder)…")
                return [.startSession(plan)]
            }
        case .pickAgents(let stubPath, let candidates, var chosen, var cursor)?:
            switch keymap.command(for: key, in: .picker) {
            case .moveUp?: cursor = max(0, cursor - 1)
            case .moveDown?: cursor = min(candidates.count - 1, cursor + 1)
            case .toggleChoice?:
                let id = candidates[cursor]
                if chosen.contains(id) { chosen.remove(id) } else { chosen.insert(id) }
            case .chooseAll?:
                chosen = chosen.count == candidates.count ? [] : Set(candidates)
            case .confirm?:
                guard !chosen.isEmpty else {
                    flash(&state, "choose at least one agent (Space)")
                    return []
                }
                guard let index = state.snapshot.stubs.index(ofPath: stubPath) else {
                    state.overlay = nil
                    return []
                }
                state.overlay = nil
                // The picker follows `S` on a stub without a session, or `+` on one with a session.
                let stub = state.snapshot.stubs[index]
                return planEffect(state, .start(stub: stub, agents: candidates.filter(chosen.contains), again: !state.sessions(of: stub).isEmpty))
            case .cancel?:
                state.overlay = nil
                flash(&state, "nothing was created")
                return []
            default: break
            }
            state.overlay = .pickAgents(stubPath: stubPath, candidates: candidates, chosen: chosen, cursor: cursor)
        case .confirmArchive(let plan)?:
            return answerDialog(&state, key, keymap: keymap, defaultsToNo: !plan.warnings.isEmpty, nothing: "nothing was moved") { _ in [.archive(plan)] }
        case .alreadyStarted(let stubPath, let sessionPath)?:
            switch keymap.command(for: key, in: .dialog) {
            case .confirm?, .open?:
                state.overlay = nil
                state.openedSessionPath = sessionPath
                state.agentIndex = 0
                state.agentScroll = 0
                state.focus = .detail
            case .startAnother?:
                state.overlay = nil
                guard let index = state.snapshot.stubs.index(ofPath: stubPath) else { return [] }
                return planStart(&state, state.snapshot.stubs[index], again: true)
            case .cancel?:
                state.overlay = nil
                flash(&state, "nothing was created")
            default: break
            }
        case .error?:
            // Nothing to decide: any answer closes it.
            if [.confirm, .cancel, .back, .quit].contains(keymap.command(for: key, in: .dialog)) || key == .character(" ") { state.overlay = nil }
        default:
            break
        }
        return []
    }

    static func sessionStarted(_ state: inout AppState, _ result: Result<String, StartFailure>) -> [Effect] {
        switch result {
        case .success(let path):
            state.pendingSelection = .session(path)
            flash(&state, "created \(path) — Tab to the agents, y copies a one-liner")
            return [.reload]
        case .failure(let failure):
            state.overlay = .error(failure.message)
            return []
        }
    }

    /// `y` the selected agent (or, from the list, the session's first agent); `Y` every agent.
    static func yank(_ state: inout AppState, all: Bool) -> [Effect] {
        guard let session = state.detailSession else {
            flash(&state, "select a session (or a stub with a session) to copy one-liners")
            return []
        }
        let everyone = session.everyone
        guard !everyone.isEmpty else {
            flash(&state, "this session has no agents to copy one-liners for")
            return []
        }
        let longForm = state.longForm
        let render: (AgentState) -> String = { agent in
            longForm ? OneLiner.long(session: session, agent: agent) : OneLiner.short(session: session, agent: agent)
        }
        if all {
            let separator = state.longForm ? "\n\n" : "\n"
            let text = everyone.map(render).joined(separator: separator)
            return [.copy(CopyRequest(text: text, what: "\(everyone.count) one-liners of \(session.workorderId ?? session.name)", sessionPath: session.path, agents: everyone.map(\.agentId)))]
        }
        let agent = state.oneLinerAgent(of: session) ?? everyone[0]
        let request = CopyRequest(text: render(agent), what: "one-liner for \(agent.agentId)", sessionPath: session.path, agents: [agent.agentId],
                                  warning: OneLiner.missingInstructions(session: session, agent: agent))
        // A one-liner that points at nothing is asked about before it reaches the clipboard.
        if request.warning != nil {
            state.overlay = .confirmCopy(request)
            return []
        }
        return [.copy(request)]
    }

    static func confirmCopyKey(_ state: inout AppState, _ request: CopyRequest, _ key: Key, keymap: Keymap) -> [Effect] {
        answerDialog(&state, key, keymap: keymap, defaultsToNo: true, nothing: "nothing was copied") { _ in [.copy(request)] }
    }

    static func copyFinished(_ state: inout AppState, _ request: CopyRequest, _ result: Result<ClipboardMethod, Clipboard.Failure>, at date: Date) {
        switch result {
        case .success(let method):
            let form = state.longForm ? " (long form)" : ""
            if let warning = request.warning {
                flash(&state, "\(TerminalText.sanitize(request.what))\(form): \(method.outcome) — \(TerminalText.sanitize(warning))", isError: true)
            } else {
                flash(&state, "\(TerminalText.sanitize(request.what))\(form): \(method.outcome)")
            }
            withSelectionKept(&state) { $0.noteHandoff(session: request.sessionPath, agents: request.agents, at: date) }
        case .failure(let failure):
            flash(&state, failure.description, isError: true)
        }
    }
}
