import Foundation
import HubCore

/// A verdict on what needs the person, with the snapshot it was given on (its evidence).
struct TriageAsk: Equatable, Sendable {
    var sessionPath: String
    var agent: String?
    var request: TriageAction.Request
    var snapshot: WorkspaceSnapshot

    static func == (a: TriageAsk, b: TriageAsk) -> Bool {
        a.sessionPath == b.sessionPath && a.agent == b.agent && a.request == b.request
    }
}
