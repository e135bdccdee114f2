import Foundation
import HubCore

/// The agent detail (Enter on an agent): opening it, scrolling, opening its file in the editor.
extension Reducer {
    /// Opens the selected agent's detail and asks the runtime for its history and output preview.
    static func openAgentDetail(_ state: inout AppState) -> [Effect] {
        guard let session = state.detailSession, let agent = state.selectedAgent else { return [] }
        state.overlay = .agentDetail(AgentDetailView(sessionPath: session.path, agentId: agent.agentId))
        let pane = AgentPane.of(agent, in: session, snapshot: state.snapshot)
        return [.loadAgentDetail(session: session.path, agent: agent.agentId, output: agent.outputResolved, pane: pane)]
    }

    static func agentDetailKey(_ state: inout AppState, _ view: AgentDetailView, _ key: Key, command: Command?) -> [Effect] {
        var view = view
        if let moved = scrolled(view.scroll, by: command, last: Int.max / 2) {
            view.scroll = max(0, moved)
            state.overlay = .agentDetail(view)
            return []
        }
        switch command {
        case .edit?:
            guard let session = state.snapshot.session(at: view.sessionPath),
                  let agent = session.everyone.first(where: { $0.agentId == view.agentId }) else { return [] }
            // The output when it exists, else the agent's own file, else the session's.
            let file = agent.outputResolved ?? (agent.nestedFile ?? session.communicationFile).map(state.context.layout.absolute)
            guard let file else {
                flash(&state, "\(TerminalText.sanitize(agent.agentId)) has no file to open")
                return []
            }
            return [.edit(path: file)]
        case .back?, .quit?, .help?, .open?:
            state.overlay = nil
            return []
        case .answer?:
            // Answering from the detail: the detail gives way to the answer's dialog.
            state.overlay = nil
            let effects = answer(&state, key)
            if state.overlay == nil { state.overlay = .agentDetail(view) }
            return effects
        case .reload?:
            state.overlay = nil
            guard agentAtWork(state) != nil else {
                state.overlay = .agentDetail(view)
                return []
            }
            return replyOrReload(&state)
        case .first?:
            guard let pane = dispatchedPaneOfSelection(state) else { return [] }
            return [.goToPane(pane)]
        default:
            if key == .escape { state.overlay = nil }
            return []
        }
    }
}
