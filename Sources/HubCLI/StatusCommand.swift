import ArgumentParser
import HubCore

/// `sessions-hub status [--json]`: what the screen shows, as text or as one JSON object.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print stubs, sessions (derived status, n/m agents complete), workorders and problems.",
        discussion: "Exit status: 0 when the workspace loaded (problems or not), 2 on a usage error or a missing root."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(name: .long, help: "Print one JSON object (keys documented in the README) instead of the table.")
    var json = false

    func run() throws {
        let layout = try workspace.resolveLayout()
        let snapshot = WorkspaceLoader(layout: layout).load()
        Output.write(json ? JSONPrinter.compact(StatusReport.json(snapshot)) + "\n" : StatusTable.render(snapshot))
    }
}
