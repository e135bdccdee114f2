import HubCore

/// The facts about a stub or session that decide where (and whether) the list shows it: its group,
/// its sort keys, its links to other items, and what the filter matches. When a live update leaves
/// these unchanged for every re-read item, the list's rows are still right and are kept as they are.
enum ListPlacement {
    struct SessionKey: Equatable {
        var name: String, feature: String, workorderId: String?, derived: StatusBucket
        var archived: Bool, parent: String?, phase: Int?
        var agentIds: [String]?
    }

    struct StubKey: Equatable {
        var featureName: String, folderName: String, bucket: StatusBucket, priority: String?
        var promotedTo: String?, archived: Bool
        var filterText: [String?]?
    }

    static func session(_ session: Session, filtered: Bool) -> SessionKey {
        SessionKey(name: session.name, feature: session.feature, workorderId: session.workorderId, derived: session.derivedStatus,
                   archived: session.archived, parent: session.parent, phase: session.phase,
                   agentIds: filtered ? session.agents.map(\.agentId) : nil)
    }

    static func stub(_ stub: Stub, filtered: Bool) -> StubKey {
        StubKey(featureName: stub.featureName, folderName: stub.folderName, bucket: stub.status.bucket, priority: stub.priority,
                promotedTo: stub.promotedTo, archived: stub.archived,
                filterText: filtered ? [stub.stubId, stub.status.word, stub.category, stub.project] + stub.tags + stub.allAgents : nil)
    }
}

extension ListModel {
    /// True when the rows built for `old` are still right for `new`, given what a reload re-read:
    /// nothing was added or removed and no re-read item changed its placement.
    func isStill(valid old: WorkspaceSnapshot, for new: WorkspaceSnapshot, touched: TouchedItems, filtered: Bool) -> Bool {
        guard !touched.structureChanged, old.sessions.count == new.sessions.count, old.stubs.count == new.stubs.count else { return false }
        for folder in touched.sessionFolders {
            let before = old.sessions.indices(inFolder: folder)
            guard before == new.sessions.indices(inFolder: folder) else { return false }
            for index in before where ListPlacement.session(old.sessions[index], filtered: filtered) != ListPlacement.session(new.sessions[index], filtered: filtered) {
                return false
            }
        }
        for folder in touched.stubFolders {
            let before = old.stubs.indices(inFolder: folder)
            guard before == new.stubs.indices(inFolder: folder) else { return false }
            for index in before where ListPlacement.stub(old.stubs[index], filtered: filtered) != ListPlacement.stub(new.stubs[index], filtered: filtered) {
                return false
            }
        }
        return true
    }
}

extension WorkspaceSnapshot {
    /// True when every index into `sessions` and `stubs` names the same item in `new` as here, so
    /// rows built for this snapshot still point at the right items in `new` (a held order can stay).
    func sameItems(as new: WorkspaceSnapshot, touched: TouchedItems?) -> Bool {
        guard sessions.count == new.sessions.count, stubs.count == new.stubs.count else { return false }
        guard let touched else {
            return sessions.indices.allSatisfy { sessions[$0].path == new.sessions[$0].path }
                && stubs.indices.allSatisfy { stubs[$0].path == new.stubs[$0].path }
        }
        guard !touched.structureChanged else { return false }
        return touched.sessionFolders.allSatisfy { sessions.indices(inFolder: $0) == new.sessions.indices(inFolder: $0) }
            && touched.stubFolders.allSatisfy { stubs.indices(inFolder: $0) == new.stubs.indices(inFolder: $0) }
    }
}
