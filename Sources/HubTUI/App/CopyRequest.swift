import Foundation
import HubCore

/// Text for the clipboard, what it is (for the status bar), and whose hand-off it records.
public struct CopyRequest: Equatable, Sendable {
    public var text: String
    public var what: String
    public var sessionPath: String
    public var agents: [String]
    /// Said with the result (the agent's instructions file is missing).
    public var warning: String? = nil
}
