import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub dispatch <session> [agent...] [--all]`: the screen's `d`/`D` — start agents in tmux
/// windows and hand them their one-liners, with proof that each one arrived.
struct DispatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Start agents in tmux and hand each its one-liner (pasted and submitted, or as an argument).",
        discussion: """
        Each agent gets a tmux window named <agent>@<session> in its project folder, running the command \
        of [dispatch] command (or [agents.<id>] command) from the config. The hub waits until the agent is \
        ready, pastes the one-liner as a bracketed paste, presses Enter and checks that the agent took it \
        ("typed, not submitted" when it did not). --all dispatches every agent that has not started and \
        whose depends_on are complete, wave by wave, waiting for each wave to complete (Ctrl-C stops \
        waiting; the agents keep working). Runs inside tmux; outside it, --tmux-session NAME starts a \
        detached tmux session to attach to.
        """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The session.", completion: Completions.sessions)
    var session: String

    @Argument(help: "The agents to dispatch (ids; 'orchestrator' for the orchestrator).", completion: Completions.agents)
    var agents: [String] = []

    @Flag(name: .long, help: "Every agent that has not started and whose dependencies are complete; later waves as they become ready.")
    var all = false

    @Flag(name: .long, help: "With --all: dispatch what is ready now and return instead of waiting for later waves.")
    var noWait = false

    @Flag(name: .long, help: "Do not ask (dispatching, re-dispatching a running agent, later waves). Never trusts a workspace's commands.")
    var yes = false

    @Flag(name: .long, help: "Print the results as JSON lines.")
    var json = false

    @Option(name: .customLong("tmux-session"), help: "Outside tmux: open the windows in this tmux session (started detached when it does not exist).")
    var tmuxSession: String?

    func validate() throws {
        if agents.isEmpty && !all { throw ValidationError("name the agents to dispatch, or pass --all") }
        if !agents.isEmpty && all { throw ValidationError("name agents or pass --all, not both") }
        if let tmuxSession, !NameValidator.isValid(tmuxSession) || tmuxSession.contains(":") || tmuxSession.contains(".") {
            throw ValidationError("--tmux-session: '\(TerminalText.sanitize(tmuxSession))' cannot name a tmux session")
        }
    }

    func run() throws {
        let (layout, settings) = try workspace.resolve()
        let environment = ProcessInfo.processInfo.environment
        let inside = !(environment["TMUX"] ?? "").isEmpty
        guard inside || tmuxSession != nil else {
            throw UsageError("dispatch opens the agents in tmux windows, and this is not tmux: run it inside tmux, or pass --tmux-session NAME to start a detached tmux session")
        }
        guard let tmux = TmuxClient(environment: environment) else {
            throw UsageError("dispatch needs tmux, which is not installed (Debian: apt-get install tmux)")
        }
        if let name = tmuxSession, !inside {
            do {
                if try tmux.ensureDetachedSession(name, folder: layout.root) { Output.error("started tmux session \(name): attach with  tmux attach -t \(name)") }
            } catch {
                Output.error("cannot start tmux session \(name): \(error.message)")
                throw ExitCode(1)
            }
        }
        let dispatcher = Dispatcher(tmux: tmux, settings: settings.dispatch, tmuxSession: inside ? nil : tmuxSession, splitPane: environment["TMUX_PANE"])
        let run = DispatchRun(layout: layout, settings: settings, dispatcher: dispatcher, environment: environment, yes: yes, json: json)

        let loader = WorkspaceLoader(layout: layout)
        var snapshot = loader.load()
        var current = try Lookup.session(session, in: snapshot)
        let explicit = try agents.map { try Lookup.agent($0, in: current).agentId }
        var handled = Set<String>()
        var failures = 0
        var step = WaveFollower.next(current, handled: [])
        var wanted: [String] = explicit
        if all, case .dispatch(let first, _) = step { wanted = first } else if all { wanted = [] }
        while true {
            if !wanted.isEmpty {
                failures += try run.dispatch(wanted, of: current, snapshot: snapshot, firstWave: handled.isEmpty)
                handled.formUnion(wanted)
            }
            guard all, !noWait else { break }
            if failures > 0 {
                Output.error("stopped before the later waves: an agent was not handed its work, and the agents after it would wait for it")
                break
            }
            step = WaveFollower.next(current, handled: handled)
            guard case .wait(let on, let waiting) = step else { break }
            if handled.isEmpty && wanted.isEmpty {
                Output.error("nothing is ready: every agent that has not started waits on another (\(waiting.joined(separator: ", ")))")
            }
            Output.error("waiting for \(on.joined(separator: ", ")) to complete before \(waiting.joined(separator: ", ")) (Ctrl-C stops waiting; the agents keep working)")
            // Poll the files: the agents write them; a second is plenty for work measured in minutes.
            // Only this session's folder is read again, not the whole workspace.
            repeat {
                Thread.sleep(forTimeInterval: 1)
                snapshot = loader.reload(changed: [current.absolutePath], previous: snapshot)
                guard let reloaded = snapshot.session(at: current.path) else {
                    Output.error("the session \(current.name) is gone (archived or moved); stopped waiting")
                    throw ExitCode(1)
                }
                current = reloaded
                step = WaveFollower.next(current, handled: handled)
                if case .dispatch(let next, _) = step { wanted = next } else { wanted = [] }
            } while wanted.isEmpty && step != .done
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
