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
    /// The whole list of the last snapshot posted: a new one is built here, off the loop, whenever
    /// a reload moved something (the loop keeps its own when nothing moved).
    private var list = ListModel.empty
    private var posted: WorkspaceSnapshot?

    private let policy: EvidencePolicy

    init(live: LiveWorkspace, policy: EvidencePolicy, post: @escaping @Sendable (BackgroundWork.Message) -> Void) {
        self.live = live
        self.policy = policy
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
            let timeout = live.nextDeadline.map { Int32(max(0, min(60_000, $0.timeIntervalSinceNow * 1000 + 1))) } ?? 60_000
            var descriptors = [
                pollfd(fd: live.fileDescriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wake.readDescriptor, events: Int16(POLLIN), revents: 0),
            ]
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
            setWorking(live.hasPendingChanges)
        }
    }

    private func setWorking(_ value: Bool) { lock.withLock { working = value } }

    private func postSnapshot(_ snapshot: WorkspaceSnapshot, touched: TouchedItems?) {
        var built: BuiltList?
        if let posted, let touched, list.isStill(valid: posted, for: snapshot, touched: touched, filtered: false) {
            built = nil
        } else {
            built = Trace.timed("list model") { BuiltList(snapshot, now: Date(), policy: policy) }
            list = built!.list
        }
        posted = snapshot
        post(.action(.snapshotLoaded(snapshot, touched: touched, list: built)))
    }
}
