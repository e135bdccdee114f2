import CHubSystem
import Foundation
import HubCore

/// A whole list and its search texts, built off the loop for a snapshot.
struct BuiltList: Equatable, Sendable {
    var list: ListModel
    var search: ListSearch
    var board: AttentionBoard

    init(_ snapshot: WorkspaceSnapshot, now: Date, policy: EvidencePolicy) {
        list = ListModel(snapshot)
        search = ListSearch(snapshot)
        board = AttentionBoard(snapshot, now: now, policy: policy)
    }
}
