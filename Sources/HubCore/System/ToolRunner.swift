import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program (tmux, wl-copy, xclip...) with text on its stdin, for at most `timeout`
/// seconds, output discarded (through `Subprocess`).
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
        let code: Int32
        do {
            code = try Subprocess.run(executable, arguments, environment: environment, input: input, timeout: timeout)
        } catch {
            if case .timedOut = error { throw .timedOut(name) }
            throw .cannotStart(name)
        }
        if code != 0 { throw .exited(name, code) }
    }
}
