import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub set-status <session> <agent> <status>`: how agents and scripts report progress
/// without hand-editing JSON (a locked edit that changes only that value).
struct SetStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-status",
        abstract: "Record an agent's status in the session's files (its nested communication.json when it has one).",
        discussion: "The word is kept as written; a complete one also sets completed_at. A word the hub does not know (it would count as 'other') is refused with the closest known words, unless --any-word."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The session: name, folder, path or workorder id.", completion: Completions.sessions)
    var session: String

    @Argument(help: "The agent id, or 'orchestrator'.", completion: Completions.agents)
    var agent: String

    @Argument(help: "The new status word.", completion: .list(["not_started", "in_progress", "complete", "blocked", "failed", "cancelled"]))
    var status: String

    @Option(name: .long, help: "Also set the agent's notes.")
    var note: String?

    @Flag(name: .long, help: "Write a status word the hub does not know, as it is.")
    var anyWord = false

    func run() throws {
        if let refusal = Status.refusal(for: status, anyWord: anyWord) {
            throw UsageError(refusal + (anyWord ? "" : "; --any-word writes a word the hub does not know"))
        }
        let (layout, settings) = try workspace.resolve()
        let snapshot = WorkspaceLoader(layout: layout).load()
        let session = try Lookup.session(self.session, in: snapshot)
        let request = PlanRequest(.setStatus(session: session, agent: agent, word: status, note: note, anyWord: anyWord),
                                  snapshot: snapshot, layout: layout, settings: settings, now: Date())
        do {
            let change = try request.plan().get()
            let applied = try change.apply(root: layout.root)
            Output.write(applied.sentence + "\n")
            // Written as asked; what the evidence will say of it is said now.
            if case .setStatus(let status) = change { for warning in status.warnings { Output.error("warning: " + warning) } }
        } catch {
            if error.failed {
                Output.error(error.message)
                throw ExitCode(1)
            }
            throw UsageError(error.message)
        }
    }
}
