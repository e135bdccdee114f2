import ArgumentParser
import Foundation
import HubCore

/// One round of `dispatch`: plan, ask, dispatch each agent, record it, report it.
struct DispatchRun {
    let layout: WorkspaceLayout
    let settings: HubSettings
    let dispatcher: Dispatcher
    let environment: [String: String]
    let yes: Bool
    let json: Bool

    /// Dispatches `ids` of `session`; returns how many were not delivered.
    func dispatch(_ ids: [String], of session: Session, snapshot: WorkspaceSnapshot, firstWave: Bool) throws -> Int {
        let proposal: DispatchProposal
        switch DispatchProposal.make(session: session, agentIds: ids, nextWave: !firstWave, records: snapshot.dispatches[session.path] ?? [:], settings: settings, root: layout.root,
                                     projectRoots: layout.projectDirectories, projects: snapshot.projects, environment: environment) {
        case .success(let made): proposal = made
        case .failure(let refusal):
            Output.error(refusal.description)
            throw ExitCode(1)
        }
        let targets = proposal.targets
        var notes = proposal.running.map { "\($0) already runs (in progress, or its dispatched window is still open): dispatching starts a second one" }
        notes.append("command: \(proposal.commandLine)")
        let question = (firstWave ? "dispatch " : "next wave ready: dispatch ") + "\(ids.joined(separator: ", ")) of \(session.name) in tmux?"
        try Confirm.ask(question, notes: notes, yes: yes, flagHint: "dispatch", refusal: "nothing dispatched")
        var failures = 0
        for target in targets {
            Output.error("\(target.agentId): starting in \(target.directory)…")
            let (result, recordError) = dispatcher.dispatchAndRecord(target, root: layout.root)
            if let recordError {
                Output.error("note: the dispatch could not be recorded in \(HandoffLog.relativePath): \(WriteErrorText.describe(recordError))")
            }
            if !result.outcome.delivered { failures += 1 }
            if json {
                var members: [(String, JSONValue)] = [("session", .string(session.path)), ("agent", .string(result.agentId)), ("outcome", .string(result.outcome.word))]
                if let pane = result.pane { members.append(("pane", .string(pane))) }
                if let window = result.window { members.append(("window", .string(window))) }
                if case .failed(let why) = result.outcome { members.append(("error", .string(why))) }
                Output.write(JSONPrinter.compact(.object(JSONObject(members))) + "\n")
            } else {
                Output.write(result.sentence + "\n")
            }
        }
        return failures
    }
}
