import Foundation
import HubCore

/// `dispatch_agents`: an orchestrator agent hands the work to the other agents through the hub — the
/// same planning, trust and dispatcher as `sessions-hub dispatch`; the commands come from the config,
/// never from the caller.
extension HubTools {
    func dispatchAgents(_ arguments: Arguments) throws -> JSONValue {
        guard !(environment["TMUX"] ?? "").isEmpty, let tmux = TmuxClient(environment: environment) else {
            throw ToolFailure("dispatch opens agents in tmux windows, and this server does not run inside tmux (start the agent that runs `sessions-hub mcp` in tmux)")
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
            ids = DispatchPlanner.ready(session, dispatched: delivered)
        }
        guard !ids.isEmpty else { throw ToolFailure("no agent of \(session.name) is ready: every one has started, was dispatched, or waits on another") }
        let proposal: DispatchProposal
        switch DispatchProposal.make(session: session, agentIds: ids, nextWave: false, records: records, settings: settings, root: layout.root, environment: environment) {
        case .success(let made): proposal = made
        case .failure(let refusal): throw ToolFailure(refusal.description)
        }
        if !proposal.running.isEmpty, try arguments.optionalBool("again") != true {
            throw ToolFailure("\(proposal.running.joined(separator: ", ")) already run (in progress, or their windows are open); pass again: true to start a second one")
        }
        let dispatcher = Dispatcher(tmux: tmux, settings: settings.dispatch, splitPane: environment["TMUX_PANE"])
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
