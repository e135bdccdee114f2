import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub advance <session>`: the screen's `a` — start the next phase as a sibling folder.
struct AdvanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: "Start the next phase of a session (<feature>-phase<N+1>, same agents, linked to the previous phase).",
        discussion: "Says what it created and the next step (--porcelain prints <folder><TAB><workorder id>, --json an object). Asks before writing unless --yes (required without a terminal)."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The session: name, folder, path or workorder id.", completion: Completions.sessions)
    var session: String

    @OptionGroup var output: CreateOptions

    func run() throws {
        let (layout, settings) = try workspace.resolve()
        let snapshot = WorkspaceLoader(layout: layout).load()
        let session = try Lookup.session(self.session, in: snapshot)
        // The screen's `a` plans through the same request.
        try CreateSession.planConfirmAndApply(PlanRequest(.advance(session: session), snapshot: snapshot, layout: layout, settings: settings, now: Date()), root: layout.root, output)
    }
}
