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
        try ArchiveCommand.move(workspace, yes: yes) { snapshot in
            if let session = try? WorkspaceLookup.session(name, in: snapshot), session.archived { return .restoreSession(session) }
            if let stub = try? WorkspaceLookup.archivedStub(name, in: snapshot) { return .restoreStub(stub) }
            throw UsageError("no archived session or stub named '\(TerminalText.sanitize(name))' (status --json lists archived items with \"archived\": true)")
        }
    }
}
