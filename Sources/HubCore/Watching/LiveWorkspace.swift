import Foundation

/// A workspace kept up to date: a change source (inotify, or polling), bursts coalesced into one
/// incremental reload, the last good state kept for files caught mid-write, and a slow full recheck
/// as a safety net. Used by the screen's event loop and by `status --watch`; it never blocks — the
/// caller polls `fileDescriptor` and calls `update` when it is readable or `nextDeadline` is due.
public final class LiveWorkspace {
    public let loader: WorkspaceLoader
    public let source: ChangeSource
    public private(set) var current: WorkspaceSnapshot
    /// Changes arriving within this window after the first become one reload. It is short: an
    /// atomic save (write, rename) is queued whole before we look, and a burst that arrives while a
    /// reload runs is taken as one batch by the next reload anyway.
    public var coalesce: TimeInterval = 0.002
    public var recheckInterval: TimeInterval
    private var pending = ChangeBatch()
    private var due: Date?
    private var nextRecheck: Date
    private var watchedFolders: [String] = []
    public private(set) var hasLoaded = false

    /// `pollInterval` set: stat-poll everything (`--poll`); else inotify, polling only where needed.
    /// `loadNow: false` leaves the first full load to `loadInitial()` (the screen runs it on its
    /// workspace thread, so the first frame does not wait for it).
    public init(loader: WorkspaceLoader, pollInterval: TimeInterval? = nil, recheckInterval: TimeInterval = 300, now: Date = Date(), loadNow: Bool = true) {
        self.loader = loader
        if let pollInterval {
            source = PollingSource(interval: pollInterval)
        } else {
            source = InotifySource() ?? PollingSource(interval: 2)
        }
        self.recheckInterval = recheckInterval
        nextRecheck = now.addingTimeInterval(recheckInterval)
        current = WorkspaceSnapshot(root: loader.layout.root)
        if loadNow { _ = loadInitial() }
    }

    /// The first full load, then watching (`loadForFirstFrame` + `startWatching`).
    public func loadInitial() -> WorkspaceSnapshot {
        let snapshot = loadForFirstFrame()
        startWatching()
        return snapshot
    }

    /// The first full load, as fast as it can be, so the screen can draw: with inotify nothing is
    /// watched yet (setting up tens of thousands of watches costs as much as reading); call
    /// `startWatching` right after showing it. A poller needs its baseline first, so it gets it here.
    public func loadForFirstFrame() -> WorkspaceSnapshot {
        if source.watchesTreesWhileLoading {
            loadStarted = Date()
            current = Trace.timed("first load") { loader.load() }
        } else {
            current = fullLoad()
            // The watch list was made before the load; the plans it found add their folders.
            if !WatchedFolders.workorders(current, layout: loader.layout).isEmpty { rewatch() }
        }
        hasLoaded = true
        return current
    }

    /// Watches everything, then catches up with what changed while the first load ran: a file
    /// written after the load started has a modification (or change) time at or after that moment
    /// and is reloaded like any other change; from here on inotify reports every change.
    public func startWatching() {
        guard let started = loadStarted else { return }
        loadStarted = nil
        let folders = Trace.timed("watch") { () -> [String] in
            let folders = WatchedFolders.of(loader.layout) + WatchedFolders.workorders(current, layout: loader.layout)
            watchedFolders = folders
            source.watch(folders)
            return folders
        }
        let changed = Trace.timed("catch up") { WrittenSince.paths(in: folders, since: started) }
        if !changed.isEmpty {
            pending.merge(ChangeBatch(paths: changed))
            if due == nil { due = Date() }
        }
    }

    private var loadStarted: Date?

    /// A full load that watches as it reads: the folders that hold stubs and sessions first, then
    /// each stub and session folder just before it is read (on the load's threads). A source that
    /// cannot do that gets every folder before the load starts.
    private func fullLoad() -> WorkspaceSnapshot {
        nonisolated(unsafe) let source = self.source
        guard source.watchesTreesWhileLoading else {
            Trace.timed("watch") { rewatch() }
            return Trace.timed("load") { loader.load() }
        }
        for folder in WatchedFolders.frame(loader.layout) { source.watchTree(folder, depth: WatchedFolders.maxDepth) }
        return Trace.timed("load, watching") { loader.load { folder, depth in source.watchTree(folder, depth: depth) } }
    }

    public var fileDescriptor: Int32 { source.fileDescriptor }
    /// Changes have been seen and are waiting for their reload (the coalescing window).
    public var hasPendingChanges: Bool { due != nil }
    public var summary: String { source.summary }

    public var nextDeadline: Date? {
        [due, source.nextCheck, nextRecheck].compactMap { $0 }.min()
    }

    /// Collects waiting changes; returns a new snapshot when a reload happened, and messages for the person.
    public func update(now: Date = Date()) -> (snapshot: WorkspaceSnapshot?, messages: [String]) {
        let result = poll(now: now)
        return (result.reload?.snapshot, result.messages)
    }

    /// Like `update`, and says what the reload re-read (`touched` nil: everything).
    public func poll(now: Date = Date()) -> (reload: WorkspaceReload?, messages: [String]) {
        let batch = source.collect(now: now)
        var messages = batch.messages
        if !batch.paths.isEmpty || batch.needsFullRescan {
            pending.merge(ChangeBatch(paths: batch.paths, needsFullRescan: batch.needsFullRescan))
            if due == nil { due = now.addingTimeInterval(coalesce) }
        }
        if let due, now >= due {
            let next = pending.needsFullRescan ? WorkspaceReload(snapshot: fullLoad(), touched: nil) : loader.reloadTouching(changed: pending.paths, previous: current)
            if pending.needsFullRescan { messages.append("some changes were missed (inotify queue overflow): read everything again") }
            // Re-listing every folder costs; only a new or removed folder can change what is watched.
            let folderAppeared = pending.needsFullRescan || pending.paths.contains { FileSystem.isDirectory($0) }
            let rescanned = pending.needsFullRescan
            pending = ChangeBatch()
            self.due = nil
            nextRecheck = now.addingTimeInterval(recheckInterval)
            let structure = next.touched?.structureChanged ?? true
            // inotify watches new folders as they appear; a poller is told about them here.
            let rewatching = next.touched == nil && !rescanned || (!source.watchesTreesWhileLoading && (folderAppeared || structure))
            return (accept(next, rewatching: rewatching), messages)
        }
        if now >= nextRecheck {
            nextRecheck = now.addingTimeInterval(recheckInterval)
            let next = fullLoad()
            return (next == current ? nil : accept(WorkspaceReload(snapshot: next, touched: nil), rewatching: false), messages)
        }
        return (nil, messages)
    }

    /// A full reload now (the `r` key).
    public func reloadAll() -> WorkspaceSnapshot { accept(WorkspaceReload(snapshot: fullLoad(), touched: nil), rewatching: false).snapshot }

    private func accept(_ next: WorkspaceReload, rewatching: Bool = true) -> WorkspaceReload {
        current = LastGoodState.keep(previous: current, next: next.snapshot)
        hasLoaded = true
        if rewatching { rewatch() }
        return WorkspaceReload(snapshot: current, touched: next.touched)
    }

    private func rewatch() {
        let folders = WatchedFolders.of(loader.layout) + WatchedFolders.workorders(current, layout: loader.layout)
        if folders != watchedFolders {
            watchedFolders = folders
            source.watch(folders)
        }
    }
}
