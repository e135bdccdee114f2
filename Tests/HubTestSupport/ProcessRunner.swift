import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with a deadline and returns what it printed.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// The core's `Subprocess` (clean signal mask, no pipes), with output captured through temporary files.
public enum ProcessRunner {
    public static func run(_ executable: String, _ arguments: [String], cwd: String? = nil, environment: [String: String]? = nil, timeout: TimeInterval = 60) throws -> ProcessResult {
        let folder = FileManager.default.temporaryDirectory.path
        let outPath = "\(folder)/hub-run-\(UUID().uuidString).out"
        let errPath = "\(folder)/hub-run-\(UUID().uuidString).err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        // A working folder through GNU env's --chdir (posix_spawn's chdir action is not exported).
        let (program, words) = cwd.map { ("/usr/bin/env", ["-C", $0, executable] + arguments) } ?? (executable, arguments)
        let status = try Subprocess.run(program, words, environment: environment ?? ProcessInfo.processInfo.environment, stdoutPath: outPath, stderrPath: errPath, timeout: timeout)
        return ProcessResult(
            status: status,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        )
    }
}
