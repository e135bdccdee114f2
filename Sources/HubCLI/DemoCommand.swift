import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub demo`: copies the built-in demo workspace into a fresh temporary folder and shows it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the built-in demo workspace (a fresh temporary copy, removed afterwards unless --keep).",
        discussion: "On a terminal it opens the screen; otherwise (or with --json / --print) it prints the status."
    )

    @Option(name: .long, help: ArgumentHelp("Colour theme (see 'sessions-hub ui --help').", valueName: "name"))
    var theme: String?

    @Option(name: .customLong("poll"), help: ArgumentHelp("Watch by polling every <ms> milliseconds instead of inotify.", valueName: "ms"))
    var pollMilliseconds: Int?

    @Flag(name: .long, help: "Keep the temporary demo folder and print its path.")
    var keep = false

    @Flag(name: .long, help: "Print the demo status as JSON instead of opening the screen.")
    var json = false

    @Flag(name: .long, help: "Print the demo status as a table instead of opening the screen.")
    var print = false

    @Flag(name: .long, help: "Draw borders, glyphs and bars in plain ASCII.")
    var ascii = false

    @Flag(name: .long, help: "The living demo: in tmux, with small simulated agents as the agent command (S starts a session, D hands it to them).")
    var agents = false

    @Option(name: .long, help: ArgumentHelp("With --agents: seconds between a simulated agent's steps.", valueName: "seconds"))
    var pace: Double = 3

    func run() throws {
        if agents && (ProcessInfo.processInfo.environment["TMUX"] ?? "").isEmpty && !json && !print {
            throw ExitCode(try LivingDemo.openInTmux(arguments: Array(CommandLine.arguments.dropFirst())))
        }
        let root: String
        do {
            root = try DemoWorkspace.makeTemporary()
        } catch {
            Output.error("cannot create the demo workspace: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        defer {
            if keep {
                Output.error("demo workspace kept at \(root)")
            } else {
                do { try FileManager.default.removeItem(atPath: root) } catch { Output.error("the demo workspace could not be removed: \(root) (\(error.localizedDescription))") }
            }
        }
        let layout = WorkspaceLayout(root: root)
        if !json && !print && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
            var settings = ConfigLoader.load(root: nil).0
            var greeting: String?
            if agents {
                settings.dispatch = try LivingDemo.dispatchSettings(pace: pace)
                greeting = "living demo: S starts a session from a stub, D hands it to simulated agents"
            }
            defer { if agents { LivingDemo.close(root: root) } }
            try ScreenCommand.open(layout, settings: settings, themeName: theme, pollInterval: WorkspaceOptions.seconds(fromPollMilliseconds: pollMilliseconds), ascii: ascii, greeting: greeting)
            return
        }
        let snapshot = WorkspaceLoader(layout: layout).load()
        if json { Output.writeStatusJSON(snapshot, settings: HubSettings()) } else { Output.write(StatusTable.render(snapshot, attention: Evidence.attention(snapshot, now: Date(), policy: EvidencePolicy()))) }
    }
}
