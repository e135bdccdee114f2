import HubCore

/// Keys on a far row: each operation runs on the far side through its hub's tools (start, advance,
/// archive, set-status, triage, dispatch) — the same operations layer as there, never a copy of its
/// files here — after a dialog that says what will run where. Reading keys that need the far files
/// (one-liners, viewers) say so rather than show nothing.
extension Reducer {
    /// nil: the command is not about the row (moving, filtering, help...) and runs as for any row.
    static func remoteCommand(_ state: inout AppState, _ command: Command, _ detail: RemoteDetail) -> [Effect]? {
        let remote = detail.remoteName, at = "@" + detail.remoteName
        let name = TerminalText.sanitize(detail.name)
        let agent = state.focus == .detail ? detail.agents?[safe: state.agentIndex] : nil
        func ask(_ tool: String, _ arguments: [(String, JSONValue)], what: String) -> [Effect] {
            state.overlay = .confirmRemote(.operation(remote, tool, arguments, session: detail.session?.path, what: what))
            return []
        }
        func needsSession(_ doing: String) -> [Effect] {
            flash(&state, "\(doing) works on a session; \(name) is a stub on \(at) (S starts it)")
            return []
        }
        let session: (String, JSONValue) = ("session", .string(detail.path))
        switch command {
        case .open where state.focus == .list, .switchPane where state.focus == .list:
            guard detail.session != nil else {
                if state.layout.singlePane { state.focus = .detail } else { flash(&state, "\(name) is a stub on \(at): S starts a session from it there") }
                return []
            }
            // Its agents, read from the far side: until they arrive the pane says so.
            state.focus = .detail
            state.agentIndex = 0
            return [.remoteCall(.read(remote, session: detail.path))]
        case .open:
            return []
        case .start:
            guard let stub = detail.stub else {
                flash(&state, "S starts a session from a stub; \(name) is a session on \(at) (a advances it)")
                return []
            }
            guard stub.agents > 0 else {
                // Here the agent picker lists this workspace's agents, not the far one's.
                flash(&state, "\(name) on \(at) names no agents: start it there (sessions-hub start \(name) --agents …)", isError: true)
                return []
            }
            return ask("start_session", [("stub", .string(detail.path))], what: "Start a session from \(name) on \(at)")
        case .advance:
            guard detail.session != nil else { return needsSession("a") }
            return ask("advance_phase", [session], what: "Start the next phase of \(name) on \(at)")
        case .archive:
            return ask("archive", [("name", .string(detail.path))], what: "Archive \(name) on \(at)")
        case .dispatch:
            guard detail.session != nil else { return needsSession("d") }
            guard let agent else {
                flash(&state, "Enter lists \(name)'s agents on \(at); d on one dispatches it there (D: every ready one)")
                return []
            }
            return ask("dispatch_agents", [session, ("agents", .array([.string(agent.id)])), ("tmux_session", .string(RemoteCall.farTmuxSession))],
                       what: "Dispatch \(TerminalText.sanitize(agent.id)) of \(name) on \(at)")
        case .dispatchAll:
            guard detail.session != nil else { return needsSession("D") }
            return ask("dispatch_agents", [session, ("tmux_session", .string(RemoteCall.farTmuxSession))], what: "Dispatch the ready agents of \(name) on \(at)")
        case .markComplete, .markInProgress:
            guard detail.session != nil else { return needsSession("m") }
            guard let agent else {
                flash(&state, "Enter lists \(name)'s agents on \(at); m/M on one sets its status there")
                return []
            }
            let word = command == .markComplete ? "complete" : "in_progress"
            return ask("set_status", [session, ("agent", .string(agent.id)), ("status", .string(word))],
                       what: "Set \(TerminalText.sanitize(agent.id)) of \(name) to \(word) on \(at)")
        case .snooze, .dismiss:
            guard detail.session != nil else { return needsSession("z/x") }
            var arguments: [(String, JSONValue)] = [("action", .string(command == .snooze ? "snooze" : "dismiss")), session]
            if let id = agent?.id ?? detail.items.first?.agent { arguments.append(("agent", .string(id))) }
            let call = RemoteCall.operation(remote, "triage", arguments, session: detail.path, what: (command == .snooze ? "snooze " : "dismiss ") + "\(name) on \(at)")
            flash(&state, call.what + "…")
            return [.remoteCall(call)]
        case .undoTriage:
            let call = RemoteCall.operation(remote, "triage", [("action", .string("undo"))], session: detail.session?.path, what: "undo the newest verdict on \(at)")
            return [.remoteCall(call)]
        case .first:
            // `g` on a far agent in a pane: a window here attached to it over ssh.
            guard state.focus == .detail, let agent else { return nil }
            guard let pane = agent.pane else {
                flash(&state, "\(TerminalText.sanitize(agent.id)) is in no tmux pane on \(at) that its hub knows of (d dispatches it there)")
                return []
            }
            return [.goToRemotePane(remote: remote, pane: pane, title: "\(at) \(agent.id)")]
        case .yank, .yankAll, .readOneLiner, .viewCommunication, .viewInstructions, .edit, .closeSession, .unarchive, .timeline, .answer:
            flash(&state, "\(name) is on \(at): its files are there, not here (Enter reads its agents; S, a, A, d, D, m, M, z, x and u run there)")
            return []
        default:
            return nil
        }
    }

    /// A far tool answered: a read fills the detail pane; an operation says what it did there (its
    /// effects come back by the remote's own change notices) and reads the open far session again.
    static func remoteCallFinished(_ state: inout AppState, _ call: RemoteCall, _ result: Result<JSONValue, RemoteCallFailure>) -> [Effect] {
        switch (call.purpose, result) {
        case (.read, .success(let value)):
            guard let session = RemoteSession(value), let path = call.session else {
                flash(&state, "@\(call.remote) sent a session that cannot be read", isError: true)
                return []
            }
            withSelectionKept(&state) { $0.farSessions[RemoteCall.key(call.remote, path)] = session }
            return []
        case (_, .failure(let failure)):
            flash(&state, TerminalText.sanitize(failure.sentence), isError: true)
            return []
        case (.operation, .success(let value)):
            let (sentence, failed) = remoteOutcome(call, value)
            flash(&state, TerminalText.sanitize(sentence), isError: failed)
            if let path = call.session, state.farSessions[RemoteCall.key(call.remote, path)] != nil {
                return [.remoteCall(.read(call.remote, session: path))]
            }
            return []
        }
    }

    /// One sentence for what a far operation did, from its JSON; true when part of it failed.
    static func remoteOutcome(_ call: RemoteCall, _ value: JSONValue) -> (String, Bool) {
        let at = "@" + call.remote
        switch call.tool {
        case "start_session", "advance_phase":
            return ("started \(value["folder"]?.stringValue ?? "a session") on \(at)", false)
        case "archive":
            let moved = (value["moved"]?.arrayValue ?? []).compactMap { $0["to"]?.stringValue }
            return ("archived on \(at): " + (moved.isEmpty ? "nothing moved" : moved.joined(separator: ", ")), false)
        case "dispatch_agents":
            let each = value["dispatched"]?.arrayValue ?? []
            let failed = each.contains { ["failed", "refused", "typed, not submitted"].contains($0["outcome"]?.stringValue ?? "failed") }
            let messages = each.compactMap { $0["message"]?.stringValue }
            return ("\(at): " + (messages.isEmpty ? "nobody was dispatched" : messages.joined(separator: "; ")), failed)
        default:
            return (call.what.prefix(1).lowercased() + call.what.dropFirst() + ": done", false)
        }
    }
}
