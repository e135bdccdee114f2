import Foundation

/// One `HANDOFF-<feature>-NNN.json` in a workorder folder: a piece of work passed from one agent to
/// another. Every field as written; any may be missing.
public struct WorkorderHandoff: Equatable, Sendable {
    /// The file's name (`HANDOFF-auth-002.json`).
    public var file: String
    public var from: String?
    public var to: String?
    public var reason: String?
    public var status: String?
    public var at: String?

    public init(file: String, from: String? = nil, to: String? = nil, reason: String? = nil, status: String? = nil, at: String? = nil) {
        self.file = file
        self.from = from
        self.to = to
        self.reason = reason
        self.status = status
        self.at = at
    }

    /// `from → to: reason`, the same words as communication.json's `handoff`.
    public var text: String {
        "\(from ?? "?") → \(to ?? "?")" + (reason.map { ": \($0)" } ?? "")
    }
}
