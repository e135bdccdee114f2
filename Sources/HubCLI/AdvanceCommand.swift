import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub advance <session>`: the screen's `a` — start the next phase as a sibling folder.
struct AdvanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: "Start the next phase of a session (<feature>-phase<N+1>, same agents, linked to the previous phase).",
        discussion: "Prints the new session folder and workorder id. Asks before writing unless --yes (required without a terminal)."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The session: name, folder, path or workorder id.", completion: Completions.sessions)
    var session: String

    @Flag(name: .long, help: "Do not ask.")
    var yes = false

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    @Flag(name: .long, help: "Print only <folder><TAB><workorder id> (for scripts).")
    var porcelain = false

    func run() throws {
        let (layout, settings) = try workspace.resolve()
        let snapshot = WorkspaceLoader(layout: layout).load()
        let session = try Lookup.session(self.session, in: snapshot)
        let plan: SessionPlan
        do {
            plan = try SessionPlanner(layout: layout, settings: settings, now: Date()).planNextPhase(after: session, snapshot: snapshot)
        } catch {
            throw UsageError(error.description)
        }
        try CreateSession.confirmAndApply(plan, root: layout.root, yes: yes, json: json, porcelain: porcelain)
    }
}
