import Foundation
import HubCore

/// `w`: every workorder of the workspace and its projects, most recently changed first, filtered as
/// you type; Enter opens a plan's detail (its tasks).
struct WorkordersView: Equatable, Sendable {
    var filter = ""
    var typing = false
    var cursor = 0
    /// The plan shown in detail (its path), nil for the list.
    var open: String?
    var detailScroll = 0
    /// Each plan's session and stub, worked out when the view opens and when a snapshot arrives
    /// while it is open — not on every frame (it walks every stub and session).
    var links = WorkorderLinks()

    init(links: WorkorderLinks = WorkorderLinks()) {
        self.links = links
    }

    /// The workorders shown, in order: most recent activity first, then by id; archived ones only
    /// when `H` shows archived items.
    func rows(_ snapshot: WorkspaceSnapshot, archived: Bool = false) -> [Workorder] {
        let words = filter.lowercased().split(separator: " ").map(String.init)
        let matching = snapshot.workorders.filter { workorder in
            guard archived || !workorder.archived else { return false }
            guard !words.isEmpty else { return true }
            let text = [workorder.workorderId, workorder.project ?? "", workorder.featureName ?? "", workorder.status.word ?? "", workorder.phaseStatus ?? ""].joined(separator: " ").lowercased()
            return words.allSatisfy(text.contains)
        }
        return matching.sorted { a, b in
            let (x, y) = (a.modified ?? .distantPast, b.modified ?? .distantPast)
            return x != y ? x > y : a.workorderId < b.workorderId
        }
    }
}
