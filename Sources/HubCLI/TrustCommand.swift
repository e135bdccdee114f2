import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub trust`: allow the agent commands in the workspace's own `.coderef/hub.toml` to run.
struct TrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Allow the agent commands set in this workspace's .coderef/hub.toml to run.",
        discussion: """
        A workspace may come from someone else's repository, so dispatch runs a command from its \
        .coderef/hub.toml only after you trusted that file. Shows the commands it sets, then remembers \
        the file's SHA-256 in $XDG_CONFIG_HOME/sessions-hub/trusted; when the file changes, it must be \
        trusted again. Commands in your own ~/.config/sessions-hub/config.toml need no trust.
        """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(name: .long, help: "Only say whether the file is trusted (exit 0 when it is, 1 when not).")
    var check = false

    @Flag(name: .long, help: "Do not ask.")
    var yes = false

    func run() throws {
        let layout = try workspace.resolveLayout()
        let file = TrustStore.workspaceConfig(root: layout.root)
        let environment = ProcessInfo.processInfo.environment
        guard TrustStore.exists(file) else {
            Output.error("\(file) does not exist: there is nothing to trust")
            throw ExitCode(check ? 1 : 0)
        }
        guard let store = TrustStore(environment: environment) else { throw UsageError("neither XDG_CONFIG_HOME nor HOME is set: there is nowhere to remember the trust") }
        // One read: what is shown, what is hashed and what dispatch will check are the same bytes.
        let (settings, _) = ConfigLoader.load(root: layout.root, environment: environment)
        guard let digest = settings.workspaceConfigDigest else {
            Output.error("\(file) cannot be read: there is nothing to trust")
            throw ExitCode(1)
        }
        let trusted = store.isTrusted(file, digest: digest)
        if check {
            Output.write(trusted ? "trusted: \(file)\n" : "not trusted: \(file) (sessions-hub trust)\n")
            throw ExitCode(trusted ? 0 : 1)
        }
        if trusted {
            Output.write("already trusted: \(file)\n")
            return
        }
        var commands: [String] = []
        if settings.dispatch.command.source == file { commands.append("[dispatch] command = \(settings.dispatch.command.text)") }
        for (id, override) in settings.dispatch.agents.sorted(by: { $0.key < $1.key }) where override.command?.source == file {
            commands.append("[agents.\(id)] command = \(override.command!.text)")
        }
        let notes = commands.isEmpty ? ["it sets no agent command now; trusting it allows the commands it sets as it is"] : commands.map { "it runs: " + TerminalText.sanitize($0) }
        try Confirm.ask("trust \(file) as it is now?", notes: notes, yes: yes, flagHint: "trust it", refusal: "not trusted")
        do { try store.trust(file, digest: digest) } catch {
            Output.error("cannot remember the trust in \(store.file): \(WriteErrorText.describe(error))")
            throw ExitCode(1)
        }
        Output.write("trusted: \(file) (asked again when it changes)\n")
    }
}
