import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub archive <session|stub>`: the screen's `A`.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Move a session folder into its sessions folder's archived/, or a stub's folder into the archived stubs folder.",
        discussion: "A session is looked up first, then a stub. Asks before moving unless --yes (required without a terminal)."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The session (name, folder, path, workorder id) or stub (feature name, folder, stub id).", completion: Completions.sessionsAndStubs)
    var name: String

    @Flag(name: .long, help: "Do not ask.")
    var yes = false

    func run() throws {
        let (layout, _) = try workspace.resolve()
        let snapshot = WorkspaceLoader(layout: layout).load()
        let plan: ArchivePlan
        do {
            if let session = try? Lookup.session(name, in: snapshot) {
                plan = try Archiver.plan(session: session, layout: layout)
            } else if let stub = try? Lookup.stub(name, in: snapshot) {
                plan = try Archiver.plan(stub: stub, layout: layout, sessions: snapshot.sessions(for: stub))
            } else {
                throw UsageError("no session or stub named '\(name)' (try 'sessions-hub status' for the list)")
            }
        } catch let error as UsageError {
            throw error
        } catch {
            throw UsageError("\(error)")
        }
        try ArchiveCommand.confirmAndMove(plan, yes: yes)
    }

    /// What archive and unarchive share: ask (unless --yes), move, print where it went.
    static func confirmAndMove(_ plan: ArchivePlan, yes: Bool) throws {
        try Confirm.ask("move \(plan.displayFrom) to \(plan.displayTo)?", notes: plan.warnings, yes: yes,
                        flagHint: "move \(plan.displayFrom)", refusal: "nothing was moved")
        do {
            try Archiver.apply(plan)
        } catch {
            Output.error("\(error)")
            throw ExitCode(1)
        }
        Output.write("\(plan.displayTo)\n")
    }
}
