import HubCore

/// Where the list and the agents table are scrolled: decided here, since render never changes state.
extension Reducer {
    static func pageHeight(_ state: AppState) -> Int {
        let layout = state.layout
        if state.focus == .detail, let session = state.detailSession {
            return SessionDetailLayout(session: session, inner: layout.detailInner).agents.height
        }
        return layout.listRows.height
    }

    /// Keeps indices in range and the selections visible. Render never changes state, so all
    /// scrolling decisions are made here.
    static func clamp(_ state: inout AppState) {
        let layout = state.layout
        if let row = state.selectedRow, !state.list.rows.indices.contains(row) { state.selectedRow = state.list.rows.firstIndex { $0.isSelectable } }
        let visible = max(1, layout.listRows.height)
        if let row = state.selectedRow {
            // Keep a group header visible above the first row of its group.
            let top = row > 0 && !state.list.rows[row - 1].isSelectable ? row - 1 : row
            if top < state.listScroll { state.listScroll = top }
            if row >= state.listScroll + visible { state.listScroll = row - visible + 1 }
        }
        state.listScroll = max(0, min(state.listScroll, max(0, state.list.rows.count - visible)))

        if let session = state.detailSession {
            let count = session.everyone.count
            state.agentIndex = count == 0 ? 0 : min(max(0, state.agentIndex), count - 1)
            let rows = max(1, SessionDetailLayout(session: session, inner: layout.detailInner).agents.height)
            if state.agentIndex < state.agentScroll { state.agentScroll = state.agentIndex }
            if state.agentIndex >= state.agentScroll + rows { state.agentScroll = state.agentIndex - rows + 1 }
            state.agentScroll = max(0, min(state.agentScroll, max(0, count - rows)))
        } else if case .remote(let far) = state.detail, let agents = far.agents {
            // A far session's agents, as read from its hub (the pane lists them all).
            state.agentIndex = agents.isEmpty ? 0 : min(max(0, state.agentIndex), agents.count - 1)
            state.agentScroll = 0
        } else {
            state.agentIndex = 0
            state.agentScroll = 0
        }
    }
}
