import ArgumentParser
import Foundation
import HubCore
import HubTUI

/// The default command: the full-screen view.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Open the full-screen view (the default when no subcommand is given).",
        discussion: "Needs a terminal; press ? inside for the keys."
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var poll: PollOption

    @Flag(name: .long, help: "Do not follow the remotes of your config (their rows, @name groups in the list, and keys that run on them).")
    var noRemotes = false

    func run() throws {
        let (layout, settings) = try workspace.resolve()
        try ScreenCommand.open(layout, settings: settings, themeName: display.theme, pollInterval: poll.pollInterval, ascii: display.ascii, followRemotes: !noRemotes)
    }

    /// Runs the screen; a terminal that cannot host it, or a theme that cannot be read, is a usage
    /// error (exit 2, one line).
    static func open(_ layout: WorkspaceLayout, settings: HubSettings, themeName: String? = nil, pollInterval: Double? = nil, ascii: Bool = false, greeting: String? = nil,
                     followRemotes: Bool = false) throws {
        let theme: Theme
        do {
            theme = try ThemeLoader.load(themeName ?? settings.theme ?? "default", root: layout.root, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw UsageError("\(error)")
        }
        let status: Int32
        do {
            let (keymap, problems) = Keymap.standard.applying(settings.keyOverrides, source: settings.keyOverridesSource)
            for problem in problems { Output.error(problem) }
            let environment = ProcessInfo.processInfo.environment
            let remotes: [RemoteFeed] = followRemotes ? settings.remotes.values.sorted { $0.name < $1.name }.map { RemoteFollowerFeed($0, environment: environment) } : []
            status = try HubScreen.run(layout: layout, settings: settings, theme: theme, pollInterval: pollInterval, ascii: ascii, keymap: keymap, greeting: greeting, remotes: remotes)
        } catch {
            throw UsageError(error.description)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
