import Foundation
import HubCore

/// A verdict on what needs the person, with the snapshot it was given on (its evidence).
public struct TriageAsk: Equatable, Sendable {
    public var sessionPath: String
    public var agent: String?
    public var request: TriageAction.Request
    public var snapshot: WorkspaceSnapshot

    public static func == (a: TriageAsk, b: TriageAsk) -> Bool {
        a.sessionPath == b.sessionPath && a.agent == b.agent && a.request == b.request
    }
}
