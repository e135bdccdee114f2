import Foundation
import HubCore

/// Text for the clipboard, what it is (for the status bar), and whose hand-off it records.
struct CopyRequest: Equatable, Sendable {
    var text: String
    var what: String
    var sessionPath: String
    var agents: [String]
    /// Said with the result (the agent's instructions file is missing).
    var warning: String? = nil
}
