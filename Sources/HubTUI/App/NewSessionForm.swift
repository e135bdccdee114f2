import Foundation
import HubCore

/// The `N` form: two text fields, Tab between them.
public struct NewSessionForm: Equatable, Sendable {
    public var name = ""
    public var agents = ""
    /// 0: the name, 1: the agents.
    public var field = 0
    public init() {}

    public var agentIds: [String] {
        agents.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    }
}
