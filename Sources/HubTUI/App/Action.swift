import Foundation
import HubCore

/// Everything that can happen to the screen.
public enum Action: Equatable, Sendable {
    case key(Key)
    case resize(Size)
    case snapshotLoaded(WorkspaceSnapshot)
    case tick(Date)
    /// SIGINT, SIGTERM, SIGHUP.
    case terminate
}

/// What the reducer asks the runtime to do; results come back as Actions.
public enum Effect: Equatable, Sendable {
    case reload
    case quit
}
