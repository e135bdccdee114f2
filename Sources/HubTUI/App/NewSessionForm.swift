import Foundation
import HubCore

/// The `N` form: two text fields, Tab between them.
struct NewSessionForm: Equatable, Sendable {
    var name = ""
    var agents = ""
    /// 0: the name, 1: the agents.
    var field = 0
    init() {}

    var agentIds: [String] {
        agents.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    }
}
