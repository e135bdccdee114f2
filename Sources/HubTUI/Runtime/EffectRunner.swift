import Foundation
import HubCore

/// Runs the reducer's effects at the edge, never on the event loop's thread when they can block:
/// planning, writing sessions, archiving and reading files one at a time in order on a disk queue;
/// copies on their own queue (a clipboard tool may hang until its deadline); reloads on the
/// workspace thread. Every result comes back to the loop as an action through `BackgroundWork`.
final class EffectRunner: @unchecked Sendable {
    let results = BackgroundWork()
    private let worker: WorkspaceWorker
    private let disk = SerialWorker(name: "sessions-hub.disk")
    private let clipboard = SerialWorker(name: "sessions-hub.clipboard")
    /// Dispatches wait for agents to be ready (seconds each): never on the disk queue.
    private let dispatcher = SerialWorker(name: "sessions-hub.dispatch")
    private let lock = NSLock()
    private var inFlight = 0
    private let context: AppContext
    private let environment: [String: String]

    /// The remotes' feeds by name: far tools are called over their links.
    private let remotes: [String: RemoteFeed]

    init(live: LiveWorkspace, context: AppContext, environment: [String: String], remotes: [RemoteFeed] = []) {
        self.context = context
        self.environment = environment
        self.remotes = Dictionary(remotes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let results = self.results
        // The agents' own state: watched on the same thread as the workspace, matched into its snapshots.
        let activity = WorkspaceWorker.ActivitySource(
            watch: ActivityWatch(environment: environment),
            tmux: TmuxClient(environment: environment),
            folder: AgentActivity.folderResolver(settings: context.settings, layout: context.layout, environment: environment),
            kind: AgentActivity.kindResolver(settings: context.settings),
            rules: { PaneRules.loaded(environment: environment) })
        worker = WorkspaceWorker(live: live, policy: EvidencePolicy(context.settings), activity: activity) { results.post($0) }
    }

    func start() { worker.start() }
    func stop() { worker.stop() }

    /// True when no effect is running and the workspace thread has nothing to read.
    var isIdle: Bool { lock.withLock { inFlight == 0 } && !worker.isBusy && results.isEmpty }

    /// Starts `effect`; `.quit` and `.bell` belong to the loop (they touch the terminal) and are not run here.
    func run(_ effect: Effect) {
        switch effect {
        case .quit, .bell, .edit, .notify, .setTitle, .setTheme: return  // the loop's own (TerminalEffects, the editor)
        case .loadAgentDetail(let session, let agent, let output, let pane):
            let root = context.layout.root
            let tmux = context.insideTmux ? TmuxClient(environment: environment) : nil
            background(on: disk) { results in
                let history = StatusHistory.load(root: root).filter { $0.session == session && $0.agent == agent }
                let preview = output.map { EffectRunner.viewerText($0, limit: 64 * 1024).split(separator: "\n", omittingEmptySubsequences: false).prefix(40).map(String.init) }
                let paneLines = pane.flatMap { tmux?.lastLines($0, lines: 12) }
                results.post(.action(.agentDetailLoaded(session: session, agent: agent, history: history, preview: preview, paneLines: paneLines)))
            }
        case .planDispatch(let ask):
            let root = context.layout.root, projectRoots = context.layout.projectDirectories
            let settings = context.settings
            let environment = self.environment
            background(on: disk) { results in
                let made = DispatchProposal.make(session: ask.session, agentIds: ask.agents, nextWave: ask.nextWave, records: ask.records, settings: settings, root: root,
                                                 projectRoots: projectRoots, projects: ask.projects, environment: environment)
                results.post(.action(.dispatchPlanned(made.mapError { PlanFailure($0.description) })))
            }
        case .dispatch(let targets):
            let root = context.layout.root
            let settings = context.settings.dispatch
            let environment = self.environment
            background(on: dispatcher) { results in
                guard let tmux = TmuxClient(environment: environment) else {
                    for target in targets {
                        results.post(.action(.dispatched(DispatchResult(sessionPath: target.sessionPath, agentId: target.agentId, pane: nil, window: nil,
                                                                         outcome: .failed("tmux is not installed"), at: Date(), longForm: target.longForm))))
                    }
                    return
                }
                let dispatcher = Dispatcher(tmux: tmux, settings: settings, splitPane: environment["TMUX_PANE"])
                for target in targets {
                    results.post(.action(.dispatched(dispatcher.dispatchAndRecord(target, root: root).result)))
                }
            }
        case .answer(let ask):
            let root = context.layout.root
            let settings = context.settings.dispatch
            let environment = self.environment
            background(on: dispatcher) { results in
                guard let tmux = TmuxClient(environment: environment) else {
                    return results.post(.action(.answered("tmux is not installed: nothing was sent", failed: true)))
                }
                let outcome = AgentAnswer.send(ask.isReply ? .text(ask.text) : .keys(ask.keys), to: ask.pane, agentId: ask.agentId, sessionPath: ask.sessionPath,
                                               dispatcher: Dispatcher(tmux: tmux, settings: settings), root: root)
                results.post(.action(.answered(outcome.sentence, failed: !outcome.delivered)))
            }
        case .remoteCall(let call):
            guard let feed = remotes[call.remote] else {
                return results.post(.action(.remoteCallFinished(call, .failure(RemoteCallFailure("@\(call.remote) is not followed")))))
            }
            lock.withLock { inFlight += 1 }
            feed.call(call.tool, arguments: call.arguments) { [self] result in
                results.post(.action(.remoteCallFinished(call, result)))
                lock.withLock { inFlight -= 1 }
            }
        case .goToRemotePane(let remote, let pane, let title):
            let environment = self.environment, insideTmux = context.insideTmux
            let command = remotes[remote]?.attachCommand(pane: pane)
            background(on: clipboard) { results in
                guard let command else { return results.post(.action(.notice("@\(remote): its pane \(pane) cannot be reached from here"))) }
                // Outside tmux no window can be opened: the command is said instead.
                guard insideTmux, let tmux = TmuxClient(environment: environment) else {
                    return results.post(.action(.notice("to see it, run: " + command.map(ShellQuote.readable).joined(separator: " "))))
                }
                do { _ = try tmux.run(["new-window", "-n", HostileNames.tmuxLiteral(TerminalText.sanitize(title)), "--"] + command) } catch let failure as TmuxClient.Failure {
                    results.post(.action(.notice("@\(remote): no window for its pane \(pane) (\(failure.message))")))
                } catch {}
            }
        case .goToPane(let pane):
            let environment = self.environment
            background(on: clipboard) { results in
                guard let tmux = TmuxClient(environment: environment) else { return }
                do {
                    try tmux.run(["select-window", "-t", pane])
                    try tmux.run(["select-pane", "-t", pane])
                } catch {
                    // Another tmux session holds it (dispatch --tmux-session): switch this client there.
                    if (try? tmux.run(["switch-client", "-t", pane])) == nil {
                        results.post(.action(.notice("the agent's pane \(pane) is gone (its window was closed)")))
                    }
                }
            }
        case .reload: worker.requestReload()
        case .plan(let request):
            background(on: disk) { $0.post(.action(.planned(request.plan()))) }
        case .startSession(let plan):
            let root = context.layout.root
            background(on: disk) { results in
                do throws(PlanFailure) {
                    try PlannedChange.start(plan).apply(root: root)
                    results.post(.action(.sessionStarted(.success(plan.displayFolder))))
                } catch {
                    results.post(.action(.sessionStarted(.failure(StartFailure(error.message)))))
                }
            }
        case .triage(let ask):
            let (layout, settings) = (context.layout, context.settings), by = TriageAction.person(environment: environment)
            background(on: disk) { results in
                guard let session = ask.snapshot.session(at: ask.sessionPath) else {
                    return results.post(.action(.triaged("the session is gone: nothing was recorded", failed: true)))
                }
                let request = PlanRequest(.triage(ask.request, session: session, agent: ask.agent, by: by), snapshot: ask.snapshot, layout: layout, settings: settings, now: Date())
                do throws(PlanFailure) {
                    results.post(.action(.triaged(try request.plan().get().apply(root: layout.root).sentence, failed: false)))
                } catch {
                    results.post(.action(.triaged(error.message, failed: true)))
                }
            }
        case .closeSession(let close):
            let root = context.layout.root
            background(on: disk) { results in
                do throws(PlanFailure) {
                    results.post(.action(.sessionClosed(try PlannedChange.close(close).apply(root: root).sentence, failed: false)))
                } catch {
                    results.post(.action(.sessionClosed(error.message, failed: true)))
                }
            }
        case .undoTriage(let snapshot):
            let root = context.layout.root, by = TriageAction.person(environment: environment)
            background(on: disk) { results in
                do throws(PlanFailure) {
                    results.post(.action(.triaged(try PlannedChange.undoTriage(snapshot: snapshot, by: by).apply(root: root).sentence, failed: false)))
                } catch {
                    results.post(.action(.triaged(error.message, failed: true)))
                }
            }
        case .archive(let plan):
            let root = context.layout.root
            background(on: disk) { results in
                do throws(PlanFailure) {
                    results.post(.action(.archived(.success(try PlannedChange.archive(plan).apply(root: root).sentence))))
                } catch {
                    results.post(.action(.archived(.failure(StartFailure(error.message)))))
                }
            }
        case .readFile(let path, let title):
            background(on: disk) { $0.post(.action(.fileLoaded(title: title, text: EffectRunner.viewerText(path), path: path))) }
        case .copy(let request):
            let root = context.layout.root
            let order = context.settings.clipboardOrder
            let environment = self.environment
            background(on: clipboard) { results in
                let result = Clipboard.copy(request.text, order: order, environment: environment) { bytes in
                    results.post(.terminalBytes(bytes))
                    return true
                }
                let now = Date()
                var unrecorded: String?
                if case .success = result {
                    do { try HandoffLog.record(root: root, session: request.sessionPath, agents: request.agents, at: now) } catch { unrecorded = WriteErrorText.describe(error) }
                }
                results.post(.action(.copyFinished(request, result, at: now)))
                // Copied, but the hub will not remember the hand-off (not picked up is then unknown): said.
                if let unrecorded { results.post(.action(.notice("copied, but the hand-off could not be recorded: \(unrecorded)"))) }
            }
        }
    }

    private func background(on queue: SerialWorker, _ job: @escaping @Sendable (BackgroundWork) -> Void) {
        lock.withLock { inFlight += 1 }
        let results = self.results
        queue.async { [self] in
            job(results)
            lock.withLock { inFlight -= 1 }
        }
    }

    /// A file for the viewer: at most 2 MB, invalid UTF-8 replaced; a failure becomes the text shown.
    /// Never blocks on a FIFO or reads a device (SafeRead).
    static func viewerText(_ path: String, limit: Int = 2 * 1024 * 1024) -> String {
        SafeRead.text(path, limit: limit)
    }
}
