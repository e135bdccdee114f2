import Foundation
import HubCore

/// A line in the status bar that goes away by itself.
public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    public var expires: Date
}
