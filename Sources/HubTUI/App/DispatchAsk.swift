import Foundation
import HubCore

/// What `d`/`D` asks to dispatch, with what planning needs from the state.
public struct DispatchAsk: Equatable, Sendable {
    public var session: Session
    public var agents: [String]
    public var nextWave: Bool
    public var records: [String: DispatchRecord]
    /// The project folders the last full load found (where agents' folders are looked for).
    public var projects: [String] = []
}
