import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub archive <session|stub>`: the screen's `A`.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Move a session folder into its sessions folder's archived/; for a stub, its finished phases, and the stub's folder (a Markdown stub's file) once no phase is at work.",
        discussion: "A session is looked up first, then a stub. A stub's phases still at work stay where they are (and so does the stub). Asks before moving unless --yes (required without a terminal); prints each folder's new place."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The session (name, folder, path, workorder id) or stub (feature name, folder, stub id).", completion: Completions.sessionsAndStubs)
    var name: String

    @Flag(name: .long, help: "Do not ask.")
    var yes = false

    func run() throws {
        try ArchiveCommand.move(workspace, yes: yes) { snapshot in
            if let session = try? WorkspaceLookup.session(name, in: snapshot) { return .archiveSession(session) }
            if let stub = try? WorkspaceLookup.stub(name, in: snapshot) { return .archiveStub(stub) }
            throw UsageError("no session or stub named '\(TerminalText.sanitize(name))' (try 'sessions-hub status' for the list)")
        }
    }

    /// What archive and unarchive share: the screen's own planning (`PlanRequest`) of what `kind`
    /// names, then ask and move.
    static func move(_ workspace: WorkspaceOptions, yes: Bool, kind: (WorkspaceSnapshot) throws -> PlanRequest.Kind) throws {
        let (layout, settings) = try workspace.resolve()
        let snapshot = WorkspaceLoader(layout: layout).load()
        switch PlanRequest(try kind(snapshot), snapshot: snapshot, layout: layout, settings: settings, now: Date()).plan() {
        case .success(.archive(let plan)): try confirmAndMove(plan, yes: yes)
        case .success(let other): throw UsageError("internal: an archive planned \(other)")
        case .failure(let failure): throw UsageError(failure.message)
        }
    }

    /// What archive and unarchive share: ask (unless --yes), move, print where it went.
    static func confirmAndMove(_ plan: ArchivePlan, yes: Bool) throws {
        let moves = plan.moves.map { "\($0.displayFrom) to \($0.displayTo)" }.joined(separator: ", ")
        try Confirm.ask("move \(moves)?", notes: plan.notes + plan.warnings.map { "warning: " + $0 }, yes: yes,
                        flagHint: "move \(plan.displayFrom)", refusal: "nothing was moved")
        do {
            try PlannedChange.archive(plan).apply(root: "")
        } catch {
            Output.error(error.description)
            throw ExitCode(1)
        }
        for move in plan.moves { Output.write("\(move.displayTo)\n") }
    }
}
