import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub new <name> --agent ID...`: the screen's `N` — a session without a stub.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start an ad-hoc session without a stub (same files and one-liners as start).",
        discussion: "Says what it created and the next step (--porcelain prints <folder><TAB><workorder id>, --json an object). Asks before writing unless --yes (required without a terminal)."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The session's feature name (its folder becomes <name>-phase1).")
    var name: String

    @Option(name: .long, help: ArgumentHelp("An agent taking part (repeatable, at least one).", valueName: "id"))
    var agent: [String] = []

    @Option(name: .long, help: ArgumentHelp("The orchestrator (default: [start] default_orchestrator, else assistant).", valueName: "id"))
    var orchestrator: String?

    @Option(name: .long, help: ArgumentHelp("What the session is for (becomes its task and the agents' first step).", valueName: "text"))
    var description: String?

    @OptionGroup var output: CreateOptions

    func validate() throws {
        if agent.isEmpty { throw ValidationError("name at least one agent with --agent ID") }
    }

    func run() throws {
        let (layout, settings) = try workspace.resolve()
        let snapshot = WorkspaceLoader(layout: layout).load()
        // The screen's `N` plans through the same request.
        let request = PlanRequest(.adHoc(name: name, agents: agent, orchestrator: orchestrator, description: description),
                                  snapshot: snapshot, layout: layout, settings: settings, now: Date())
        try CreateSession.planConfirmAndApply(request, root: layout.root, output)
    }
}
