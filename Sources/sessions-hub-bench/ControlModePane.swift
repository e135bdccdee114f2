import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// A command in a real terminal as a person's terminal sees it: tmux with a socket of the run's
/// own, in control mode, which reports each piece of output the pane receives with no polling. After
/// each, the pane is read and a condition checked: a change is timed to the output after which it
/// held.
final class ControlModePane {
    let tmux: String
    let socket: String
    let environment: [String: String]
    private let control: Process
    private let outputs = OutputClock()

    init?(command: String, width: Int = 160, height: Int = 45, environment extra: [String: String] = [:]) {
        guard let tmux = ToolRunner.which("tmux", environment: ProcessInfo.processInfo.environment) else { return nil }
        self.tmux = tmux
        socket = "hub-bench-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment.removeValue(forKey: "TMUX")
        for (key, value) in extra { environment[key] = value }
        self.environment = environment
        control = Process()
        control.executableURL = URL(fileURLWithPath: tmux)
        control.arguments = ["-L", socket, "-f", "/dev/null", "-C", "new-session", "-x", "\(width)", "-y", "\(height)", "-s", "bench", command]
        control.environment = environment
        let input = Pipe(), output = Pipe()
        control.standardInput = input
        control.standardOutput = output
        control.standardError = FileHandle.nullDevice
        guard (try? control.run()) != nil else { return nil }
        // Output notifications, stamped as they arrive, on a thread of their own.
        let outputs = self.outputs
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
    }

    func screen() -> String {
        (try? Subprocess.capture(tmux, ["-L", socket, "capture-pane", "-p", "-t", "bench"], environment: environment, timeout: 5))
            .map { String(decoding: $0.stdout, as: UTF8.self) } ?? ""
    }

    /// A tmux format of the pane (`pane_pid`).
    func format(_ name: String) -> String {
        (try? Subprocess.capture(tmux, ["-L", socket, "display", "-p", "-t", "bench", "#{\(name)}"], environment: environment, timeout: 5))
            .map { String(decoding: $0.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
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

    func keys(_ keys: String...) {
        _ = try? Subprocess.run(tmux, ["-L", socket, "send-keys", "-t", "bench"] + keys, environment: environment, timeout: 5)
    }

    /// Ends the server (and so the control client). Not waitUntilExit: Foundation reaps one child
    /// at a time and could wait behind another (the remote figures' sshd).
    func stop() {
        _ = try? Subprocess.run(tmux, ["-L", socket, "kill-server"], environment: environment, timeout: 5)
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
