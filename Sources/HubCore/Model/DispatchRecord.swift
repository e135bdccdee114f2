import Foundation

/// One dispatch as the hand-off log remembers it.
public struct DispatchRecord: Equatable, Sendable {
    public var at: Date
    public var pane: String?
    public var window: String?
    public var form: String
    /// `submitted`, `submitted (the agent confirmed)`, `started`, `typed, not submitted`, `refused`, `failed`.
    public var outcome: String

    public init(at: Date, pane: String?, window: String?, form: String, outcome: String) {
        self.at = at
        self.pane = pane
        self.window = window
        self.form = form
        self.outcome = outcome
    }

    /// The agent was handed its work (submitted, or started with it as an argument).
    public var isDelivered: Bool {
        [DispatchResult.Outcome.submitted, .confirmed, .startedWithArgument].map(\.word).contains(outcome)
    }

    /// The agents of a session's records that were handed their work (`D` and `--all` skip them).
    public static func delivered(_ records: [String: DispatchRecord]) -> Set<String> {
        Set(records.filter { $0.value.isDelivered }.keys)
    }
}
