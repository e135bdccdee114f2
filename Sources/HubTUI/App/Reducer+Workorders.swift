import HubCore

/// Keys in the workorders view (move, filter as you type, open a plan, back, edit its plan.json) and
/// in the `N` form (type a name and agents; Tab switches; Enter plans the session).
extension Reducer {
    static func newSessionKey(_ state: inout AppState, _ form: NewSessionForm, _ key: Key) -> [Effect] {
        var form = form
        switch key {
        case .escape:
            state.overlay = nil
            flash(&state, "nothing was created")
            return []
        case .tab, .backTab, .down, .up:
            form.field = 1 - form.field
        case .enter:
            let name = form.name.trimmingCharacters(in: .whitespaces)
            if name.isEmpty {
                form.field = 0
                flash(&state, "type the session's name first")
            } else if form.agentIds.isEmpty {
                form.field = 1
                flash(&state, "name at least one agent (ids separated by spaces)")
            } else {
                state.overlay = nil
                return planEffect(state, .adHoc(name: name, agents: form.agentIds))
            }
        case .backspace, .delete:
            if form.field == 0 { form.name = String(form.name.dropLast()) } else { form.agents = String(form.agents.dropLast()) }
        case .character(let character) where TerminalText.isPrintable(String(character)):
            if form.field == 0 { form.name.append(character) } else { form.agents.append(character) }
        default: break
        }
        state.overlay = .newSession(form)
        return []
    }

    static func workordersKey(_ state: inout AppState, _ view: WorkordersView, _ key: Key, command: Command?) -> [Effect] {
        var view = view
        let rows = view.rows(state.snapshot, archived: state.showArchived)
        if view.typing {
            switch key {
            case .enter: view.typing = false
            case .escape:
                view.typing = false
                view.filter = ""
            case .backspace, .delete: view.filter = String(view.filter.dropLast())
            case .character(let character) where TerminalText.isPrintable(String(character)): view.filter.append(character)
            default: break
            }
            view.cursor = 0
            state.overlay = .workorders(view)
            return []
        }
        if let path = view.open {
            switch command {
            case .back?, .quit?:
                view.open = nil
            case .edit?:
                guard let plan = state.snapshot.workorders.first(where: { $0.path == path }) else { return [] }
                return [.edit(path: plan.path.hasPrefix("/") ? plan.path : state.context.layout.absolute(plan.path))]
            default:
                if let moved = scrolled(view.detailScroll, by: command, last: Int.max / 2) { view.detailScroll = max(0, moved) } else if key == .escape { view.open = nil }
            }
            state.overlay = .workorders(view)
            return []
        }
        switch (key, command) {
        case (_, .filter?):
            view.typing = true
        case (_, .open?):
            guard rows.indices.contains(view.cursor) else { return [] }
            view.open = rows[view.cursor].path
            view.detailScroll = 0
        case (_, .back?), (_, .quit?), (_, .workorders?):
            if !view.filter.isEmpty && command == .back {
                view.filter = ""
                view.cursor = 0
            } else {
                state.overlay = nil
                return []
            }
        default:
            if let moved = scrolled(view.cursor, by: command, last: max(0, rows.count - 1)) { view.cursor = max(0, min(moved, max(0, rows.count - 1))) }
        }
        state.overlay = .workorders(view)
        return []
    }
}
