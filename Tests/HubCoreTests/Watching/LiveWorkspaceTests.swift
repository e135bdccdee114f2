import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// The watcher in a temporary workspace: every kind of change arrives as a reload, bursts coalesce.
@Suite struct LiveWorkspaceTests {
    func makeWorkspace() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace("live")
        try workspace.write("coderef/working/idea/stub.json", #"{"feature_name": "idea", "status": "planning"}"#)
        try workspace.write(".coderef/sessions/s-phase1/communication.json", #"{"workorder_id": "WO-S-001", "agents": [{"agent_id": "a", "status": "not_started"}, {"agent_id": "b", "status": "not_started"}]}"#)
        try workspace.write(".coderef/sessions/s-phase1/b/communication.json", #"{"agent_id": "b", "status": "in_progress"}"#)
        return workspace
    }

    /// Waits (poll on the watcher's descriptor, with a deadline) for a reload whose snapshot satisfies `condition`.
    @discardableResult
    func waitForReload(_ live: LiveWorkspace, timeout: TimeInterval = 5, reloads: inout Int, _ condition: (WorkspaceSnapshot) -> Bool) -> WorkspaceSnapshot? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let wait = live.nextDeadline.map { max(1, min(100, Int32($0.timeIntervalSinceNow * 1000) + 1)) } ?? 100
            var descriptor = pollfd(fd: live.fileDescriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, wait) // waits for the watcher, bounded by the deadline loop
            if let snapshot = live.update().snapshot {
                reloads += 1
                if condition(snapshot) { return snapshot }
            }
        }
        return nil
    }

    func atomicWrite(_ workspace: TemporaryWorkspace, _ relative: String, _ text: String) throws {
        try workspace.write(relative + ".tmp", text)
        try FileManager.default.moveItem(atPath: workspace.path(relative + ".tmp"), toPath: workspace.path(relative) + ".new")
        _ = rename(workspace.path(relative) + ".new", workspace.path(relative))
    }

    func agentStatus(_ snapshot: WorkspaceSnapshot, _ agent: String) -> String? {
        snapshot.sessions.first?.agents.first { $0.agentId == agent }?.status.word
    }

    @Test(arguments: [nil, 0.1] as [Double?])
    func seesEveryKindOfChange(pollInterval: Double?) throws {
        let workspace = try makeWorkspace()
        let live = LiveWorkspace(loader: WorkspaceLoader(layout: WorkspaceLayout(root: workspace.root)), pollInterval: pollInterval)
        var reloads = 0
        // An atomic rename of the root file.
        try atomicWrite(workspace, ".coderef/sessions/s-phase1/communication.json", #"{"workorder_id": "WO-S-001", "agents": [{"agent_id": "a", "status": "complete"}, {"agent_id": "b", "status": "not_started"}]}"#)
        #expect(waitForReload(live, reloads: &reloads) { agentStatus($0, "a") == "complete" } != nil)
        // A plain in-place write of a nested agent file.
        try workspace.write(".coderef/sessions/s-phase1/b/communication.json", #"{"agent_id": "b", "status": "blocked"}"#)
        #expect(waitForReload(live, reloads: &reloads) { agentStatus($0, "b") == "blocked" } != nil)
        // A new nested agent folder.
        try workspace.write(".coderef/sessions/s-phase1/c/communication.json", #"{"agent_id": "c", "status": "working"}"#)
        #expect(waitForReload(live, reloads: &reloads) { agentStatus($0, "c") == "working" } != nil)
        // A new session folder, then its removal; a moved stub folder.
        try workspace.write(".coderef/sessions/other/communication.json", #"{"agents": []}"#)
        #expect(waitForReload(live, reloads: &reloads) { $0.sessions.contains { $0.name == "other" } } != nil)
        try FileManager.default.removeItem(atPath: workspace.path(".coderef/sessions/other"))
        #expect(waitForReload(live, reloads: &reloads) { !$0.sessions.contains { $0.name == "other" } } != nil)
        try FileManager.default.moveItem(atPath: workspace.path("coderef/working/idea"), toPath: workspace.path("coderef/working/renamed"))
        #expect(waitForReload(live, reloads: &reloads) { $0.stubs.map(\.folderName) == ["renamed"] } != nil)
    }

    /// A plan in an agent's project beside the workspace (outside it) changes, and a new one appears:
    /// both arrive without a key, by inotify and by polling.
    @Test(arguments: [nil, 0.1] as [Double?])
    func workordersInTheAgentsProjectsAreWatched(pollInterval: Double?) throws {
        let parent = try TemporaryWorkspace("live-projects")
        try parent.write("workspace/.coderef/sessions/s-phase1/communication.json", #"{"workorder_id": "WO-S-001", "agents": [{"agent_id": "tool", "agent_path": "C:\\work\\tool", "status": "in_progress"}]}"#)
        try parent.write("tool/coderef/workorder/plan-a/plan.json", #"{"workorder_id": "WO-A-001", "status": "implementing"}"#)
        let live = LiveWorkspace(loader: WorkspaceLoader(layout: WorkspaceLayout(root: parent.path("workspace"))), pollInterval: pollInterval)
        #expect(live.current.workorders.map(\.workorderId) == ["WO-A-001"])
        var reloads = 0
        try parent.write("tool/coderef/workorder/plan-a/plan.json", #"{"workorder_id": "WO-A-001", "status": "closed"}"#)
        #expect(waitForReload(live, reloads: &reloads) { $0.workorders.first?.status.word == "closed" } != nil)
        try parent.write("tool/coderef/workorder/plan-b/plan.json", #"{"workorder_id": "WO-B-002", "status": "plan_created"}"#)
        #expect(waitForReload(live, reloads: &reloads) { $0.workorders.count == 2 } != nil)
    }

    @Test func aBurstBecomesOneReload() throws {
        let workspace = try makeWorkspace()
        let live = LiveWorkspace(loader: WorkspaceLoader(layout: WorkspaceLayout(root: workspace.root)))
        live.coalesce = 0.2
        for index in 0..<50 {
            try workspace.write(".coderef/sessions/s-phase1/b/communication.json", #"{"agent_id": "b", "status": "step-\#(index)"}"#)
        }
        var reloads = 0
        #expect(waitForReload(live, reloads: &reloads) { agentStatus($0, "b") == "step-49" } != nil)
        #expect(reloads == 1)
    }

    @Test func aHalfWrittenFileKeepsTheLastGoodStateUntilItIsComplete() throws {
        let workspace = try makeWorkspace()
        let live = LiveWorkspace(loader: WorkspaceLoader(layout: WorkspaceLayout(root: workspace.root)))
        var reloads = 0
        try workspace.write(".coderef/sessions/s-phase1/b/communication.json", #"{"agent_id": "b", "status": "comp"#)
        let during = try #require(waitForReload(live, reloads: &reloads) { _ in true })
        let session = try #require(during.sessions.first)
        #expect(agentStatus(during, "b") == "in_progress", "the last good state, not a blank or a regression")
        #expect(session.unreadableFiles == [".coderef/sessions/s-phase1/b/communication.json"])
        #expect(session.agents.count == 2, "no row lost, none duplicated")
        try workspace.write(".coderef/sessions/s-phase1/b/communication.json", #"{"agent_id": "b", "status": "complete"}"#)
        let after = try #require(waitForReload(live, reloads: &reloads) { agentStatus($0, "b") == "complete" })
        #expect(after.sessions.first?.unreadableFiles.isEmpty == true)
        #expect(!after.problems.contains { $0.path.hasSuffix("b/communication.json") })
    }

    @Test func incrementalReloadMatchesAFullLoad() throws {
        let workspace = try TemporaryWorkspace.demo("incremental")
        let loader = WorkspaceLoader(layout: WorkspaceLayout(root: workspace.root))
        let before = loader.load()
        try workspace.write(".coderef/sessions/api-migration-phase1/docs-writer/communication.json", #"{"agent_id": "docs-writer", "status": "in_progress"}"#)
        try workspace.write(".coderef/sessions/search-index-rebuild-phase3/communication.json", #"{"agents": []}"#)
        try workspace.write("coderef/working/new-idea/stub.json", #"{"feature_name": "new-idea", "status": "stub"}"#)
        let changed: Set<String> = [
            workspace.path(".coderef/sessions/api-migration-phase1/docs-writer"),
            workspace.path(".coderef/sessions/search-index-rebuild-phase3"),
            workspace.path("coderef/working/new-idea/stub.json"),
        ]
        var incremental = loader.reload(changed: changed, previous: before)
        var full = loader.load()
        // Modification times are read at different moments: compare everything else.
        for index in incremental.sessions.indices { incremental.sessions[index].agents = incremental.sessions[index].agents.map { var a = $0; a.lastChange = nil; return a }; incremental.sessions[index].orchestrator?.lastChange = nil }
        for index in full.sessions.indices { full.sessions[index].agents = full.sessions[index].agents.map { var a = $0; a.lastChange = nil; return a }; full.sessions[index].orchestrator?.lastChange = nil }
        #expect(incremental == full)
    }

    @Test func diffsNameWhatChanged() throws {
        let workspace = try makeWorkspace()
        let loader = WorkspaceLoader(layout: WorkspaceLayout(root: workspace.root))
        let before = loader.load()
        try workspace.write(".coderef/sessions/s-phase1/b/communication.json", #"{"agent_id": "b", "status": "complete"}"#)
        try workspace.write(".coderef/sessions/t/communication.json", #"{"agents": []}"#)
        try FileManager.default.removeItem(atPath: workspace.path("coderef/working/idea"))
        let changes = SnapshotDiff.changes(from: before, to: loader.load())
        #expect(changes.contains(SnapshotChange(kind: .agentStatus, path: ".coderef/sessions/s-phase1", agent: "b", from: "in_progress", to: "complete")))
        #expect(changes.contains { $0.kind == .sessionAdded && $0.path == ".coderef/sessions/t" })
        #expect(changes.contains { $0.kind == .stubRemoved && $0.path == "coderef/working/idea/stub.json" })
        let line = JSONPrinter.compact(changes[0].json(time: "T"))
        #expect(line.hasPrefix(#"{"time": "T", "kind": "#))
    }
}
