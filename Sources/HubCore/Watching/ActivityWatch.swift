import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches where the agents say what they do — Claude Code's state folder and the hooks' records —
/// with inotify, like the workspace: a state change reaches the screen without polling. A folder
/// that does not exist yet is watched through its nearest existing parent until it appears. An agent
/// killed hard leaves its state file behind, so while any agent's process is known to run, its
/// liveness is checked every few seconds (a `kill(pid, 0)` and a read of /proc: no process started).
public final class ActivityWatch {
    public let fileDescriptor: Int32
    private let folders: [String]
    private var watches: [Int32: String] = [:]
    private let environment: [String: String]
    private var lastSignals = AgentSignals()
    private var lastCheck = Date.distantPast
    public static let livenessInterval: TimeInterval = 5

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

    deinit { if fileDescriptor >= 0 { close(fileDescriptor) } }

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
        return changed
    }

    /// When the liveness of running agents is next due (nil: none is known to run).
    public var nextCheck: Date? {
        lastSignals.claude.contains(where: \.running) ? lastCheck.addingTimeInterval(ActivityWatch.livenessInterval) : nil
    }

    /// The signals as they are now (`tmux`: also its panes).
    public func read(tmux: TmuxClient?) -> AgentSignals {
        lastSignals = AgentSignals.read(environment: environment, tmux: tmux)
        lastCheck = Date()
        return lastSignals
    }
}
