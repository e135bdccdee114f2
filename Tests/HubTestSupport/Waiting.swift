import Foundation

/// The tests' one way to wait: for a condition, with a deadline, never a fixed sleep.
public enum Waiting {
    public struct TimedOut: Error, CustomStringConvertible {
        public let what: String
        public var description: String { "timed out waiting for \(what)" }
    }

    /// Checks `condition` until it holds; throws after `timeout`.
    public static func until(_ what: String, timeout: TimeInterval = 10, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard Date() < deadline else { throw TimedOut(what: what) }
            usleep(30_000) // poll interval while waiting for the condition
        }
    }
}
