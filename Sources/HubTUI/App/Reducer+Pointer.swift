import HubCore

/// The mouse: a click selects, the wheel scrolls the pane (or dialog) under the pointer.
extension Reducer {
    /// A click selects the list row or the agent row under the pointer.
    static func click(_ state: inout AppState, _ key: Key) {
        guard case .click(let x, let y) = key else { return }
        let layout = state.layout
        let rows = layout.listRows
        if x >= rows.x && x < rows.maxX && y >= rows.y && y < rows.maxY {
            let index = state.listScroll + (y - rows.y)
            guard state.list.rows.indices.contains(index), state.list.rows[index].isSelectable else { return }
            state.focus = .list
            if index != state.selectedRow {
                state.selectedRow = index
                state.openedSessionPath = nil
                state.agentIndex = 0
                state.agentScroll = 0
            }
            return
        }
        if let session = state.detailSession {
            let agents = SessionDetailLayout(session: session, inner: layout.detailInner).agents
            if x >= agents.x && x < agents.maxX && y >= agents.y && y < agents.maxY {
                let index = state.agentScroll + (y - agents.y)
                guard session.everyone.indices.contains(index) else { return }
                state.focus = .detail
                state.agentIndex = index
            }
        }
    }

    /// The wheel scrolls the pane under the pointer (or the open dialog).
    static func wheel(_ state: inout AppState, x: Int, by delta: Int) {
        if let overlay = state.overlay {
            switch overlay {
            case .help(let scroll): state.overlay = .help(scroll: max(0, scroll + delta))
            case .timeline(let cursor): state.overlay = .timeline(cursor: max(0, min(cursor + delta.signum(), state.featureTimeline.phases.count - 1)))
            case .problems(let scroll): state.overlay = .problems(scroll: max(0, scroll + delta))
            case .file(var view):
                view.scroll = min(max(0, view.scroll + delta), max(0, view.lines.count - 1))
                state.overlay = .file(view)
            case .agentDetail(var view):
                view.scroll = max(0, view.scroll + delta)
                state.overlay = .agentDetail(view)
            default: break
            }
            return
        }
        // Two panes: the wheel scrolls the one under the pointer. One pane: the one on screen.
        if !state.layout.singlePane {
            state.focus = x < state.layout.detailBox.x || state.detailSession == nil ? .list : .detail
        }
        move(&state, by: delta)
    }

}
