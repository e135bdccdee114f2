import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Follows a workspace as it changes, for the doors that are not the screen (`status --watch`,
/// the MCP server's resource subscriptions): waits on the watcher and the agents' own state, reads
/// what changed, attaches the agents' activity, records status changes in the history, and says
/// what changed and what newly needs the person. One loop, however many doors follow. Used from
/// one thread at a time (hence unchecked Sendable: it moves to the thread that follows).
public final class WorkspaceFollower: @unchecked Sendable {
    /// What one wait brought: the snapshot after it, the changes and the newly arrived NEEDS YOU
    /// items (both may be empty: time alone can make an agent stale), and notices for a person.
    public struct Step {
        public var snapshot: WorkspaceSnapshot
        public var changes: [SnapshotChange]
        public var newAttention: [AttentionItem]
        public var notices: [String]
    }

    let live: LiveWorkspace
    let agents: ActivityWatch
    let settings: HubSettings
    let layout: WorkspaceLayout
    let environment: [String: String]
    let policy: EvidencePolicy
    /// The snapshot as last seen (the agents' activity attached).
    public private(set) var current: WorkspaceSnapshot
    public private(set) var attention: [AttentionItem]

    public init(layout: WorkspaceLayout, settings: HubSettings, environment: [String: String], pollInterval: TimeInterval? = nil) {
        self.layout = layout
        self.settings = settings
        self.environment = environment
        policy = EvidencePolicy(settings)
        live = LiveWorkspace(loader: WorkspaceLoader(layout: layout), pollInterval: pollInterval, recheckInterval: settings.recheckInterval)
        agents = ActivityWatch(environment: environment)
        var first = live.current
        AgentActivity.attach(to: &first, settings: settings, layout: layout, environment: environment, watch: agents)
        current = first
        attention = Evidence.attention(first, now: Date(), policy: policy)
    }

    /// Waits for a change, at most until something is due by time (a minute at the longest, or
    /// `timeout` seconds when given), and says what it brought.
    public func next(timeout: TimeInterval? = nil) -> Step {
        let deadline = [live.nextDeadline, agents.nextCheck, timeout.map { Date().addingTimeInterval($0) }].compactMap { $0 }.min()
        var descriptors = [pollfd(fd: live.fileDescriptor, events: Int16(POLLIN), revents: 0)] + agents.pollDescriptors
        _ = poll(&descriptors, nfds_t(descriptors.count), PollTimeout.milliseconds(until: deadline, minimum: 1))
        _ = agents.drain()
        let (loaded, notices) = live.update()
        var snapshot = loaded ?? current
        // The agents' own state, read afresh each time round (its changes come as activity events).
        AgentActivity.attach(to: &snapshot, settings: settings, layout: layout, environment: environment, watch: agents)
        var step = Step(snapshot: current, changes: [], newAttention: [], notices: notices)
        let now = Date()
        if snapshot != current {
            step.changes = SnapshotDiff.changes(from: current, to: snapshot)
            do {
                try StatusHistory.append(StatusHistory.entries(for: step.changes, in: snapshot, at: now), root: layout.root)
            } catch {
                step.notices.append("note: the status history could not be written: \(WriteErrorText.describe(error))")
            }
            current = snapshot
            step.snapshot = snapshot
        }
        let next = Evidence.attention(current, now: now, policy: policy)
        step.newAttention = AttentionDiff.added(from: attention, to: next)
        attention = next
        return step
    }
}
