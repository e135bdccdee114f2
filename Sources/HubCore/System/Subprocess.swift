import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with a deadline: posix_spawn + waitpid, not Foundation's Process,
/// which on Linux can miss the exit of a program that forks a daemon (tmux starts its server that
/// way). The child gets a clean signal mask and default handlers: a parent's blocked signals
/// (test runners block them on their threads) would otherwise leave it deaf to SIGINT/SIGTERM/SIGWINCH.
/// Output goes to files or /dev/null, never pipes, so a daemon left holding them blocks no reader.
public enum Subprocess {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case cannotStart(String, String)
        case timedOut(String, TimeInterval)

        public var description: String {
            switch self {
            case .cannotStart(let program, let why): return "\(program) could not be started (\(why))"
            case .timedOut(let program, let seconds): return "\(program) did not finish within \(seconds) s"
            }
        }
    }

    /// Returns the exit status (128 + signal when killed). `input` is written to the child's stdin
    /// (nil: /dev/null); `stdoutPath`/`stderrPath` receive its output (nil: /dev/null).
    /// `inheritTerminal`: the child gets our stdin, stdout and stderr (an editor on the terminal).
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String], input: [UInt8]? = nil, stdoutPath: String? = nil, stderrPath: String? = nil, inheritTerminal: Bool = false, timeout: TimeInterval) throws(Failure) -> Int32 {
        let name = WorkspacePaths.lastComponent(executable)
        var fds: [Int32] = [-1, -1]
        if input != nil {
            guard pipe(&fds) == 0 else { throw .cannotStart(name, String(cString: strerror(errno))) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
            posix_spawn_file_actions_addclose(&actions, fds[1])
        } else if !inheritTerminal {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        if !inheritTerminal {
            posix_spawn_file_actions_addopen(&actions, 1, stdoutPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, stderrPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
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
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let env = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            env.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, env)
        if input != nil { close(fds[0]) }
        guard spawned == 0 else {
            if input != nil { close(fds[1]) }
            throw .cannotStart(name, String(cString: strerror(spawned)))
        }
        if let input {
            // Payloads are small (clipboard sized); a child that does not read is caught by the deadline.
            signal(SIGPIPE, SIG_IGN)
            WriteAll.write(fds[1], input)
            close(fds[1])
        }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { throw .cannotStart(name, String(cString: strerror(errno))) }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw .timedOut(name, timeout)
            }
            usleep(2_000) // poll interval while waiting for the child to exit (bounded by the deadline)
        }
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// What a program printed: its exit status, stdout and stderr (read back from temporary files,
    /// never pipes, for the reason above).
    public struct Captured: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: String
    }

    public static func capture(_ executable: String, _ arguments: [String], environment: [String: String], input: [UInt8]? = nil, timeout: TimeInterval) throws(Failure) -> Captured {
        let folder = FileManager.default.temporaryDirectory.path
        let token = UUID().uuidString
        let out = "\(folder)/sessions-hub-\(token).out", err = "\(folder)/sessions-hub-\(token).err"
        defer {
            unlink(out)
            unlink(err)
        }
        let status = try run(executable, arguments, environment: environment, input: input, stdoutPath: out, stderrPath: err, timeout: timeout)
        let stdout = (try? FileSystem.read(out)) ?? []
        let stderr = (try? FileSystem.read(err)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return Captured(status: status, stdout: stdout, stderr: stderr)
    }
}
