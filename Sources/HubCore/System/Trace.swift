import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Timing notes for finding where time goes: with `SESSIONS_HUB_TRACE=FILE` each `note` appends a
/// line (monotonic seconds, thread, text) to FILE. Off, it costs one check of a constant.
public enum Trace {
    private static let descriptor: Int32 = {
        guard let path = ProcessInfo.processInfo.environment["SESSIONS_HUB_TRACE"], !path.isEmpty else { return -1 }
        return open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    }()

    public static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    public static func note(_ text: @autoclosure () -> String) {
        guard descriptor >= 0 else { return }
        let line = String(format: "%.6f ", now()) + (Thread.isMainThread ? "main " : "bg ") + text() + "\n"
        var bytes = Array(line.utf8)
        _ = write(descriptor, &bytes, bytes.count)
    }

    /// Runs `body` and notes how long it took.
    public static func timed<T>(_ label: @autoclosure () -> String, _ body: () -> T) -> T {
        guard descriptor >= 0 else { return body() }
        let start = now()
        let result = body()
        note(label() + String(format: " %.2f ms", (now() - start) * 1000))
        return result
    }
}
