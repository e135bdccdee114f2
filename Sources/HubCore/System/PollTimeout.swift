import Foundation

/// The one way a `poll` timeout is made from a deadline: milliseconds until it (rounded up, so a
/// wake-up is never early), at most a minute (nothing waits longer without a look), `minimum` at
/// least; a minute when there is no deadline.
public enum PollTimeout {
    public static let longest: Int32 = 60_000

    public static func milliseconds(until deadline: Date?, now: Date = Date(), minimum: Int32 = 0) -> Int32 {
        guard let deadline else { return longest }
        let wait = deadline.timeIntervalSince(now) * 1000 + 1
        return Int32(max(Double(minimum), min(Double(longest), wait)))
    }
}
