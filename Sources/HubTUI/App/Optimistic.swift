import Foundation
import HubCore

/// What the screen did itself that the hub's files will say a moment later (a one-liner copied, an
/// agent dispatched): kept beside the workspace's snapshot — whose one writer is the workspace
/// thread — and laid over each new snapshot until the files say it too, so a reload that lands
/// before the write never takes it back.
struct Optimistic: Equatable, Sendable {
    var handoffs: [String: [String: Date]] = [:]
    var dispatches: [String: [String: DispatchRecord]] = [:]

    var isEmpty: Bool { handoffs.isEmpty && dispatches.isEmpty }

    /// Lays itself over `snapshot`, and forgets what the snapshot already says (the same or newer).
    /// Returns the sessions whose hand-offs or dispatches it changed there.
    mutating func lay(over snapshot: inout WorkspaceSnapshot) -> Set<String> {
        var changed = Set<String>()
        for (session, agents) in handoffs {
            for (agent, at) in agents {
                if let known = snapshot.handoffs[session]?[agent], known >= at {
                    handoffs[session]?[agent] = nil
                } else {
                    snapshot.handoffs[session, default: [:]][agent] = at
                    changed.insert(session)
                }
            }
            if handoffs[session]?.isEmpty == true { handoffs[session] = nil }
        }
        for (session, agents) in dispatches {
            for (agent, record) in agents {
                if let known = snapshot.dispatches[session]?[agent], known.at >= record.at {
                    dispatches[session]?[agent] = nil
                } else {
                    snapshot.dispatches[session, default: [:]][agent] = record
                    changed.insert(session)
                }
            }
            if dispatches[session]?.isEmpty == true { dispatches[session] = nil }
        }
        return changed
    }
}
