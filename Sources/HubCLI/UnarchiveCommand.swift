import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub unarchive <session|stub>`: the screen's `U`; archive undone by the same rename.
struct UnarchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unarchive",
        abstract: "Bring an archived session or stub back (the same no-replace rename as archive, the other way).",
        discussion: "An archived session is looked up first, then an archived stub. Asks unless --yes (required without a terminal)."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The archived session (name, folder, path, workorder id) or stub (feature name, folder, stub id).")
    var name: String

    @Flag(name: .long, help: "Do not ask.")
    var yes = false

    func run() throws {
        let (layout, _) = try workspace.resolve()
        let snapshot = WorkspaceLoader(layout: layout).load()
        let plan: ArchivePlan
        do {
            if let session = try? WorkspaceLookup.session(name, in: snapshot), session.archived {
                plan = try Archiver.restorePlan(session: session, layout: layout)
            } else if let stub = try? WorkspaceLookup.archivedStub(name, in: snapshot) {
                plan = try Archiver.restorePlan(stub: stub, layout: layout)
            } else {
                throw UsageError("no archived session or stub named '\(name)' (status --json lists archived items with \"archived\": true)")
            }
        } catch let error as UsageError {
            throw error
        } catch {
            throw UsageError("\(error)")
        }
        try ArchiveCommand.confirmAndMove(plan, yes: yes)
    }
}
