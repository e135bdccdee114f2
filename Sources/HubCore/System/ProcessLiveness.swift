import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether a process still runs, and is the one that was recorded: a pid is reused after its process
/// ends, so the start time (`/proc/<pid>/stat` field 22, clock ticks since boot — what Claude Code
/// writes as `procStart`) must match too.
public enum ProcessLiveness {
    /// Fields 3 onwards of `/proc/<pid>/stat` (state first); nil when there is no such process.
    static func statFields(_ pid: Int32) -> [Substring]? {
        guard pid > 0, let bytes = try? FileSystem.read("/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
        guard let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ")
    }

    /// The process's start time in clock ticks since boot; nil when there is no such process.
    public static func startTime(_ pid: Int32) -> String? {
        // After ')' come field 3 (state) onwards: field 22 is the 20th.
        guard let fields = statFields(pid), fields.count >= 20 else { return nil }
        return String(fields[19])
    }

    /// True when `pid` runs and (when given) started at `started`. A process killed but not yet
    /// reaped by its parent (a zombie, `Z`) has ended: `kill(pid, 0)` alone would still find it.
    public static func isRunning(_ pid: Int32, started: String?) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) != 0 && errno != EPERM { return false }
        if let fields = statFields(pid), let state = fields.first, state == "Z" || state == "X" { return false }
        guard let started, !started.isEmpty else { return true }
        return startTime(pid) == started
    }
}
