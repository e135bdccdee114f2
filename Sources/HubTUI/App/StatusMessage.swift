import Foundation
import HubCore

/// A line in the status bar that goes away by itself.
struct StatusMessage: Equatable, Sendable {
    var text: String
    var isError: Bool
    var expires: Date
}
