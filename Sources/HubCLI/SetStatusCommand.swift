import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub set-status <session> <agent> <status>`: how agents and scripts report progress
/// without hand-editing JSON (a locked edit that changes only that value).
struct SetStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-status",
        abstract: "Record an agent's status in the session's files (its nested communication.json when it has one).",
        discussion: "Any word is accepted and kept as written (complete, in_progress, blocked...); a complete status also sets completed_at."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The session: name, folder, path or workorder id.")
    var session: String

    @Argument(help: "The agent id, or 'orchestrator'.")
    var agent: String

    @Argument(help: "The new status word.")
    var status: String

    @Option(name: .long, help: "Also set the agent's notes.")
    var note: String?

    func run() throws {
        let (layout, _) = try workspace.resolve()
        let snapshot = WorkspaceLoader(layout: layout).load()
        let session = try Lookup.session(self.session, in: snapshot)
        let agent = try Lookup.agent(self.agent, in: session)
        do {
            let file = try StatusWriter.set(status, agent: agent, in: session, root: layout.root, note: note)
            Output.write("\(agent.agentId): \(agent.status.word ?? "?") → \(status) (\(file))\n")
        } catch let failure as StatusWriter.Failure {
            if case .write = failure {
                Output.error(failure.description)
                throw ExitCode(1)
            }
            throw UsageError(failure.description)
        }
    }
}
