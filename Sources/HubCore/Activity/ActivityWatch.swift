import Foundation
import CHubSystem
#if canImport(Glibc)
import Glibc
#endif

/// Watches where the agents say what they do — Claude Code's state folder and the hooks' records —
/// with inotify, like the workspace: a state change reaches the screen without polling. A folder
/// that does not exist yet is watched through its nearest existing parent until it appears. An agent
/// killed hard leaves its state file behind, so each running agent's process is followed by a
/// pidfd, which wakes the hub when it ends (no timer while they run); where pidfds are refused its
/// liveness is checked every few seconds instead (a `kill(pid, 0)` and a read of /proc). tmux is
/// asked for its panes only when that can have changed — a followed process (an agent's, or a
/// pane's) ended, or the caller says a new pane is to be known — not on every state change (a
/// `list-panes` is a process of its own).
public final class ActivityWatch {
    public let fileDescriptor: Int32
    private let folders: [String]
    private var watches: [Int32: String] = [:]
    private let environment: [String: String]
    private var lastSignals = AgentSignals()
    private var lastCheck = Date.distantPast
    public static let livenessInterval: TimeInterval = 5
    /// Running agents' processes: pid → a pidfd that turns readable when it ends.
    private var exits: [Int32: Int32] = [:]
    /// Running agents whose process could not be followed by a pidfd (checked on the timer).
    private var unfollowed = false
    /// A followed process ended since the last read.
    private var processEnded = false
    /// tmux's panes as last asked (nil: tmux did not answer), and whether it was asked yet.
    private var lastPanes: [String: AgentSignals.Pane]?
    private var askedTmux = false
    /// At most this many processes are followed (a person's tmux may hold many panes).
    static let followLimit = 256

    static let mask = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)

    /// nil when inotify is not available (the signals are then read on each liveness check).
    public init(environment: [String: String]) {
        self.environment = environment
        fileDescriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        folders = AgentSignals.folders(environment: environment)
        // The hooks' folder is ours: made now, so it is watched from the start.
        if let hooks = HookRecord.folder(environment: environment) { try? FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true) }
        rewatch()
    }

    deinit {
        if fileDescriptor >= 0 { close(fileDescriptor) }
        for fd in exits.values { close(fd) }
    }

    /// What to poll for it: its inotify descriptor, and one pidfd per running agent's process.
    public var pollDescriptors: [pollfd] {
        ([fileDescriptor] + exits.values.sorted()).map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    }

    /// Each folder, or its nearest existing parent (to see it appear).
    private func rewatch() {
        guard fileDescriptor >= 0 else { return }
        let home = environment["HOME"] ?? "/"
        for folder in folders {
            var target = folder
            while !FileSystem.isDirectory(target) && target.count > home.count { target = WorkspacePaths.parent(target) }
            guard FileSystem.isDirectory(target), !watches.values.contains(target) else { continue }
            let wd = inotify_add_watch(fileDescriptor, target, ActivityWatch.mask)
            if wd >= 0 { watches[wd] = target }
        }
    }

    /// Reads the pending events; true when something in the watched folders changed.
    public func drain() -> Bool {
        guard fileDescriptor >= 0 else { return false }
        var changed = false
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress!, $0.count) }
            if count <= 0 { break }
            changed = true
        }
        if changed { rewatch() }
        // A followed process ended: its state file now tells of an exit.
        var pollSet = exits.values.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        if !pollSet.isEmpty, poll(&pollSet, nfds_t(pollSet.count), 0) > 0, pollSet.contains(where: { $0.revents != 0 }) {
            changed = true
            processEnded = true
        }
        return changed
    }

    /// When the liveness of running agents is next due: only for those no pidfd follows (nil: none).
    public var nextCheck: Date? {
        unfollowed ? lastCheck.addingTimeInterval(ActivityWatch.livenessInterval) : nil
    }

    /// The signals as they are now. `tmux`: also its panes — asked afresh when `askTmux`, when a
    /// followed process ended, on the liveness timer, or the first time; else as last asked.
    public func read(tmux: TmuxClient?, askTmux: Bool = true) -> AgentSignals {
        let ask = tmux != nil && (askTmux || processEnded || !askedTmux || nextCheck.map { $0 <= Date() } ?? false)
        lastSignals = AgentSignals.read(environment: environment, tmux: ask ? tmux : nil)
        if ask {
            lastPanes = lastSignals.panes
            askedTmux = true
        } else {
            lastSignals.panes = lastPanes
        }
        processEnded = false
        lastCheck = Date()
        follow(lastSignals)
        return lastSignals
    }

    /// A pidfd for each running agent's process, none for the rest. Opened after the start time was
    /// checked, then checked again: a pid taken by another process in between is not followed
    /// (it is read as ended next time).
    private func follow(_ signals: AgentSignals) {
        var running = Dictionary(signals.claude.filter(\.running).map { ($0.state.pid, $0.state.procStart) }, uniquingKeysWith: { first, _ in first })
        // The live panes' processes too: a pane whose program ended (kept by remain-on-exit, or
        // closed) is then asked about at once.
        for pane in (signals.panes ?? [:]).values.sorted(by: { ($0.pid ?? 0) < ($1.pid ?? 0) }) where !pane.dead && running.count < ActivityWatch.followLimit {
            if let pid = pane.pid, pid > 0, running[pid] == nil { running[pid] = ProcessLiveness.startTime(pid) }
        }
        for (pid, fd) in exits where running[pid] == nil {
            close(fd)
            exits[pid] = nil
        }
        unfollowed = false
        for (pid, started) in running where exits[pid] == nil {
            let fd = hub_pidfd_open(pid)
            guard fd >= 0 else {
                unfollowed = true
                continue
            }
            if ProcessLiveness.isRunning(pid, started: started) { exits[pid] = fd } else { close(fd); unfollowed = true }
        }
    }
}
