import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with a deadline and returns what it printed.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// posix_spawn + waitpid rather than Foundation's Process: tmux's client forks its server and
/// Foundation's child monitoring then never reports the client's exit. Output goes to temporary
/// files, not pipes, so a daemon left behind cannot keep a reader waiting for EOF.
public enum ProcessRunner {
    public static func run(_ executable: String, _ arguments: [String], cwd: String? = nil, environment: [String: String]? = nil, timeout: TimeInterval = 60) throws -> ProcessResult {
        let folder = FileManager.default.temporaryDirectory.path
        let outPath = "\(folder)/hub-run-\(UUID().uuidString).out"
        let errPath = "\(folder)/hub-run-\(UUID().uuidString).err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // A working folder through GNU env's --chdir (posix_spawn's chdir action is not exported).
        let (program, words) = cwd.map { ("/usr/bin/env", ["/usr/bin/env", "-C", $0, executable] + arguments) } ?? (executable, [executable] + arguments)

        let argv = words.map { strdup($0) } + [nil]
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            env.forEach { free($0) }
        }
        // Test threads block signals, and a spawned child inherits the mask: give it a clean one,
        // or a program under test would never see SIGINT, SIGTERM or SIGWINCH.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, env)
        guard spawned == 0 else {
            throw NSError(domain: "ProcessRunner", code: Int(spawned), userInfo: [NSLocalizedDescriptionKey: "cannot start \(executable): \(String(cString: strerror(spawned)))"])
        }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { break }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw NSError(domain: "ProcessRunner", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(executable) \(arguments.joined(separator: " ")) did not finish within \(timeout)s"])
            }
            usleep(5_000) // poll interval while waiting for the child to exit
        }
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ProcessResult(
            status: exitStatus,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        )
    }
}
