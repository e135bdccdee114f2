import Foundation

/// A tmux server of a test's own (`-L` socket name, no config), running a shell in one pane of a
/// fixed size, so that end-to-end tests drive the real binary in a real terminal. Waits are for a
/// condition with a deadline, never a fixed sleep.
public final class TmuxPane: @unchecked Sendable {
    public static var isAvailable: Bool {
        (try? ProcessRunner.run("/usr/bin/env", ["tmux", "-V"]).status) == 0
    }

    public static let prompt = "hub-test$ "
    public let socket: String
    /// The environment its server (and so every window) was started with.
    public let environment: [String: String]
    let rcFile: String

    /// Starts `bash` (no rc files, a known prompt, UTF-8 locale) in a detached session.
    public init(width: Int = 120, height: Int = 40, extraEnvironment: [String: String] = [:]) throws {
        socket = "sessions-hub-test-\(UUID().uuidString.prefix(8))"
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        environment["LANG"] = "C.UTF-8"
        environment["PS1"] = TmuxPane.prompt
        environment["TMUX"] = nil
        environment["HISTFILE"] = "/dev/null"
        for (key, value) in extraEnvironment { environment[key] = value }
        self.environment = environment
        // Interactive bash ignores PS1 from the environment: give it an rc file that sets it.
        rcFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).bashrc").path
        try "PS1='\(TmuxPane.prompt)'\nunset PROMPT_COMMAND\n".write(toFile: rcFile, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run("/usr/bin/env", ["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "main", "bash --noprofile --rcfile \(rcFile) -i"], environment: environment)
        guard result.status == 0 else { throw TmuxError.failed("new-session: \(result.stderr)") }
        _ = try tmux(["set-option", "-g", "status", "off"])
        _ = try tmux(["set-option", "-g", "escape-time", "0"])
        try waitFor("the first prompt", timeout: 10) { $0.contains(TmuxPane.prompt.trimmingCharacters(in: .whitespaces)) }
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: rcFile)
    }

    public enum TmuxError: Error, CustomStringConvertible {
        case failed(String)
        case timeout(String, screen: String)
        public var description: String {
            switch self {
            case .failed(let why): return "tmux: \(why)"
            case .timeout(let what, let screen): return "timed out waiting for \(what); the screen was:\n\(screen)"
            }
        }
    }

    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run("/usr/bin/env", ["tmux", "-L", socket] + arguments, environment: environment, timeout: 20)
        guard result.status == 0 else { throw TmuxError.failed("\(arguments.first ?? ""): \(result.stderr)") }
        return result.stdout
    }

    /// Types text literally, then presses Enter.
    public func run(_ commandLine: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", commandLine])
        try tmux(["send-keys", "-t", "main", "Enter"])
    }

    /// Sends tmux key names (`j`, `Enter`, `Escape`, `C-z`, `?`).
    public func keys(_ names: String...) throws {
        for name in names { try tmux(["send-keys", "-t", "main", name]) }
    }

    public func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "main"]) }

    public func format(_ variable: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "main", "#{\(variable)}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `condition` holds; throws with the last screen after `timeout`.
    public func waitFor(_ what: String = "a condition", timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws {
        var last = ""
        do {
            try Waiting.until(what, timeout: timeout) {
                last = (try? screen()) ?? ""
                return condition(last)
            }
        } catch {
            throw TmuxError.timeout(what, screen: last)
        }
    }

    public func waitFor(text: String, timeout: TimeInterval = 10) throws {
        try waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the pane shows the shell prompt on its last non-empty line (the program ended).
    public func waitForPrompt(timeout: TimeInterval = 10) throws {
        try waitFor("the shell prompt", timeout: timeout) { screen in
            let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            return lines.last { !$0.isEmpty }.map { $0 == TmuxPane.prompt.trimmingCharacters(in: .whitespaces) } ?? false
        }
    }

    /// The pid of the program running in the shell (the shell's first child).
    public func childPid() throws -> Int32? {
        let shell = try format("pane_pid")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }
}
