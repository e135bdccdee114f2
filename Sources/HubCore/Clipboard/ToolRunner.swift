import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program (tmux, wl-copy, xclip...) with text on its stdin, for at most `timeout`
/// seconds, output discarded. posix_spawn rather than Foundation's Process, which on Linux can miss
/// the exit of programs that fork daemons (tmux starts its server that way).
public enum ToolRunner {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case cannotStart(String)
        case timedOut(String)
        case exited(String, Int32)

        public var description: String {
            switch self {
            case .cannotStart(let tool): return "\(tool) could not be started"
            case .timedOut(let tool): return "\(tool) did not finish in time"
            case .exited(let tool, let status): return "\(tool) failed (exit \(status))"
            }
        }
    }

    /// The full path of a program on PATH, or nil.
    public static func which(_ name: String, environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = FileSystem.join(String(folder), name)
            if access(candidate, X_OK) == 0 && FileSystem.isFile(candidate) { return candidate }
        }
        return nil
    }

    public static func run(_ executable: String, _ arguments: [String], input: [UInt8], environment: [String: String], timeout: TimeInterval = 2) throws(Failure) {
        let name = WorkspacePaths.lastComponent(executable)
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw .cannotStart(name) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let env = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            env.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, env)
        close(fds[0])
        guard spawned == 0 else {
            close(fds[1])
            throw .cannotStart(name)
        }
        // The payload is small (clipboard sized); a tool that does not read it is caught by the deadline.
        signal(SIGPIPE, SIG_IGN)
        input.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fds[1], buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { if errno == EINTR { continue }; break }
                offset += written
            }
        }
        close(fds[1])
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { throw .cannotStart(name) }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw .timedOut(name)
            }
            usleep(2_000)
        }
        let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        if code != 0 { throw .exited(name, code) }
    }
}
