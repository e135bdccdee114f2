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
        guard let pane = ControlModePane(command: "\(Measure.quoted(hub)) --root \(Measure.quoted(root))") else { return nil }
        defer { pane.stop() }
        func screen() -> String { pane.screen() }
        func wait(from start: Double, deadline seconds: Double = 5, _ holds: (String) -> Bool) -> Double? { pane.wait(from: start, deadline: seconds, holds) }

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
        pane.keys("q")
        return result
    }

    /// Written as agents write: a temporary file renamed into place.
    static func write(_ text: String, to path: String) {
        let temporary = path + ".probe.tmp"
        FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8))
        rename(temporary, path)
    }
}
