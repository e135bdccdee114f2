import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// [HOUSE] Another writer's history lines are read by what it appended, not the whole file again.
@Suite struct HistoryTailTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func onlyTheAppendedLinesAreRead() throws {
        let workspace = try TemporaryWorkspace("history-tail")
        let root = workspace.root
        try StatusHistory.append([StatusHistory.Entry(time: Self.t0, session: "s", agent: "a", from: nil, to: "in_progress")], root: root)
        let before = try #require(StatusHistory.stamp(root: root))
        try StatusHistory.append([StatusHistory.Entry(time: Self.t0 + 60, session: "s", agent: "b", from: "in_progress", to: "complete")], root: root)
        let after = try #require(StatusHistory.stamp(root: root))
        let added = try #require(StatusHistory.appended(root: root, since: before, now: after))
        #expect(added.map(\.agent) == ["b"], "the line already read is not read again")
        // A file that shrank (trimmed, or replaced) is read whole.
        try workspace.write(StatusHistory.relativePath, "")
        #expect(StatusHistory.appended(root: root, since: after, now: try #require(StatusHistory.stamp(root: root))) == nil)
    }

    @Test func aReloadFoldsAnotherWritersLinesIn() throws {
        let workspace = try TemporaryWorkspace("history-reload")
        try workspace.write("coderef/sessions/s-phase1/communication.json", #"{"agents": [{"agent_id": "a", "status": "in_progress"}]}"#)
        try StatusHistory.append([StatusHistory.Entry(time: Self.t0, session: "coderef/sessions/s-phase1", agent: "a", from: nil, to: "in_progress")], root: workspace.root)
        let layout = WorkspaceLayout(root: workspace.root)
        let first = WorkspaceLoader(layout: layout).load()
        #expect(first.statusChanges["coderef/sessions/s-phase1"]?["a"] == Self.t0)
        // The line already read is changed in place (same length): a reload that read the whole
        // file again would see it; one that reads what was appended does not.
        let old = try workspace.read(StatusHistory.relativePath)
        let changed = old.replacingOccurrences(of: Timestamp.format(Self.t0), with: Timestamp.format(Self.t0 + 500))
        #expect(changed != old && changed.utf8.count == old.utf8.count)
        try workspace.write(StatusHistory.relativePath, changed)
        // `status --watch` (another process) records a change.
        try StatusHistory.append([StatusHistory.Entry(time: Self.t0 + 90, session: "coderef/sessions/s-phase1", agent: "a", from: "in_progress", to: "blocked")], root: workspace.root)
        let reloaded = WorkspaceLoader(layout: layout).reload(changed: [workspace.path(StatusHistory.relativePath)], previous: first)
        #expect(reloaded.statusChanges["coderef/sessions/s-phase1"]?["a"] == Self.t0 + 90, "only the appended line was read")
        #expect(reloaded.historyStamp == StatusHistory.stamp(root: workspace.root))
    }
}
