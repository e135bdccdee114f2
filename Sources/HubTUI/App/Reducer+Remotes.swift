import HubCore

/// The remotes the screen follows: their states as their feeds say them.
extension Reducer {
    /// A remote's new state replaces its old one; why a link went down is said once, when it does
    /// (the status bar then keeps the short label).
    @discardableResult
    static func remoteChanged(_ state: inout AppState, _ view: RemoteView) -> [Effect] {
        let before = state.remotes.first { $0.name == view.name }
        if !view.reachable, let error = view.error, before?.error != error { flash(&state, TerminalText.sanitize(error), isError: true) }
        // Its rows are rebuilt with it (AppState.remotes); the selection stays on its item.
        withSelectionKept(&state) { state in
            var remotes = state.remotes
            if let index = remotes.firstIndex(where: { $0.name == view.name }) {
                remotes[index] = view
            } else {
                remotes.append(view)
                remotes.sort { $0.name < $1.name }
            }
            state.remotes = remotes
        }
        // The far session open in the detail pane is read again: its agents may have changed.
        if view.reachable, case .remote(let detail) = state.detail, detail.remoteName == view.name, detail.agents != nil {
            return [.remoteCall(.read(view.name, session: detail.path))]
        }
        return []
    }
}
