import Foundation
import HubCore

/// A real OpenSSH server on loopback, started for one test with keys made for the run: a host key,
/// a client key it accepts, a known_hosts line for it and an ssh config naming it (`Host hubtest`).
/// Nil (with the reason in `unavailable`) where sshd is not installed; `.ci/run` installs it.
public final class LoopbackSSH {
    public static let sshd = "/usr/sbin/sshd"
    public static var unavailable: String? {
        if !FileManager.default.isExecutableFile(atPath: sshd) { return "needs OpenSSH's server (apt-get install openssh-server; scripts/test installs it)" }
        if ToolRunner.which("ssh", environment: ProcessInfo.processInfo.environment) == nil { return "needs ssh" }
        return nil
    }

    public let folder: TemporaryWorkspace
    public let port: Int
    /// `-F <config> hubtest`: the words a remote's `ssh` setting takes.
    public var sshWords: [String] { ["-F", folder.path("ssh_config"), "hubtest"] }
    public var configPath: String { folder.path("ssh_config") }
    public var knownHostsPath: String { folder.path("known_hosts") }
    private let server: Process

    /// `environment`: variables every login gets (sshd's SetEnv), e.g. a far side's own tmux folder.
    public init(environment: [String: String] = [:]) throws {
        (folder, port, server) = try Self.start(environment: environment)
    }

    private static func start(environment logins: [String: String]) throws -> (TemporaryWorkspace, Int, Process) {
        let folder = try TemporaryWorkspace("sshd")
        let environment = ProcessInfo.processInfo.environment
        func keygen(_ name: String) throws {
            let made = try ProcessRunner.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "hubtest", "-f", folder.path(name)], environment: environment, timeout: 30)
            guard made.status == 0 else { throw Failed("ssh-keygen: \(made.stderr)") }
        }
        try keygen("host_key")
        try keygen("client_key")
        try FileManager.default.copyItem(atPath: folder.path("client_key.pub"), toPath: folder.path("authorized_keys"))
        // sshd run as root wants its privilege-separation folder.
        if getuid() == 0 { try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }
        var lastError = ""
        for _ in 0..<10 {
            let candidate = Int.random(in: 20000...60000)
            try folder.write("sshd_config", """
            Port \(candidate)
            ListenAddress 127.0.0.1
            HostKey \(folder.path("host_key"))
            PidFile \(folder.path("sshd.pid"))
            AuthorizedKeysFile \(folder.path("authorized_keys"))
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            PermitRootLogin prohibit-password
            LogLevel ERROR
            \(logins.isEmpty ? "" : "SetEnv " + logins.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
            """)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: sshd)
            process.arguments = ["-D", "-e", "-f", folder.path("sshd_config")]
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            // Up when a login succeeds; a port already taken ends sshd at once.
            let hostKey = try String(contentsOfFile: folder.path("host_key.pub"), encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
            try folder.write("known_hosts", "[127.0.0.1]:\(candidate) \(hostKey)\n")
            try folder.write("ssh_config", """
            Host hubtest
              HostName 127.0.0.1
              Port \(candidate)
              User \(NSUserName())
              IdentityFile \(folder.path("client_key"))
              IdentitiesOnly yes
              UserKnownHostsFile \(folder.path("known_hosts"))
              StrictHostKeyChecking yes
              BatchMode yes
            """)
            let up = try? Waiting.until("sshd to accept a login", timeout: 10) {
                guard process.isRunning else { return true }
                let probe = try? ProcessRunner.run("/usr/bin/ssh", ["-F", folder.path("ssh_config"), "-o", "ConnectTimeout=2", "hubtest", "true"], environment: environment, timeout: 10)
                lastError = probe?.stderr ?? lastError
                return probe?.status == 0
            }
            if up != nil, process.isRunning { return (folder, candidate, process) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            lastError += String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        }
        throw Failed("sshd did not start on loopback: \(lastError)")
    }

    /// Stops the server at once (what a dropped link looks like to the hub).
    public func stop() {
        // SIGKILL: sshd inherits the test runner's blocked signals, so SIGTERM may never arrive.
        // Not waitUntilExit: Foundation reaps its children one blocking wait at a time, so waiting
        // on one can hang behind another (the reason the core has its own Subprocess). Dead is
        // gone or a zombie.
        let pid = server.processIdentifier
        kill(pid, SIGKILL)
        try? Waiting.until("sshd to end", timeout: 10) {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return true }
            return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
        }
    }

    deinit { stop() }

    struct Failed: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
