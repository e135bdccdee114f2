import Foundation

/// Where the running program is (links resolved): what ships beside it — the simulated agent, the
/// installed themes — is found from here.
public enum ExecutablePath {
    public static var current: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The folder holding the running program.
    public static var folder: String { (current as NSString).deletingLastPathComponent }
}
