import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// Clocks, percentiles and process figures for the benchmark.
enum Measure {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

    static func ms(_ seconds: Double) -> String {
        seconds.isNaN ? "–" : (seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.1f ms", seconds * 1000))
    }

    static func maxRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// utime + stime of this process, in clock ticks.
    static func cpuTicks() -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }

    /// Runs `/bin/sh -c command` with output discarded; returns the wall time, or nil when it failed.
    /// posix_spawn + waitpid (HubCore's Subprocess): Foundation's Process noticed the end of a child
    /// only tens of milliseconds late, which inflated every figure alike.
    static func shell(_ command: String) -> Double? {
        let start = now()
        guard let status = try? Subprocess.run("/bin/sh", ["-c", command], environment: ProcessInfo.processInfo.environment, timeout: 600),
              status == 0 else { return nil }
        return now() - start
    }

    static func quoted(_ path: String) -> String { "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
