import Foundation
import CHubSystem

/// What became of one dispatch.
public struct DispatchResult: Equatable, Sendable {
    public enum Outcome: Equatable, Sendable {
        /// Pasted, Enter pressed, and the agent took it (its input queue emptied and its pane moved).
        case submitted
        /// Submitted, and the agent itself said it took the prompt (its state file or a hook).
        case confirmed
        /// Started with the one-liner as its last argument.
        case startedWithArgument
        /// Pasted, but Enter left it unread (or read, and nothing moved): the agent is not reading its input.
        case typedNotSubmitted
        /// Pasted and Enter read, but the agent turned the text down (a `refused` screen rule: what it said).
        case refused(String)
        case failed(String)

        public var word: String {
            switch self {
            case .submitted: return "submitted"
            case .confirmed: return "submitted (the agent confirmed)"
            case .startedWithArgument: return "started"
            case .typedNotSubmitted: return "typed, not submitted"
            case .refused: return "refused"
            case .failed: return "failed"
            }
        }

        /// Typed into the agent's input and left there: the person has to look.
        public static func leftInInput(_ word: String) -> Bool { word == "typed, not submitted" || word == "refused" }

        public var delivered: Bool { self == .submitted || self == .confirmed || self == .startedWithArgument }
    }

    public var sessionPath: String
    public var agentId: String
    public var pane: String?
    public var window: String?
    public var outcome: Outcome
    public var at: Date
    /// The form handed over (the long one only to agents that take a multi-line paste).
    public var longForm: Bool
    /// Said beside the outcome: why the short form went instead of the long one.
    public var note: String?

    public init(sessionPath: String, agentId: String, pane: String?, window: String?, outcome: Outcome, at: Date, longForm: Bool, note: String? = nil) {
        self.sessionPath = sessionPath
        self.agentId = agentId
        self.pane = pane
        self.window = window
        self.outcome = outcome
        self.at = at
        self.longForm = longForm
        self.note = note
    }

    public var sentence: String {
        let place = window.map { " (window \($0))" } ?? ""
        let noted = note.map { "; \($0)" } ?? ""
        switch outcome {
        case .submitted: return "\(agentId): one-liner delivered and submitted\(place)\(noted)"
        case .confirmed: return "\(agentId): one-liner delivered and submitted; the agent confirmed it\(place)\(noted)"
        case .startedWithArgument: return "\(agentId): started with its one-liner\(place)"
        case .typedNotSubmitted: return "\(agentId): typed, not submitted — the agent has not read its input\(place); check that it is waiting for input there"
        case .refused(let why): return "\(agentId): typed, but the agent refused it (\(why))\(place); the text is still in its input"
        case .failed(let why): return "\(agentId): not dispatched: \(why)"
        }
    }
}
