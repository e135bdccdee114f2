import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub`: with no subcommand it opens the screen; subcommands are the screen's twins.
public struct SessionsHubCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sessions-hub",
        abstract: "Turn idea stubs into coordinated multi-agent sessions and watch the agents finish.",
        discussion: """
        With no subcommand, opens the full-screen view of the workspace (press ? there for the keys). \
        The workspace is the nearest folder above the current one that holds .coderef/ or coderef/, or \
        the folder given with --root. Workspace options (--root, --stubs-dir, --sessions-dir, \
        --archived-stubs-dir, --workorders-dir, --projects-dir) may come before or after the \
        subcommand name; the screen's own (--theme, --ascii, --poll) are in 'sessions-hub ui --help'. \
        Config: .coderef/hub.toml and ~/.config/sessions-hub/config.toml ('sessions-hub config' shows \
        the values in effect); 'man sessions-hub' once installed.
        """,
        version: "sessions-hub \(HubVersion.string)",
        subcommands: [ScreenCommand.self, StatusCommand.self, StartCommand.self, NewCommand.self, AdvanceCommand.self, ArchiveCommand.self, UnarchiveCommand.self, OneLinerCommand.self, DispatchCommand.self, SendCommand.self, TrustCommand.self, SetStatusCommand.self, TriageCommand.self, ConfigCommand.self, DoctorCommand.self, MCPCommand.self, RemoteCommand.self, HookCommand.self, HooksCommand.self, DemoCommand.self, ManualCommand.self],
        defaultSubcommand: ScreenCommand.self
    )

    public init() {}
}

/// Runs the program and returns its exit status: 0 success, 1 failure, 2 usage error.
/// Usage errors are one line on stderr (ArgumentParser's own code for them is 64; ours is 2).
public enum SessionsHubMain {
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            let names = Set(SessionsHubCommand.configuration.subcommands.compactMap { $0.configuration.commandName })
            try ArgumentOrder.checkCommand(arguments, subcommands: names)
            var command = try SessionsHubCommand.parseAsRoot(try ArgumentOrder.normalize(arguments, subcommands: names))
            try command.run()
            return 0
        } catch let error as UsageError {
            Output.error(error.message)
            return 2
        } catch let error as ExitCode {
            return error.rawValue
        } catch {
            let code = SessionsHubCommand.exitCode(for: error)
            if code == .success {
                // --help, --version: ArgumentParser renders them as "errors" that are not.
                print(SessionsHubCommand.fullMessage(for: error))
                return 0
            }
            if code == .validationFailure {
                Output.error(SessionsHubCommand.message(for: error))
                Output.error("see 'sessions-hub --help'")
                return 2
            }
            Output.error(SessionsHubCommand.message(for: error))
            return code.rawValue == 0 ? 1 : code.rawValue
        }
    }
}

enum Output {
    /// Every message for a person passes one sanitiser: text from files (agent ids, notes, paths)
    /// never sends an escape sequence or a bidi override to the terminal.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("sessions-hub: " + TerminalText.sanitize(message, keepNewlines: true) + "\n").utf8))
    }

    static func write(_ text: String) {
        var text = TerminalText.sanitize(text, keepNewlines: true, keepTabs: true)
        text.withUTF8 { writeAll(Array($0)) }
    }

    /// Bytes to stdout with one write loop (no copies through Data).
    static func writeAll(_ bytes: [UInt8]) {
        WriteAll.write(STDOUT_FILENO, bytes)
    }

    /// The workspace as `status --json` prints it: one linear pass into bytes, one write.
    static func writeStatusJSON(_ snapshot: WorkspaceSnapshot, settings: HubSettings) {
        var bytes = JSONPrinter.compactBytes(StatusReport.json(snapshot, now: Date(), policy: EvidencePolicy(settings), prices: settings.tokenPrices))
        bytes.append(UInt8(ascii: "\n"))
        writeAll(bytes)
    }
}
