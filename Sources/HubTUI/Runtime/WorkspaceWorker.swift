import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// The one owner of the live workspace: a thread of its own that loads it, waits on the watcher,
/// reloads what changed and posts each new snapshot to the event loop as an action. Reloads never
/// run on the loop's thread, so keys, resizes and signals are answered while a large workspace is
/// being read.
final class WorkspaceWorker: @unchecked Sendable {
    private let live: LiveWorkspace
    private let post: @Sendable (BackgroundWork.Message) -> Void
    private let lock = NSLock()
    private var reloadRequested = false
    private var stopped = false
    private var working = false
    private let wake: WakePipe
    /// The whole list of the last snapshot posted, with its search texts and verdicts: kept up to
    /// date here, off the loop, a change at a time (rows that move are moved, not rebuilt); sent
    /// to the loop when rows moved (the loop keeps its own when nothing moved).
    private var built: BuiltList?
    private var posted: WorkspaceSnapshot?

    private let policy: EvidencePolicy

    /// Where the agents' own state comes from (nil: not followed, as in tests of the files alone).
    struct ActivitySource {
        let watch: ActivityWatch
        let tmux: TmuxClient?
        let folder: (Session, AgentState) -> String?
        let kind: (AgentState) -> String?
        /// Loaded the first time a screen is to be read (compiling them costs at start-up otherwise).
        let rules: @Sendable () -> PaneRules
    }
    private let activity: ActivitySource?
    private var signals = AgentSignals()
    /// Panes of dispatched agents that say nothing themselves: their screens are read every
    /// `screenInterval` while there are any.
    private var silentPanes = Set<String>()
    private var tokens: [String: [String: TokenUsage]] = [:]
    private var screensRead = Date.distantPast
    static let screenInterval: TimeInterval = 2
    /// The dispatched panes when tmux was last asked (a new one makes it ask again).
    private var knownPanes = Set<String>()
    /// Commits in the handed-off agents' projects, read every `commitsInterval` (git, with a deadline).
    private var commits: [String: [String: ProjectCommits]] = [:]
    private var commitsRead = Date.distantPast
    static let commitsInterval: TimeInterval = 30
    private let environment = ProcessInfo.processInfo.environment

    init(live: LiveWorkspace, policy: EvidencePolicy, activity: ActivitySource? = nil, post: @escaping @Sendable (BackgroundWork.Message) -> Void) {
        self.live = live
        self.policy = policy
        self.activity = activity
        self.post = post
        self.wake = WakePipe()
    }

    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "sessions-hub.workspace"
        thread.start()
    }

    /// A full reload (`r`), answered as soon as the current read is done.
    func requestReload() {
        lock.withLock { reloadRequested = true }
        wake.signal()
    }

    func stop() {
        lock.withLock { stopped = true }
        wake.signal()
    }

    /// True while reading or holding changes that are about to be read (tests wait for this to end).
    var isBusy: Bool { lock.withLock { working || reloadRequested } }

    private func loop() {
        if !live.hasLoaded {
            setWorking(true)
            // Show first, then watch: the watches and a catch-up for what changed meanwhile follow.
            let snapshot = Trace.timed("initial load") { live.loadForFirstFrame() }
            postSnapshot(snapshot, touched: nil)
            live.startWatching()
            post(.action(.watching(live.summary)))
            setWorking(live.hasPendingChanges)
        }
        while true {
            let screens = silentPanes.isEmpty ? nil : screensRead.addingTimeInterval(WorkspaceWorker.screenInterval)
            let commitsDue = activity == nil ? nil : commitsRead.addingTimeInterval(WorkspaceWorker.commitsInterval)
            let deadline = [live.nextDeadline, activity?.watch.nextCheck, screens, commitsDue].compactMap { $0 }.min()
            let timeout = PollTimeout.milliseconds(until: deadline)
            var descriptors = [
                pollfd(fd: live.fileDescriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wake.readDescriptor, events: Int16(POLLIN), revents: 0),
            ] + (activity?.watch.pollDescriptors ?? [])
            _ = poll(&descriptors, nfds_t(descriptors.count), timeout)
            wake.drain()
            let (stop, reload) = lock.withLock { () -> (Bool, Bool) in
                defer { reloadRequested = false }
                working = true
                return (stopped, reloadRequested)
            }
            if stop { return }
            if reload {
                postSnapshot(live.reloadAll(), touched: nil)
                post(.action(.watching(live.summary)))
            }
            let (update, messages) = Trace.timed("live poll") { live.poll(now: Date()) }
            for message in messages { post(.action(.notice(message))) }
            if let update {
                Trace.note("reload touched \(update.touched.map { "\($0.sessionFolders.count) sessions \($0.stubFolders.count) stubs structure \($0.structureChanged)" } ?? "everything")")
                postSnapshot(update.snapshot, touched: update.touched)
                if update.touched == nil || update.touched?.structureChanged == true { post(.action(.watching(live.summary))) }
            }
            let screensDue = !silentPanes.isEmpty && screensRead.addingTimeInterval(WorkspaceWorker.screenInterval) <= Date()
            if let activity, activity.watch.drain() || (activity.watch.nextCheck.map { $0 <= Date() } ?? false) || screensDue {
                refreshActivity()
            }
            if activity != nil, commitsRead.addingTimeInterval(WorkspaceWorker.commitsInterval) <= Date() { refreshCommits() }
            setWorking(live.hasPendingChanges)
        }
    }

    /// Reads the agents' signals again and posts the last snapshot with them, when anything changed.
    private func refreshActivity() {
        guard let activity, var snapshot = posted else { return }
        signals = Trace.timed("activity read") { readSignals(activity, snapshot) }
        let matched = Trace.timed("activity match") { ActivityMatcher.match(snapshot, signals: signals, folder: activity.folder, kind: activity.kind, rules: signals.screens.isEmpty ? .standard : activity.rules()) }
        guard matched != snapshot.activities else { return }
        let changed = Set(matched.keys).union(snapshot.activities.keys).filter { matched[$0] != snapshot.activities[$0] }
        snapshot.activities = matched
        // Transcripts are read when what the agents do changed (a turn ended, a tool ran).
        tokens = AgentActivity.tokens(of: matched)
        snapshot.tokens = tokens
        // Only those sessions' verdicts are renewed (NEEDS YOU is composed from them); no row moves
        // in the list itself, so it is not rebuilt.
        Trace.timed("activity post") { postSnapshot(snapshot, touched: TouchedItems(sessionFolders: changed), matched: true) }
    }

    /// The status changes this reload brought, in the hub's history (it knows them from the diff,
    /// so nothing is read back): `.coderef/sessions-hub/history.jsonl`, and the snapshot's own record.
    private func recordHistory(into snapshot: inout WorkspaceSnapshot, touched: TouchedItems?) {
        guard let posted, !posted.sessions.isEmpty || !posted.stubs.isEmpty else { return }
        let entries = StatusHistory.entries(for: SnapshotDiff.changes(from: posted, to: snapshot, touched: touched), in: snapshot, at: Date())
        do {
            try StatusHistory.record(entries, into: &snapshot, root: live.loader.layout.root)
        } catch {
            post(.action(.notice("the status history could not be written: \(WriteErrorText.describe(error))")))
        }
    }

    /// Reads the commits in the handed-off agents' projects and posts the last snapshot with them
    /// when they changed (only those sessions' verdicts are renewed).
    private func refreshCommits() {
        commitsRead = Date()
        guard let activity, var snapshot = posted else { return }
        let read = Trace.timed("commits read") { CommitEvidence.read(snapshot, folder: activity.folder, environment: environment) }
        guard read != commits else { return }
        let changed = Set(read.keys).union(commits.keys).filter { read[$0] != commits[$0] }
        commits = read
        snapshot.commits = read
        postSnapshot(snapshot, touched: TouchedItems(sessionFolders: changed), matched: true)
    }

    /// The signals, with the screens of the agents nothing else speaks for. tmux is asked for its
    /// panes when their screens are due or a dispatch added a pane (the watch also asks when a
    /// followed process ended), not on every state change.
    private func readSignals(_ activity: ActivitySource, _ snapshot: WorkspaceSnapshot) -> AgentSignals {
        let dispatched = Set(snapshot.dispatches.values.flatMap { $0.values.compactMap(\.pane) })
        let screensDue = !silentPanes.isEmpty && screensRead.addingTimeInterval(WorkspaceWorker.screenInterval) <= Date()
        var read = activity.watch.read(tmux: activity.tmux, askTmux: screensDue || dispatched != knownPanes)
        knownPanes = dispatched
        silentPanes = ActivityMatcher.silentPanes(snapshot, signals: read)
        if let tmux = activity.tmux, !silentPanes.isEmpty {
            read.readScreens(silentPanes, tmux: tmux)
            screensRead = Date()
        }
        return read
    }

    private func setWorking(_ value: Bool) { lock.withLock { working = value } }

    /// Posts a snapshot to the screen; `matched`: its activities are already the signals' (no second match).
    private func postSnapshot(_ snapshot: WorkspaceSnapshot, touched: TouchedItems?, matched alreadyMatched: Bool = false) {
        var snapshot = snapshot
        snapshot.commits = commits
        recordHistory(into: &snapshot, touched: touched)
        // A reload that found nothing new (the echo of the hub's own write to its folder) is not
        // posted: the screen would compose and draw the same frame again.
        if let posted, let touched, touched.sessionFolders.isEmpty, touched.stubFolders.isEmpty, !touched.structureChanged,
           snapshot.handoffs == posted.handoffs, snapshot.dispatches == posted.dispatches, snapshot.triage == posted.triage,
           snapshot.statusChanges == posted.statusChanges, snapshot.problems == posted.problems {
            self.posted = snapshot
            return
        }
        if activity != nil, alreadyMatched {
            silentPanes = ActivityMatcher.silentPanes(snapshot, signals: signals)
        } else if let activity {
            // A reload knows nothing of the agents' state: the signals last read are matched in.
            let first = posted == nil
            if first { signals = readSignals(activity, snapshot) }
            // A screen read while its agent worked says nothing once the agent is complete (its screen
            // is no longer read): an old permission prompt in view must not keep it "waiting".
            let silent = ActivityMatcher.silentPanes(snapshot, signals: signals)
            signals.screens = signals.screens.filter { silent.contains($0.key) }
            let matched = ActivityMatcher.match(snapshot, signals: signals, folder: activity.folder, kind: activity.kind, rules: signals.screens.isEmpty ? .standard : activity.rules())
            if first { tokens = AgentActivity.tokens(of: matched) }
            snapshot.tokens = tokens
            if matched != snapshot.activities {
                snapshot.activities = matched
            }
            // A new dispatch may have added a pane that only its screen speaks for.
            silentPanes = ActivityMatcher.silentPanes(snapshot, signals: signals)
        }
        var send: BuiltList?
        if let posted, let touched, var last = built, posted.sameItems(as: snapshot, touched: touched) {
            // The same items: their texts and verdicts are renewed where the reload looked.
            let now = Date()
            Trace.timed("list update") {
                last.search.update(snapshot, touched: touched)
                last.board.update(snapshot, touched: touched, now: now, policy: policy)
                last.board.advance(to: now, snapshot: snapshot, policy: policy)
            }
            if last.list.isStill(valid: posted, for: snapshot, touched: touched, filtered: false) {
                send = nil
            } else if let moved = Trace.timed("list move", { last.list.moving(from: posted, to: snapshot, touched: touched) }) {
                last.list = moved
                send = last
            } else {
                last = Trace.timed("list model") { BuiltList(snapshot, now: now, policy: policy) }
                send = last
            }
            built = last
        } else {
            built = Trace.timed("list model") { BuiltList(snapshot, now: Date(), policy: policy) }
            send = built
        }
        posted = snapshot
        post(.action(.snapshotLoaded(snapshot, touched: touched, list: send)))
    }
}
