import ArgumentParser
import HubCore

/// The default command: the full-screen view. Until the screen lands ([SCREEN] issue) it prints the
/// status table, so `sessions-hub` in a workspace is already useful.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Open the full-screen view (the default when no subcommand is given)."
    )

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        let layout = try workspace.resolveLayout()
        let snapshot = WorkspaceLoader(layout: layout).load()
        Output.write(StatusTable.render(snapshot))
    }
}
