import Foundation
import HubCore

/// What `d`/`D` asks to dispatch, with what planning needs from the state.
struct DispatchAsk: Equatable, Sendable {
    var session: Session
    var agents: [String]
    var nextWave: Bool
    var records: [String: DispatchRecord]
    /// The project folders the last full load found (where agents' folders are looked for).
    var projects: [String] = []
}
