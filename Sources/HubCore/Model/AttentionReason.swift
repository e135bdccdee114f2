import Foundation

/// Why a session needs its person, worst first.
public enum AttentionReason: String, CaseIterable, Comparable, Sendable {
    /// The agent itself waits for the person (a permission prompt, a question): only they can unblock it.
    case waiting
    case failed
    case blocked
    /// Its process ended while its work is not complete.
    case exited
    /// The session's file and the agent's own file disagree (both claims shown, with their dates).
    case conflict
    /// Its turn ended a while ago and its status still says it is not complete.
    case idleUnreported = "idle_unreported"
    /// Every task is done and its status still says in progress (one key marks it complete).
    case doneUnreported = "done_unreported"
    case stale
    case notPickedUp = "not_picked_up"
    case unverified
    case unreadable
    /// The hub dispatched this session and a later wave's dependencies are now complete (D hands it out).
    case waveReady = "wave_ready"
    case readyToAdvance = "ready_to_advance"

    /// One word (or two) for a list row.
    public var word: String {
        switch self {
        case .notPickedUp: return "not picked up"
        case .readyToAdvance: return "ready"
        case .idleUnreported: return "idle"
        case .doneUnreported: return "done?"
        case .waveReady: return "next wave"
        default: return rawValue
        }
    }

    var rank: Int { AttentionReason.allCases.firstIndex(of: self)! }
    public static func < (lhs: AttentionReason, rhs: AttentionReason) -> Bool { lhs.rank < rhs.rank }
}
