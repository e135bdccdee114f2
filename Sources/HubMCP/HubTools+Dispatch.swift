import Foundation
import HubCore

/// `dispatch_agents`: an orchestrator agent hands the work to the other agents through the hub — the
/// same planning, trust and dispatcher as `sessions-hub dispatch`; the commands come from the config,
/// never from the caller.
extension HubTools {
    func dispatchAgents(_ arguments: Arguments) throws -> JSONValue {
        let inside = !(environment["TMUX"] ?? "").isEmpty
        let tmuxSession = try arguments.optionalString("tmux_session")
        guard let tmux = TmuxClient(environment: environment) else { throw ToolFailure("dispatch needs tmux, which is not installed here (Debian: apt-get install tmux)") }
        guard inside || tmuxSession != nil else {
            throw ToolFailure("dispatch opens agents in tmux windows, and this server does not run inside tmux (start the agent that runs `sessions-hub mcp` in tmux, or pass tmux_session)")
        }
        if let name = tmuxSession, !inside {
            // The same rule as a tmux target name everywhere: letters, digits, - and _ only.
            guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_".unicodeScalars.contains($0)) }) else {
                throw ToolFailure("tmux_session must be letters, digits, - and _ (at most 64)")
            }
            do { _ = try tmux.ensureDetachedSession(name, folder: layout.root) } catch { throw ToolFailure("cannot start tmux session \(name): \(error.message)") }
        }
        let snapshot = load()
        let name = try arguments.string("session")
        let session = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.session(name, in: snapshot) }
        let records = snapshot.dispatches[session.path] ?? [:]
        let delivered = DispatchRecord.delivered(records)
        let ids: [String]
        if let named = try arguments.optionalStrings("agents"), !named.isEmpty {
            ids = try named.map { id in try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.agent(id, in: session) }.agentId }
        } else {
            let step = WaveFollower.next(session, handled: delivered)
            guard case .dispatch(let ready, _) = step else {
                throw ToolFailure("no agent of \(session.name) is ready: " + (WaveFollower.why(step) ?? "every one has started or was dispatched"))
            }
            ids = ready
        }
        let proposal: DispatchProposal
        switch DispatchProposal.make(session: session, agentIds: ids, nextWave: false, records: records, settings: settings, root: layout.root,
                                     projectRoots: layout.projectDirectories, projects: snapshot.projects, environment: environment) {
        case .success(let made): proposal = made
        case .failure(let refusal): throw ToolFailure(refusal.description)
        }
        if !proposal.running.isEmpty, try arguments.optionalBool("again") != true {
            throw ToolFailure("\(proposal.running.joined(separator: ", ")) already run (in progress, or their windows are open); pass again: true to start a second one")
        }
        let dispatcher = Dispatcher(tmux: tmux, settings: settings.dispatch, tmuxSession: inside ? nil : tmuxSession, splitPane: inside ? environment["TMUX_PANE"] : nil)
        var results: [JSONValue] = []
        for target in proposal.targets {
            let (result, _) = dispatcher.dispatchAndRecord(target, root: layout.root)
            var members: [(String, JSONValue)] = [("agent", .string(result.agentId)), ("outcome", .string(result.outcome.word)), ("message", .string(result.sentence))]
            if let window = result.window { members.append(("window", .string(window))) }
            results.append(.object(JSONObject(members)))
        }
        return .object(JSONObject([("session", .string(session.path)), ("dispatched", .array(results))]))
    }
}

/// `send_to_agent`: an orchestrator answers another agent where it runs — text pasted and
/// submitted like a dispatch, or tmux key names (`1` approves Claude Code's permission prompt).
extension HubTools {
    func sendToAgent(_ arguments: Arguments) throws -> JSONValue {
        guard let tmux = TmuxClient(environment: environment) else { throw ToolFailure("send needs tmux, which is not installed here") }
        let snapshot = load()
        let name = try arguments.string("session"), id = try arguments.string("agent")
        let session = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.session(name, in: snapshot) }
        let agent = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.agent(id, in: session) }
        let text = try arguments.optionalString("text"), keys = try arguments.optionalStrings("keys") ?? []
        guard (text == nil) != keys.isEmpty else { throw ToolFailure("give text or keys (one of them)") }
        let pane: String
        do { pane = try AgentAnswer.pane(of: agent, in: session, snapshot: snapshot, tmux: tmux) } catch { throw ToolFailure(error.description) }
        let outcome = AgentAnswer.send(text.map { .text($0) } ?? .keys(keys), to: pane, agentId: agent.agentId, sessionPath: session.path,
                                       dispatcher: Dispatcher(tmux: tmux, settings: settings.dispatch), root: layout.root)
        guard outcome.delivered else { throw ToolFailure(outcome.sentence) }
        let members: [(String, JSONValue)] = [("session", .string(session.path)), ("agent", .string(agent.agentId)), ("pane", .string(pane)), ("outcome", .string(outcome.word))]
        return .object(JSONObject(members))
    }
}
