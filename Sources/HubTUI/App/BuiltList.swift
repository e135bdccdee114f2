import CHubSystem
import Foundation
import HubCore

/// A whole list and its search texts, built off the loop for a snapshot.
public struct BuiltList: Equatable, Sendable {
    public var list: ListModel
    public var search: ListSearch
    public var board: AttentionBoard

    public init(_ snapshot: WorkspaceSnapshot, now: Date, policy: EvidencePolicy) {
        list = ListModel(snapshot)
        search = ListSearch(snapshot)
        board = AttentionBoard(snapshot, now: now, policy: policy)
    }
}
