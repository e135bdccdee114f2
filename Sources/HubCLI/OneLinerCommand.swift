import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub one-liner <session> <agent>`: the screen's `y`, printed (and copied with --copy).
struct OneLinerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "one-liner",
        abstract: "Print the one-liner that sends an agent to work on a session.",
        discussion: "The session by name, folder, path or workorder id; the agent by id, or 'orchestrator'."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The session.", completion: Completions.sessions)
    var session: String

    @Argument(help: "The agent.", completion: Completions.agents)
    var agent: String

    @Flag(name: .long, help: "The long (Markdown) form, as in the session's README.")
    var long = false

    @Flag(name: .long, help: "Also copy it to the clipboard (tmux, OSC 52 to /dev/tty, or a desktop tool) and record the hand-off.")
    var copy = false

    func run() throws {
        let (layout, settings) = try workspace.resolve()
        let snapshot = WorkspaceLoader(layout: layout).load()
        let session = try Lookup.session(self.session, in: snapshot)
        let agent = try Lookup.agent(self.agent, in: session)
        let text = long || settings.copyLongForm ? OneLiner.long(session: session, agent: agent) : OneLiner.short(session: session, agent: agent)
        Output.write(text + "\n")
        if let warning = OneLiner.missingInstructions(session: session, agent: agent) { Output.error("warning: " + TerminalText.sanitize(warning)) }
        guard copy else { return }
        let result = Clipboard.copy(text, order: settings.clipboardOrder, environment: ProcessInfo.processInfo.environment, writeToTerminal: OneLinerCommand.writeToTTY)
        switch result {
        case .success(let method):
            Output.error("one-liner for \(agent.agentId): \(method.outcome)")
            do {
                try HandoffLog.record(root: layout.root, session: session.path, agents: [agent.agentId], at: Date())
            } catch {
                Output.error("note: the hand-off could not be recorded (the hub will not know it was handed out): \(WriteErrorText.describe(error))")
            }
        case .failure(let failure):
            Output.error(failure.description)
            throw ExitCode(1)
        }
    }

    /// OSC 52 goes to the controlling terminal, not stdout (which may be a pipe).
    static func writeToTTY(_ bytes: [UInt8]) -> Bool {
        let fd = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
    }
}
