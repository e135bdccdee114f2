import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub demo`: copies the built-in demo workspace into a fresh temporary folder and shows it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Show the built-in demo workspace (written to a fresh temporary folder, removed afterwards unless --keep)."
    )

    @Flag(name: .long, help: "Keep the temporary demo folder and print its path.")
    var keep = false

    @Flag(name: .long, help: "Print the demo status as JSON.")
    var json = false

    func run() throws {
        let root: String
        do {
            root = try DemoWorkspace.makeTemporary()
        } catch {
            Output.error("cannot create the demo workspace: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        defer {
            if !keep { try? FileManager.default.removeItem(atPath: root) }
        }
        let snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: root)).load()
        Output.write(json ? JSONPrinter.compact(StatusReport.json(snapshot)) + "\n" : StatusTable.render(snapshot))
        if keep { Output.write("demo workspace kept at \(root)\n") }
    }
}
