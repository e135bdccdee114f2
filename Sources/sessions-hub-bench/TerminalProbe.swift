import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// The screen as a person's terminal sees it: the real `sessions-hub` in a real terminal (tmux, with
/// a socket of the run's own), changes written by this process (another process to the hub), and
/// the time taken until the terminal holds the change. tmux's control mode reports each piece of
/// output the pane receives with no polling; after each, the pane is read and the condition checked,
/// and the change is timed to the output after which it held. Two kinds of change: one that moves
/// rows (a session leaves NEEDS YOU) and one that moves nothing (an agent's note).
enum TerminalProbe {
    struct Result {
        var moving: [Double] = []
        var still: [Double] = []
        var tried = 0
    }

    static func run(hub: String, root: String, changes: Int) -> Result? {
        guard let tmux = ToolRunner.which("tmux", environment: ProcessInfo.processInfo.environment) else { return nil }
        let socket = "hub-bench-\(getpid())"
        let control = Process()
        control.executableURL = URL(fileURLWithPath: tmux)
        control.arguments = ["-L", socket, "-f", "/dev/null", "-C", "new-session", "-x", "160", "-y", "45", "-s", "bench",
                             "\(Measure.quoted(hub)) --root \(Measure.quoted(root))"]
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment.removeValue(forKey: "TMUX")
        control.environment = environment
        let input = Pipe(), output = Pipe()
        control.standardInput = input
        control.standardOutput = output
        control.standardError = FileHandle.nullDevice
        guard (try? control.run()) != nil else { return nil }
        defer {
            _ = try? Subprocess.run(tmux, ["-L", socket, "kill-server"], environment: environment, timeout: 5)
            control.waitUntilExit()
        }

        // Output notifications, stamped as they arrive, on a thread of their own.
        let outputs = OutputClock()
        let reader = Thread {
            var buffer = Data()
            while true {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { return }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: 10) {
                    if buffer[buffer.startIndex..<newline].starts(with: Array("%output".utf8)) { outputs.tick() }
                    buffer.removeSubrange(buffer.startIndex...newline)
                }
            }
        }
        reader.start()

        func screen() -> String {
            (try? Subprocess.capture(tmux, ["-L", socket, "capture-pane", "-p", "-t", "bench"], environment: environment, timeout: 5))
                .map { String(decoding: $0.stdout, as: UTF8.self) } ?? ""
        }
        /// Seconds from `start` to the output after which `holds` was true; nil when it never held.
        func wait(from start: Double, deadline seconds: Double = 5, _ holds: (String) -> Bool) -> Double? {
            var seen = outputs.count
            let end = start + seconds
            while Measure.now() < end {
                let (count, at) = outputs.latest
                if count != seen {
                    seen = count
                    if holds(screen()) { return at - start }
                } else {
                    usleep(200)
                }
            }
            return nil
        }

        // The first frame with the list and its NEEDS YOU count.
        let startedAt = Measure.now()
        guard wait(from: startedAt, deadline: 120, { $0.contains("NEEDS YOU (") }) != nil else { return nil }
        usleep(2_000_000)
        func needsCount(_ text: String) -> Int? {
            guard let range = text.range(of: "NEEDS YOU (") else { return nil }
            return Int(text[range.upperBound...].prefix { $0.isNumber })
        }
        guard var count = needsCount(screen()) else { return nil }

        var result = Result()
        let sessions = root + "/.coderef/sessions"
        for probe in 0..<changes {
            result.tried += 1
            // Moves rows: an odd session (its agents in its own file) leaves NEEDS YOU.
            let moving = sessions + "/feature-\(probe * 2 + 1)-phase1/communication.json"
            if let text = try? String(contentsOfFile: moving, encoding: .utf8) {
                let calm = text.replacingOccurrences(of: #""status": "[a-z_]+""#, with: #""status": "in_progress""#, options: .regularExpression)
                let start = Measure.now()
                write(calm, to: moving)
                if let seconds = wait(from: start, { needsCount($0) == count - 1 }) {
                    result.moving.append(seconds)
                    count -= 1
                } else if let now = needsCount(screen()) {
                    count = now
                }
            }
            usleep(150_000)
            // Moves nothing: the note of the first session's first agent, in view.
            let still = sessions + "/feature-0-phase1/agent-0/communication.json"
            let start = Measure.now()
            write(#"{"agent_id": "agent-0", "status": "not_started", "notes": "probe-\#(probe)", "tasks": [{"status": "complete"}, {"status": "pending"}]}"#, to: still)
            if let seconds = wait(from: start, { $0.contains("probe-\(probe) ") || $0.contains("probe-\(probe)│") }) { result.still.append(seconds) }
            usleep(150_000)
        }
        _ = try? Subprocess.run(tmux, ["-L", socket, "send-keys", "-t", "bench", "q"], environment: environment, timeout: 5)
        return result
    }

    /// Written as agents write: a temporary file renamed into place.
    static func write(_ text: String, to path: String) {
        let temporary = path + ".probe.tmp"
        FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8))
        rename(temporary, path)
    }

    /// How many output notifications arrived, and when the last did.
    final class OutputClock: @unchecked Sendable {
        private let lock = NSLock()
        private var counted = 0
        private var at = 0.0
        func tick() { lock.withLock { counted += 1; at = Measure.now() } }
        var count: Int { lock.withLock { counted } }
        var latest: (Int, Double) { lock.withLock { (counted, at) } }
    }
}
