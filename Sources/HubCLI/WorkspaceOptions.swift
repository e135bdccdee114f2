import ArgumentParser
import Foundation
import HubCore

/// Options every command shares. Declared in each command through `@OptionGroup`, so they are
/// accepted before or after the subcommand name (`sessions-hub --root D status` and
/// `sessions-hub status --root D`).
public struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Workspace root (default: the nearest folder above the current one holding .coderef/ or coderef/).", valueName: "dir"))
    public var root: String?

    @Option(name: .customLong("stubs-dir"), help: ArgumentHelp("Folder of stub folders, relative to the root; repeatable (default: coderef/working).", valueName: "dir"))
    public var stubDirectories: [String] = []

    @Option(name: .customLong("archived-stubs-dir"), help: ArgumentHelp("Folder of archived stubs; repeatable (default: coderef/archived).", valueName: "dir"))
    public var archivedStubDirectories: [String] = []

    @Option(name: .customLong("sessions-dir"), help: ArgumentHelp("Sessions folder; repeatable (default: .coderef/sessions and coderef/sessions).", valueName: "dir"))
    public var sessionDirectories: [String] = []

    @Option(name: .customLong("workorders-dir"), help: ArgumentHelp("Workorders folder; repeatable (default: coderef/workorder).", valueName: "dir"))
    public var workorderDirectories: [String] = []

    @Option(name: .customLong("projects-dir"), help: ArgumentHelp("A folder holding the agents' project folders, searched for their workorders; repeatable (default: the agents' own folders, found beside the workspace).", valueName: "dir"))
    public var projectDirectories: [String] = []


    /// `--poll` milliseconds as seconds, at least 50 ms (a tighter loop would only burn CPU).
    static func seconds(fromPollMilliseconds milliseconds: Int?) -> Double? {
        milliseconds.map { Double(max(50, $0)) / 1000 }
    }

    public init() {}

    /// The layout these options describe, rooted at `root` (already resolved): flags first, then
    /// the config files, then the defaults.
    public func layout(root: String, settings: HubSettings = HubSettings()) -> WorkspaceLayout {
        var layout = WorkspaceLayout(
            root: root,
            stubDirectories: stubDirectories.isEmpty ? (settings.stubDirectories ?? WorkspaceLayout.defaultStubDirectories) : stubDirectories,
            archivedStubDirectories: archivedStubDirectories.isEmpty ? WorkspaceLayout.defaultArchivedStubDirectories : archivedStubDirectories,
            sessionDirectories: sessionDirectories.isEmpty ? (settings.sessionDirectories ?? WorkspaceLayout.defaultSessionDirectories) : sessionDirectories,
            workorderDirectories: workorderDirectories.isEmpty ? WorkspaceLayout.defaultWorkorderDirectories : workorderDirectories
        )
        let home = ProcessInfo.processInfo.environment["HOME"]
        layout.projectDirectories = (projectDirectories.isEmpty ? settings.projectDirectories : projectDirectories).map { folder in
            let expanded = (folder == "~" || folder.hasPrefix("~/")) && home != nil ? home! + folder.dropFirst() : folder
            return layout.absolute(expanded)
        }
        return layout
    }

    /// Resolves the root (flag or discovery) and reads the config files; a missing root is a usage
    /// error (exit 2); a config file that cannot be read is reported on stderr and skipped.
    public func resolve() throws -> (WorkspaceLayout, HubSettings) {
        let resolvedRoot: String
        do {
            resolvedRoot = try WorkspaceDiscovery.resolveRoot(explicit: root)
        } catch {
            throw UsageError(error.description)
        }
        let (settings, problems) = ConfigLoader.load(root: resolvedRoot)
        for problem in problems { Output.error("config \(problem.path): \(problem.message)") }
        // A start killed halfway is finished (or undone) before anything else reads the workspace.
        for line in StartJournal.recover(root: resolvedRoot) { Output.error("note: " + line) }
        return (layout(root: resolvedRoot, settings: settings), settings)
    }

    public func resolveLayout() throws -> WorkspaceLayout { try resolve().0 }
}

/// A mistake in how the program was called: one line on stderr, exit 2.
public struct UsageError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// `--poll`: only for the commands that watch (the screen, `status --watch`).
public struct PollOption: ParsableArguments {
    @Option(name: .customLong("poll"), help: ArgumentHelp("Watch by checking files every <ms> milliseconds instead of inotify (network filesystems); '--poll' alone means 1000.", valueName: "ms"))
    public var pollMilliseconds: Int?

    /// Seconds between polls when `--poll` was given.
    public var pollInterval: Double? { WorkspaceOptions.seconds(fromPollMilliseconds: pollMilliseconds) }

    public init() {}
}

/// How the screen draws: only for the commands that open it.
public struct DisplayOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Colour theme: default, light, mono, a name in ~/.config/sessions-hub/themes/ or .coderef/themes/, or a .toml file.", valueName: "name"))
    public var theme: String?

    @Flag(name: .long, help: "Draw borders, glyphs and bars in plain ASCII (automatic when the locale is not UTF-8, e.g. LANG=C).")
    public var ascii = false

    public init() {}
}
