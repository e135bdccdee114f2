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
        let pane: String
        do { pane = try AgentAnswer.pane(of: agent, in: session, snapshot: snapshot, tmux: tmux) } catch { throw UsageError(error.description) }
        let outcome = AgentAnswer.send(text.map { .text($0) } ?? .keys(keys), to: pane, agentId: agent.agentId, sessionPath: session.path,
                                       dispatcher: Dispatcher(tmux: tmux, settings: settings.dispatch), root: layout.root)
        report(outcome)
        if !outcome.delivered { throw ExitCode(1) }
    }

    func report(_ outcome: AgentAnswer.Outcome) {
        if json {
            Output.write(JSONPrinter.compact(.object(JSONObject([
                ("agent", .string(agent)), ("pane", .string(outcome.pane)), ("sent", .string(text == nil ? "keys" : "text")),
                ("outcome", .string(outcome.word)), ("error", outcome.delivered ? .null : .string(outcome.sentence)),
            ]))) + "\n")
        } else if outcome.delivered {
            Output.write("\(outcome.sentence) (\(outcome.pane))\n")
        } else {
            Output.error(outcome.sentence)
        }
    }
}
