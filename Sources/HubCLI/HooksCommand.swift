import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub hooks install|uninstall`: Claude Code's hooks call `sessions-hub hook`, so the hub
/// sees each agent working, waiting for you, idle or gone the moment it happens.
struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Install or remove the Claude Code hooks that tell the hub what each agent is doing.",
        subcommands: [Install.self, Uninstall.self]
    )

    struct Place: ParsableArguments {
        @Flag(name: .long, help: "The user's settings (~/.claude/settings.json, or $CLAUDE_CONFIG_DIR/settings.json); the default.")
        var user = false

        @Option(name: .long, help: "A project's own settings instead (<dir>/.claude/settings.local.json, which git does not track).")
        var project: String?

        @Flag(name: .long, help: "Print the file as it would become; change nothing.")
        var dryRun = false

        func validate() throws {
            if user && project != nil { throw ValidationError("--user and --project name different files: choose one") }
        }
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Merge the hub's hook entries into the settings file (once; a backup is kept).")
        @OptionGroup var place: Place
        func run() throws { try HooksCommand.change(place, install: true) }
    }

    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the hub's hook entries from the settings file (a backup is kept).")
        @OptionGroup var place: Place
        func run() throws { try HooksCommand.change(place, install: false) }
    }

    static func change(_ place: Place, install: Bool) throws {
        let environment = ProcessInfo.processInfo.environment
        guard let file = HookSettings.file(project: place.project.map { ($0 as NSString).expandingTildeInPath }, environment: environment) else {
            throw UsageError("neither CLAUDE_CONFIG_DIR nor HOME is set: pass --project DIR")
        }
        let existing: [UInt8]?
        if FileManager.default.fileExists(atPath: file) {
            do { existing = try Array(Data(contentsOf: URL(fileURLWithPath: file))) } catch {
                Output.error("\(file) cannot be read (\(WriteErrorText.describe(error))); nothing was changed")
                throw ExitCode(1)
            }
        } else {
            existing = nil
        }
        let merged: [UInt8]?
        do {
            merged = try HookSettings.merged(existing, path: file, command: HookSettings.command(executable: ExecutablePath.current), install: install)
        } catch {
            Output.error("\(error)")
            throw ExitCode(1)
        }
        guard let merged else {
            Output.write(install ? "already installed: \(file)\n" : "nothing to remove: \(file)\n")
            return
        }
        if place.dryRun {
            Output.write(String(decoding: merged, as: UTF8.self) + "\n")
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if let existing {
                let backup = file + ".bak-" + Timestamp.format(Date()).replacingOccurrences(of: ":", with: "")
                try AtomicFile.write(existing, to: backup)
                Output.error("backup: \(backup)")
            }
            try AtomicFile.write(merged, to: file)
        } catch {
            Output.error("could not write \(file): \(WriteErrorText.describe(error)); it was left as it was")
            throw ExitCode(1)
        }
        Output.write((install ? "installed the hooks in " : "removed the hooks from ") + file + "\n")
    }
}
