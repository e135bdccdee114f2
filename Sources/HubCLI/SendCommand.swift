import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub send <session> <agent> [TEXT] [--keys KEY...]`: answer an agent where it runs —
/// text delivered like a dispatch (bracketed paste, Enter, proof), or keys (`1` approves Claude
/// Code's permission prompt).
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Answer an agent in its tmux pane: type TEXT (pasted, submitted, checked) or press --keys.",
        discussion: "The pane is the one the agent was dispatched into, or the one its own state names (Claude Code's state file, its hooks). Keys are tmux key names: 1, y, n, Enter, Escape, Up, Down, C-c. An agent with no live pane is refused."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The session: name, folder, path or workorder id.", completion: Completions.sessions)
    var session: String

    @Argument(help: "The agent id, or 'orchestrator'.", completion: Completions.agents)
    var agent: String

    @Argument(help: "Text to type and submit.")
    var text: String?

    @Option(name: .long, parsing: .upToNextOption, help: "tmux key names to press, in order (e.g. --keys 1, --keys Escape).")
    var keys: [String] = []

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        if text == nil && keys.isEmpty { throw ValidationError("say what to send: TEXT, or --keys KEY...") }
        if text != nil && !keys.isEmpty { throw ValidationError("TEXT or --keys, not both (send twice)") }
        if let bad = keys.first(where: { !Dispatcher.isKeyName($0) }) { throw ValidationError("\(Quote.short(bad)) is not a key name (e.g. 1, y, Enter, Escape, Up, C-c)") }
    }

    func run() throws {
        let (layout, settings) = try workspace.resolve()
        let environment = ProcessInfo.processInfo.environment
        guard let tmux = TmuxClient(environment: environment) else { throw UsageError("send needs tmux, which is not installed (Debian: apt-get install tmux)") }
        var snapshot = WorkspaceLoader(layout: layout).load()
        AgentActivity.attach(to: &snapshot, settings: settings, layout: layout, environment: environment)
        let session = try Lookup.session(self.session, in: snapshot)
        let agent = try Lookup.agent(self.agent, in: session)
        guard let pane = AgentPane.of(agent, in: session, snapshot: snapshot), tmux.paneIsOpen(pane) else {
            throw UsageError("\(TerminalText.sanitize(agent.agentId)) has no live tmux pane the hub knows of (dispatch it, or start it in tmux with the hooks installed)")
        }
        let dispatcher = Dispatcher(tmux: tmux, settings: settings.dispatch)
        if let text {
            let result = dispatcher.send(text, to: pane, agentId: agent.agentId, sessionPath: session.path)
            try? HandoffLog.record(root: layout.root, dispatch: result)
            report(sent: "text", pane: pane, outcome: result.outcome.word, failure: { if case .failed(let why) = result.outcome { return why }; return nil }())
            if !result.outcome.delivered { throw ExitCode(1) }
        } else {
            let taken: Bool
            do { taken = try dispatcher.sendKeys(keys, to: pane) } catch {
                report(sent: "keys", pane: pane, outcome: "failed", failure: error.message)
                throw ExitCode(1)
            }
            guard taken else {
                report(sent: "keys", pane: pane, outcome: "not taken", failure: "pressed twice, and its pane did not change: it may not be reading keys (look with g, or its window)")
                throw ExitCode(1)
            }
            report(sent: "keys", pane: pane, outcome: "sent", failure: nil)
        }
    }

    func report(sent: String, pane: String, outcome: String, failure: String?) {
        if json {
            Output.write(JSONPrinter.compact(.object(JSONObject([
                ("agent", .string(agent)), ("pane", .string(pane)), ("sent", .string(sent)), ("outcome", .string(outcome)),
                ("error", failure.map(JSONValue.string) ?? .null),
            ]))) + "\n")
        } else if let failure {
            Output.error("\(TerminalText.sanitize(agent)): not sent: \(failure)")
        } else {
            Output.write("\(TerminalText.sanitize(agent)) (\(pane)): \(sent == "keys" ? keys.joined(separator: " ") + " pressed" : "text " + outcome)\n")
        }
    }
}
