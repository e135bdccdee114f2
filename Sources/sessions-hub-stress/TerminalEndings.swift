import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// The screen in a real terminal (tmux, a socket of its own), ended every way a person or the system
/// ends it; afterwards the terminal must be off the alternate screen with the cursor visible.
struct TerminalEndings {
    let hub: String
    let scratch: String

    func tmux(_ socket: String, _ arguments: [String]) -> String {
        let out = scratch + "/tmux-\(socket).out"
        _ = try? Subprocess.run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments, environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "HOME": scratch], stdoutPath: out, timeout: 10)
        return ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func run(times: Int) -> (runs: Int, restored: Int) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else { return (0, 0) }
        let endings: [(String, Int32?)] = [("q", nil), ("C-c", nil), ("", SIGTERM), ("", SIGHUP), ("", SIGQUIT), ("", SIGINT)]
        var restored = 0
        for index in 0..<times {
            let socket = "stress-\(getpid())-\(index)"
            defer { _ = tmux(socket, ["kill-server"]) }
            _ = tmux(socket, ["new-session", "-d", "-x", "100", "-y", "30", "sh"])
            _ = tmux(socket, ["send-keys", "-t", "0", "\(hub) demo", "Enter"])
            var up = false
            for _ in 0..<200 where !up {
                up = tmux(socket, ["display", "-p", "-t", "0", "#{alternate_on}"]) == "1" && tmux(socket, ["capture-pane", "-p", "-t", "0"]).contains("Sessions")
                if !up { usleep(20_000) }
            }
            guard up else { continue }
            let (key, signal) = endings[index % endings.count]
            if let signal {
                let pid = tmux(socket, ["display", "-p", "-t", "0", "#{pane_pid}"])
                // The hub is the shell's child.
                let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
                if let child = children.split(separator: " ").first.flatMap({ Int32($0) }) { kill(child, signal) }
            } else {
                _ = tmux(socket, ["send-keys", "-t", "0", key])
            }
            var ok = false
            for _ in 0..<200 where !ok {
                ok = tmux(socket, ["display", "-p", "-t", "0", "#{alternate_on} #{cursor_flag}"]) == "0 1"
                    && tmux(socket, ["display", "-p", "-t", "0", "#{pane_current_command}"]) == "sh"
                if !ok { usleep(20_000) }
            }
            if ok { restored += 1 }
        }
        return (times, restored)
    }
}
