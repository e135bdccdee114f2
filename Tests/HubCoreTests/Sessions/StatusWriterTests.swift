import Foundation
import Testing
import HubTestSupport
@testable import HubCore

@Suite struct StatusWriterTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func session(_ workspace: TemporaryWorkspace, _ name: String) throws -> Session {
        try #require(workspace.load().sessions.first { $0.name == name })
    }

    @Test func writesTheNestedFileWhenThereIsOne() throws {
        let workspace = try TemporaryWorkspace.demo("setstatus")
        let running = try session(workspace, "api-migration-phase1")
        let agent = try #require(running.agents.first { $0.agentId == "web-client" })
        let before = try workspace.read(".coderef/sessions/api-migration-phase1/web-client/communication.json")
        let file = try StatusWriter.set("complete", agent: agent, in: running, root: workspace.root, now: now)
        #expect(file == ".coderef/sessions/api-migration-phase1/web-client/communication.json")
        let after = try workspace.read(file)
        #expect(after == before.replacingOccurrences(of: #""status": "in_progress","#, with: #""status": "complete","#)
            .replacingOccurrences(of: "\n  ]\n}", with: "\n  ],\n  \"completed_at\": \"2026-11-18T11:06:40Z\"\n}"))
        #expect(try self.session(workspace, "api-migration-phase1").agents.first { $0.agentId == "web-client" }?.status.word == "complete")
    }

    /// The agents' folders are someone else's (often a git repository): the lock of a file the hub
    /// writes there lives in the hub's own folder, never beside it.
    @Test func locksLiveInTheHubsFolderNeverBesideTheAgentsFiles() throws {
        let workspace = try TemporaryWorkspace.demo("setstatus-locks")
        let running = try session(workspace, "api-migration-phase1")
        for id in ["web-client", "api-server"] {
            try StatusWriter.set("blocked", agent: try #require(running.agents.first { $0.agentId == id }), in: running, root: workspace.root, now: now)
        }
        let stub = try #require(workspace.load().stubs.first { $0.featureName == "parallel-docs-audit" })
        let plan = try SessionPlanner(layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), now: now).plan(stub: stub, snapshot: workspace.load(), agents: nil, again: false)
        try SessionWriter.apply(plan, root: workspace.root)
        let beside = (FileManager.default.enumerator(atPath: workspace.root)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".lock") && !$0.hasPrefix(".coderef/sessions-hub/") }
        #expect(beside.isEmpty, "lock files beside others' files: \(beside)")
        let locks = try FileManager.default.contentsOfDirectory(atPath: workspace.path(".coderef/sessions-hub/locks"))
        #expect(locks.count == 3 && locks.contains { $0.hasPrefix("communication.json-") } && locks.contains { $0.hasPrefix("stub.json-") })
    }

    @Test func writesTheRootEntryOrTheOrchestrator() throws {
        let workspace = try TemporaryWorkspace.demo("setstatus-root")
        var phase2 = try session(workspace, "search-index-rebuild-phase2")
        let agent = try #require(phase2.agents.first { $0.agentId == "api-server" })
        try StatusWriter.set("blocked", agent: agent, in: phase2, root: workspace.root, note: "waiting for the index", now: now)
        phase2 = try session(workspace, "search-index-rebuild-phase2")
        let updated = try #require(phase2.agents.first { $0.agentId == "api-server" })
        #expect(updated.status.word == "blocked" && updated.notes == "waiting for the index")
        #expect(phase2.agents.first { $0.agentId == "search-service" }?.status.word == "in_progress", "the neighbour is untouched")
        try StatusWriter.set("complete", agent: try #require(phase2.orchestrator), in: phase2, root: workspace.root, now: now)
        #expect(try self.session(workspace, "search-index-rebuild-phase2").orchestrator?.status.word == "complete")
    }

    /// Five hub writers (MCP clients, screens) setting one agent's status at once all hold the
    /// lock: none of them is told another program undid its write.
    @Test func concurrentLockedWritersNeverBlameEachOther() throws {
        let workspace = try TemporaryWorkspace.demo("setstatus-concurrent")
        let running = try session(workspace, "api-migration-phase1")
        let agent = try #require(running.agents.first { $0.agentId == "api-server" })
        let failures = Failures()
        let words = ["in_progress", "blocked", "complete", "failed", "not_started"]
        DispatchQueue.concurrentPerform(iterations: 25) { index in
            do { try StatusWriter.set(words[index % 5], agent: agent, in: running, root: workspace.root, now: now) } catch { failures.add("\(error)") }
        }
        #expect(failures.all.isEmpty)
        let final = try self.session(workspace, "api-migration-phase1").agents.first { $0.agentId == "api-server" }?.status.word
        #expect(words.contains(final ?? ""))
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ text: String) { lock.withLock { list.append(text) } }
        var all: [String] { lock.withLock { list } }
    }

    @Test func keyedAgentsAndPlainIds() throws {
        let workspace = try TemporaryWorkspace("setstatus-keyed")
        try workspace.write("coderef/sessions/keyed/communication.json", #"{"agents": {"x": "pending", "y": {"status": "pending"}}}"#)
        try workspace.write("coderef/sessions/plain/communication.json", #"{"agents": ["p"]}"#)
        let keyed = try session(workspace, "keyed")
        try StatusWriter.set("done", agent: keyed.agents[0], in: keyed, root: workspace.root, now: now)
        try StatusWriter.set("working", agent: keyed.agents[1], in: keyed, root: workspace.root, now: now)
        #expect(try workspace.read("coderef/sessions/keyed/communication.json") == #"{"agents": {"x": "done", "y": {"status": "working"}}}"#)
        let plain = try session(workspace, "plain")
        #expect(throws: StatusWriter.Failure.plainId(agent: "p", file: "coderef/sessions/plain/communication.json")) {
            try StatusWriter.set("done", agent: plain.agents[0], in: plain, root: workspace.root, now: now)
        }
        #expect(throws: StatusWriter.Failure.invalidStatus("bad\u{1B}word")) {
            try StatusWriter.set("bad\u{1B}word", agent: plain.agents[0], in: plain, root: workspace.root, now: now)
        }
    }
}
