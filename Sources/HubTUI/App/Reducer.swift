import Foundation
import HubCore

/// The only place state changes: an action in, the new state and the effects to run out.
/// Pure (no I/O, no clock: time arrives in actions), so it is tested without a terminal.
public enum Reducer {
    static let messageLifetime: TimeInterval = 5

    static func reduce(_ state: inout AppState, _ action: Action, keymap: Keymap = .standard) -> [Effect] {
        var effects: [Effect] = []
        let hadOverlay = state.overlay != nil
        defer {
            // A dialog that opens takes the stage: an old message about something else goes.
            if !hadOverlay && state.overlay != nil { state.message = nil }
        }
        switch action {
        case .key(let key):
            state.holdOrder()
            if state.filtering {
                typeFilter(&state, key)
            } else if case .click = key, state.overlay == nil {
                click(&state, key)
            } else if case .wheelUp(let x, _) = key {
                wheel(&state, x: x, by: -3)
            } else if case .wheelDown(let x, _) = key {
                wheel(&state, x: x, by: 3)
            } else if state.overlay != nil {
                effects = handleOverlayKey(&state, key, keymap: keymap)
            } else if let command = keymap.command(for: key) {
                effects = command == .answer ? answer(&state, key) : perform(&state, command)
            } else {
                flash(&state, "\(key) does nothing here; ? lists the keys")
            }
        case .resize(let size):
            state.size = size
        case .snapshotLoaded(let snapshot, let touched, let list):
            effects = noteChanges(&state, from: state.snapshot, to: snapshot, touched: touched)
            replaceSnapshot(&state, snapshot, touched: touched, list: list)
            if case .workorders(var view)? = state.overlay {
                view.links = WorkorderLinks(state.snapshot)
                state.overlay = .workorders(view)
            }
        case .planned(let result):
            planned(&state, result)
        case .tick(let now):
            let before = state.board
            if state.advanceTime(to: now) {
                // Time alone made something stale or not picked up: say so, as for any other change.
                for item in AttentionDiff.added(from: before.items, to: state.board.items) where item.reason == .stale || item.reason == .notPickedUp {
                    effects += notify(&state, "\(WorkspacePaths.lastComponent(item.session)): \(item.agent ?? "") \(item.reason.word)", effects: effects)
                }
            }
            if let message = state.message, message.expires <= now { state.message = nil }
            state.flashes = state.flashes.filter { $0.value > now }
            releaseOrder(&state)
        case .archived(let result):
            switch result {
            case .success(let what):
                flash(&state, what)
                effects = [.reload]
            case .failure(let failure):
                state.overlay = .error(failure.message)
            }
        case .agentDetailLoaded(let session, let agent, let history, let preview, let paneLines):
            if case .agentDetail(var view)? = state.overlay, view.sessionPath == session, view.agentId == agent {
                view.history = history
                view.preview = preview
                view.paneLines = paneLines
                state.overlay = .agentDetail(view)
            }
        case .fileLoaded(let title, let text, let path):
            state.overlay = .file(FileView(title: title, path: path, lines: TextLines.split(text).map { TerminalText.sanitize(String($0)) }))
        case .notice(let text):
            flash(&state, text, isError: true)
        case .watching(let summary):
            state.watchSummary = summary
        case .remoteChanged(let view):
            effects = remoteChanged(&state, view)
        case .remoteCallFinished(let call, let result):
            effects = remoteCallFinished(&state, call, result)
        case .terminate:
            effects = [.quit]
        case .sessionStarted(let result):
            effects = sessionStarted(&state, result)
        case .copyFinished(let request, let result, let date):
            copyFinished(&state, request, result, at: date)
        case .dispatchPlanned(let result):
            dispatchPlanned(&state, result)
        case .dispatched(let result):
            dispatched(&state, result)
        case .answered(let sentence, let failed), .triaged(let sentence, let failed), .sessionClosed(let sentence, let failed):
            flash(&state, sentence, isError: failed)
        }
        clamp(&state)
        if state.context.settings.notifyTitle, !state.loading {
            let needs = state.board.ordered.count
            let title = "sessions-hub · " + (needs == 0 ? "nothing needs you" : "\(needs) need\(needs == 1 ? "s" : "") you")
            if title != state.title {
                state.title = title
                effects.append(.setTitle(title))
            }
        }
        return effects
    }

    static func perform(_ state: inout AppState, _ command: Command) -> [Effect] {
        // A far row: its remote's hub does the work (Reducer+RemoteOperations); moving, filtering,
        // help and the rest work as for any row.
        if case .remote(let detail) = state.detail, let effects = remoteCommand(&state, command, detail) { return effects }
        switch command {
        case .answer: flash(&state, "press 1–9 on an agent waiting for you in the agents pane")
        case .moveUp: move(&state, by: -1)
        case .moveDown: move(&state, by: 1)
        case .pageUp: move(&state, by: -max(1, pageHeight(state) - 1))
        case .pageDown: move(&state, by: max(1, pageHeight(state) - 1))
        case .first:
            if let pane = dispatchedPaneOfSelection(state) { return [.goToPane(pane)] }
            move(&state, by: -Int.max / 2)
        case .last: move(&state, by: Int.max / 2)
        case .switchPane:
            if state.focus == .detail { state.focus = .list } else { focusDetail(&state) }
        case .open:
            if state.focus == .list { focusDetail(&state) } else { return openAgentDetail(&state) }
        case .toggleArchived:
            state.showArchived.toggle()
            state.compose()
            flash(&state, state.showArchived ? "archived items listed at the end (U brings one back)" : "archived items hidden")
        case .unarchive:
            switch state.detail {
            case .session(let session) where session.archived: return planEffect(state, .restoreSession(session))
            case .stub(let stub) where stub.archived: return planEffect(state, .restoreStub(stub))
            default: flash(&state, state.showArchived ? "select an archived item (at the end of the list) to bring it back" : "H lists archived items; U brings the selected one back")
            }
        case .cycleTheme:
            let cycle = ThemeLoader.cycle
            let current = state.themeName ?? state.context.settings.theme ?? "default"
            let next = cycle[((cycle.firstIndex(of: current) ?? -1) + 1) % cycle.count]
            state.themeName = next
            flash(&state, "theme: \(next)" + (next == "light" ? " (for light backgrounds)" : ""))
            return [.setTheme(next)]
        case .needsOnly:
            state.focus = .list
            applyFilter(&state, state.filter == "needs" ? "" : "needs")
            flash(&state, state.filter.isEmpty ? "showing everything" : "showing only what needs you (! again shows everything)")
        case .edit:
            flash(&state, "e opens an agent's output file: Enter on an agent first")
        case .back:
            if state.focus == .list && !state.filter.isEmpty {
                applyFilter(&state, "")
            }
            state.focus = .list
        case .start:
            return startSession(&state)
        case .dispatch:
            return dispatchSelected(&state)
        case .dispatchAll:
            return dispatchReady(&state)
        case .advance:
            return advanceSession(&state)
        case .closeSession:
            return closeSession(&state)
        case .archive:
            return archive(&state)
        case .yank:
            return yank(&state, all: false)
        case .yankAll:
            return yank(&state, all: true)
        case .viewCommunication, .viewInstructions:
            return viewFile(&state, instructions: command == .viewInstructions)
        case .filter:
            state.filtering = true
            state.focus = .list
        case .toggleLongForm:
            state.longForm.toggle()
            flash(&state, state.longForm ? "one-liners: long form (Markdown)" : "one-liners: short form")
        case .snooze, .dismiss, .markComplete, .markInProgress, .undoTriage:
            return triage(&state, command)
        case .readOneLiner:
            readOneLiner(&state)
        case .workorders:
            state.overlay = .workorders(WorkordersView(links: WorkorderLinks(state.snapshot)))
        case .newSession:
            state.overlay = .newSession(NewSessionForm())
        case .timeline:
            if case .nothing = state.detail {
                flash(&state, "select a stub or a session to see its timeline")
            } else {
                // The chosen phase starts on the one in the detail pane.
                let phases = state.featureTimeline.phases
                state.overlay = .timeline(cursor: phases.firstIndex { $0.path == state.detailSession?.path } ?? max(0, phases.count - 1))
            }
        case .previousPhase, .nextPhase:
            stepPhase(&state, by: command == .nextPhase ? 1 : -1)
        case .problems:
            state.overlay = .problems(scroll: 0)
        case .help:
            state.overlay = .help(scroll: 0)
        case .reload:
            let effects = replyOrReload(&state)
            if effects == [.reload] { state.loading = true }
            return effects
        case .quit:
            return [.quit]
        case .confirm, .cancel, .startAnother, .toggleChoice, .chooseAll, .search, .nextMatch, .previousMatch, .toggleWrap, .scrollLeft, .scrollRight:
            // Bound only in dialogs, the picker and the viewer (their scopes); never reached from the list.
            break
        }
        return []
    }

    /// `c`/`i`: the file behind the detail pane, read by the runtime and shown in a viewer.
    static func viewFile(_ state: inout AppState, instructions: Bool) -> [Effect] {
        guard let session = state.detailSession else {
            if case .stub(let stub) = state.detail, !instructions {
                return [.readFile(path: stub.absolutePath, title: stub.path)]
            }
            flash(&state, instructions ? "select a session to see its instructions" : "select a stub or a session to see its file")
            return []
        }
        let agent = state.focus == .detail ? state.selectedAgent : nil
        let relative = instructions ? (agent?.instructionsFile ?? session.instructions?.path) : (agent?.nestedFile ?? session.communicationFile)
        guard let relative else {
            flash(&state, "\(session.name) has no \(instructions ? "instructions.json" : "communication.json")")
            return []
        }
        return [.readFile(path: state.context.layout.absolute(relative), title: relative)]
    }

    /// Typing a filter: characters narrow the list as they are typed; Enter keeps the filter, Esc drops it.
    static func typeFilter(_ state: inout AppState, _ key: Key) {
        switch key {
        case .enter, .tab:
            state.filtering = false
        case .escape:
            state.filtering = false
            applyFilter(&state, "")
        case .backspace, .delete:
            applyFilter(&state, String(state.filter.dropLast()))
        case .control("u"):
            applyFilter(&state, "")
        case .up, .down, .pageUp, .pageDown:
            move(&state, by: key == .up ? -1 : key == .down ? 1 : (key == .pageUp ? -10 : 10))
        case .character(let character) where TerminalText.isPrintable(String(character)):
            applyFilter(&state, state.filter + String(character))
        default:
            break
        }
    }

    /// Re-filters, keeping the selection on the same item when it is still listed.
    static func applyFilter(_ state: inout AppState, _ text: String) {
        let identity = state.selectedIdentity
        state.setFilter(text)
        state.selectedRow = identity.flatMap { state.row(of: $0, near: nil) }
            ?? state.list.rows.firstIndex { $0.isSelectable }
        state.openedSessionPath = nil
        state.agentIndex = 0
        state.listScroll = 0
    }

    /// Moves the list selection (list focused) or the agent selection (detail focused).
    static func move(_ state: inout AppState, by delta: Int) {
        if state.focus == .detail, case .remote(let detail) = state.detail {
            state.agentIndex = min(max(0, state.agentIndex.addingReportingOverflow(delta).partialValue), max(0, (detail.agents?.count ?? 0) - 1))
            return
        }
        if state.focus == .detail, let session = state.detailSession {
            let count = session.everyone.count
            guard count > 0 else { return }
            state.agentIndex = min(max(0, state.agentIndex.addingReportingOverflow(delta).partialValue), count - 1)
            return
        }
        let selectable = state.list.rows.indices.filter { state.list.rows[$0].isSelectable }
        guard !selectable.isEmpty else { return }
        let position = state.selectedRow.flatMap { selectable.firstIndex(of: $0) } ?? 0
        let target = min(max(0, position.addingReportingOverflow(delta).partialValue), selectable.count - 1)
        if selectable[target] != state.selectedRow {
            state.selectedRow = selectable[target]
            state.openedSessionPath = nil
            state.agentIndex = 0
            state.agentScroll = 0
        }
    }

    /// Enter/Tab from the list: a session row focuses its agents; a stub opens its latest session.
    static func focusDetail(_ state: inout AppState) {
        switch state.detail {
        case .session(let session):
            state.focus = .detail
            // From the NEEDS YOU group, the agent the reason names is the one selected (to answer it,
            // mark it, copy its one-liner).
            if let agent = state.attentionAgent(of: session), let index = session.everyone.firstIndex(where: { $0.agentId == agent.agentId }) {
                state.agentIndex = index
            }
        case .remote:
            if state.layout.singlePane { state.focus = .detail }
        case .stub(let stub):
            if let latest = state.sessions(of: stub).last {
                state.openedSessionPath = latest.path
                state.agentIndex = 0
                state.agentScroll = 0
                state.focus = .detail
            } else if state.layout.singlePane {
                state.focus = .detail
            } else {
                flash(&state, "\(TerminalText.sanitize(stub.featureName)) has no session yet")
            }
        case .nothing:
            break
        }
    }

    static func handleOverlayKey(_ state: inout AppState, _ key: Key, keymap: Keymap) -> [Effect] {
        guard let overlay = state.overlay else { return [] }
        let command = keymap.command(for: key)
        var scroll: Int
        switch overlay {
        case .help(let s), .problems(let s): scroll = s
        case .timeline(let cursor):
            return timelineKey(&state, cursor: cursor, key, command: command)
        case .file(let view):
            return fileViewKey(&state, view, key, command: keymap.command(for: key, in: .viewer))
        case .agentDetail(let view):
            return agentDetailKey(&state, view, key, command: command)
        case .workorders(let view):
            return workordersKey(&state, view, key, command: command)
        case .newSession(let form):
            return newSessionKey(&state, form, key)
        case .confirmStart, .pickAgents, .error, .confirmArchive, .alreadyStarted, .confirmDispatch:
            return handleDialogKey(&state, key, keymap: keymap)
        case .answer(let ask):
            return answerKey(&state, ask, key, keymap: keymap)
        case .confirmMark(let ask):
            return confirmMarkKey(&state, ask, key, keymap: keymap)
        case .confirmCopy(let request):
            return confirmCopyKey(&state, request, key, keymap: keymap)
        case .confirmClose(let close):
            return answerDialog(&state, key, keymap: keymap, nothing: "nothing was written") { _ in [.closeSession(close)] }
        case .confirmRemote(let call):
            return answerDialog(&state, key, keymap: keymap, nothing: "nothing was sent to @\(call.remote)") { _ in [.remoteCall(call)] }
        }
        if let moved = scrolled(scroll, by: command, last: Int.max / 2) {
            scroll = moved
        } else {
            switch command {
            case .back?, .quit?, .help?, .problems?:
                // q closes a dialog rather than the program, as in most terminal tools.
                state.overlay = nil
                return []
            default:
                if key == .escape || key == .enter { state.overlay = nil }
                return []
            }
        }
        scroll = max(0, scroll)
        switch overlay {
        case .help: state.overlay = .help(scroll: scroll)
        default: state.overlay = .problems(scroll: scroll)
        }
        return []
    }

    /// Where a scrolling command takes a scrollable view (nil: not a scrolling command).
    static func scrolled(_ scroll: Int, by command: Command?, last: Int) -> Int? {
        switch command {
        case .moveUp?: return scroll - 1
        case .moveDown?: return scroll + 1
        case .pageUp?: return scroll - 10
        case .pageDown?: return scroll + 10
        case .first?: return 0
        case .last?: return last
        default: return nil
        }
    }

    static func flash(_ state: inout AppState, _ text: String, isError: Bool = false) {
        state.message = StatusMessage(text: text, isError: isError, expires: state.now.addingTimeInterval(messageLifetime))
    }
}
