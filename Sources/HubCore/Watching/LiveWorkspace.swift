import Foundation

/// A workspace kept up to date: a change source (inotify, or polling), bursts coalesced into one
/// incremental reload, the last good state kept for files caught mid-write, and a slow full recheck
/// as a safety net. Used by the screen's event loop and by `status --watch`; it never blocks — the
/// caller polls `fileDescriptor` and calls `update` when it is readable or `nextDeadline` is due.
public final class LiveWorkspace {
    public let loader: WorkspaceLoader
    public let source: ChangeSource
    public private(set) var current: WorkspaceSnapshot
    /// Changes arriving within this window after the first become one reload (agents often write a
    /// file in several steps; a burst of saves must not cost a reload each).
    public var coalesce: TimeInterval = 0.01
    public var recheckInterval: TimeInterval
    private var pending = ChangeBatch()
    private var due: Date?
    private var nextRecheck: Date
    private var watchedFolders: [String] = []

    /// `pollInterval` set: stat-poll everything (`--poll`); else inotify, polling only where needed.
    public init(loader: WorkspaceLoader, pollInterval: TimeInterval? = nil, recheckInterval: TimeInterval = 300, now: Date = Date()) {
        self.loader = loader
        if let pollInterval {
            source = PollingSource(interval: pollInterval)
        } else {
            source = InotifySource() ?? PollingSource(interval: 2)
        }
        self.recheckInterval = recheckInterval
        nextRecheck = now.addingTimeInterval(recheckInterval)
        current = loader.load()
        rewatch()
    }

    public var fileDescriptor: Int32 { source.fileDescriptor }
    public var summary: String { source.summary }

    public var nextDeadline: Date? {
        [due, source.nextCheck, nextRecheck].compactMap { $0 }.min()
    }

    /// Collects waiting changes; returns a new snapshot when a reload happened, and messages for the person.
    public func update(now: Date = Date()) -> (snapshot: WorkspaceSnapshot?, messages: [String]) {
        let batch = source.collect(now: now)
        var messages = batch.messages
        if !batch.paths.isEmpty || batch.needsFullRescan {
            pending.merge(ChangeBatch(paths: batch.paths, needsFullRescan: batch.needsFullRescan))
            if due == nil { due = now.addingTimeInterval(coalesce) }
        }
        if let due, now >= due {
            let next = pending.needsFullRescan ? loader.load() : loader.reload(changed: pending.paths, previous: current)
            if pending.needsFullRescan { messages.append("some changes were missed (inotify queue overflow): read everything again") }
            // Re-listing every folder costs; only a new or removed folder can change what is watched.
            let folderAppeared = pending.needsFullRescan || pending.paths.contains { FileSystem.isDirectory($0) }
            pending = ChangeBatch()
            self.due = nil
            nextRecheck = now.addingTimeInterval(recheckInterval)
            return (accept(next, rewatching: folderAppeared || foldersChanged(current, next)), messages)
        }
        if now >= nextRecheck {
            nextRecheck = now.addingTimeInterval(recheckInterval)
            let next = loader.load()
            return (next == current ? nil : accept(next), messages)
        }
        return (nil, messages)
    }

    /// A full reload now (the `r` key).
    public func reloadAll() -> WorkspaceSnapshot { accept(loader.load(), rewatching: true) }

    private func accept(_ next: WorkspaceSnapshot, rewatching: Bool = true) -> WorkspaceSnapshot {
        current = LastGoodState.keep(previous: current, next: next)
        if rewatching { rewatch() }
        return current
    }

    private func foldersChanged(_ old: WorkspaceSnapshot, _ new: WorkspaceSnapshot) -> Bool {
        old.sessions.count != new.sessions.count || old.stubs.count != new.stubs.count
            || !old.sessions.map(\.path).elementsEqual(new.sessions.map(\.path))
    }

    private func rewatch() {
        let folders = WatchedFolders.of(loader.layout)
        if folders != watchedFolders {
            watchedFolders = folders
            source.watch(folders)
        }
    }
}
