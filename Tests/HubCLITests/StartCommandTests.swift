import Foundation
import Testing
import HubTestSupport
import HubCore

/// `start` and `one-liner`: the screen's S and y for scripts and agents.
@Suite(.enabled(if: TestPaths.binary != nil && TestPaths.corpusExists))
struct StartCommandTests {
    let binary = TestPaths.binary ?? ""

    func corpusCopy() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace("cli-start")
        try workspace.copyContents(of: TestPaths.corpus)
        return workspace
    }

    @Test func startsASessionAndRefusesASecondOne() throws {
        let workspace = try corpusCopy()
        let first = try ProcessRunner.run(binary, ["start", "coderef-ecosystem-docs-uds-compliance", "--root", workspace.root, "--yes", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let report = try JSONParser.parse(first.stdout)
        #expect(report["workorder_id"] == .string("WO-CODEREF-ECOSYSTEM-DOCS-UDS-COMPLIANCE-001"))
        // Where the corpus keeps its sessions (coderef/sessions/), not the hidden .coderef/sessions/.
        #expect(report["path"] == .string("coderef/sessions/coderef-ecosystem-docs-uds-compliance-phase1"))
        #expect(FileManager.default.fileExists(atPath: workspace.path("coderef/sessions/coderef-ecosystem-docs-uds-compliance-phase1/communication.json")))

        let second = try ProcessRunner.run(binary, ["start", "coderef-ecosystem-docs-uds-compliance", "--root", workspace.root, "--yes", "--porcelain"])
        #expect(second.status == 2)
        #expect(second.stderr.contains("already has a session"))
        let again = try ProcessRunner.run(binary, ["start", "STUB-094", "--root", workspace.root, "--yes", "--again", "--porcelain"])
        #expect(again.status == 0)
        #expect(again.stdout == "coderef/sessions/coderef-ecosystem-docs-uds-compliance-2-phase1\tWO-CODEREF-ECOSYSTEM-DOCS-UDS-COMPLIANCE-002\n")
    }

    @Test(arguments: [
        (["start", "no-such-stub", "--yes"], "no stub named 'no-such-stub'"),
        (["start", "agent-persona-team-page", "--yes"], "names no agents"),
        (["start", "coderef-ecosystem-docs-uds-compliance"], "pass --yes"),
        (["one-liner", "no-such-session", "x"], "no session named"),
        (["one-liner", "csv-ecosystem-sync", "nobody"], "no agent 'nobody'"),
    ])
    func mistakesExitTwoWithOneLine(arguments: [String], message: String) throws {
        let workspace = try corpusCopy()
        let result = try ProcessRunner.run(binary, arguments + ["--root", workspace.root])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path(".coderef/sessions")), "nothing was written")
    }

    @Test func agentsCanBeNamedForAStubWithoutThem() throws {
        let workspace = try corpusCopy()
        let result = try ProcessRunner.run(binary, ["start", "todo-list-widget", "--agent", "coderef-dashboard", "--agent", "coderef-docs", "--yes", "--root", workspace.root])
        #expect(result.status == 0, "\(result.stderr)")
        let snapshot = workspace.load()
        let session = try #require(snapshot.sessions.first { $0.name == "todo-list-widget-phase1" })
        #expect(session.agents.map(\.agentId) == ["coderef-dashboard", "coderef-docs"])
    }

    @Test func oneLinerPrintsWhatTheScreenCopies() throws {
        let snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: TestPaths.corpus)).load()
        let session = try #require(snapshot.sessions.first { $0.name == "csv-ecosystem-sync" })
        let agent = try #require(session.agents.first { $0.agentId == "coderef-docs" })
        let short = try ProcessRunner.run(binary, ["one-liner", "WO-CSV-ECOSYSTEM-SYNC-001", "coderef-docs", "--root", TestPaths.corpus])
        #expect(short.status == 0)
        #expect(short.stdout == OneLiner.short(session: session, agent: agent) + "\n")
        let long = try ProcessRunner.run(binary, ["one-liner", "csv-ecosystem-sync", "orchestrator", "--long", "--root", TestPaths.corpus])
        #expect(long.stdout.hasPrefix("## SESSION: WO-CSV-ECOSYSTEM-SYNC-001"))
    }
}

@Suite(.enabled(if: TestPaths.binary != nil))
struct SetStatusCommandTests {
    @Test func recordsAStatusAndRefusesUnknownAgents() throws {
        let workspace = try TemporaryWorkspace.demo("cli-setstatus")
        let binary = TestPaths.binary!
        let result = try ProcessRunner.run(binary, ["set-status", "WO-API-MIGRATION-001", "mobile-app", "in_progress", "--root", workspace.root])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "mobile-app: blocked → in_progress (.coderef/sessions/api-migration-phase1/mobile-app/communication.json)\n")
        let status = try ProcessRunner.run(binary, ["status", "--json", "--root", workspace.root])
        #expect(status.stdout.contains(#""agent_id": "mobile-app", "status": "in_progress""#))
        let unknown = try ProcessRunner.run(binary, ["set-status", "api-migration-phase1", "nobody", "done", "--root", workspace.root])
        #expect(unknown.status == 2 && unknown.stderr.contains("no agent 'nobody'"))
    }
}

@Suite(.enabled(if: TestPaths.binary != nil))
struct DoctorCommandTests {
    @Test func reportsEachCheck() throws {
        let workspace = try TemporaryWorkspace.demo("doctor")
        try workspace.write(".coderef/hub.toml", "[clipboard]\norder = [\"fax\"]\n")
        let result = try ProcessRunner.run(TestPaths.binary!, ["doctor", "--root", workspace.root])
        for name in ["terminal", "locale", "clipboard", "watching", "config", "workspace", "files"] {
            #expect(result.stdout.contains(name), "\(name)")
        }
        #expect(result.stdout.contains("✗ config") && result.stdout.contains("unknown method 'fax'"))
        #expect(result.status == 1)
    }
}

@Suite(.enabled(if: TestPaths.binary != nil))
struct AdvanceCommandTests {
    @Test func startsTheNextPhase() throws {
        let workspace = try TemporaryWorkspace.demo("cli-advance")
        let result = try ProcessRunner.run(TestPaths.binary!, ["advance", "search-index-rebuild-phase1", "--yes", "--root", workspace.root])
        #expect(result.status == 2, "phase 2 already exists")
        #expect(result.stderr.contains("the next phase already exists"))
        let next = try ProcessRunner.run(TestPaths.binary!, ["advance", "WO-SEARCH-INDEX-REBUILD-002", "--yes", "--json", "--root", workspace.root])
        #expect(next.status == 0, "\(next.stderr)")
        let report = try JSONParser.parse(next.stdout)
        #expect(report["path"] == .string(".coderef/sessions/search-index-rebuild-phase3"))
        #expect(report["phase"] == .int(3))
        #expect(next.stderr.contains("phase 2 is not complete yet"))
    }
}

@Suite(.enabled(if: TestPaths.binary != nil))
struct ArchiveCommandTests {
    @Test func movesASessionAndAStubIntoTheirArchives() throws {
        let workspace = try TemporaryWorkspace.demo("cli-archive")
        let binary = TestPaths.binary!
        let session = try ProcessRunner.run(binary, ["archive", "search-index-rebuild-phase1", "--yes", "--root", workspace.root])
        #expect(session.status == 0, "\(session.stderr)")
        #expect(session.stdout == ".coderef/sessions/archived/search-index-rebuild-phase1\n")
        let stub = try ProcessRunner.run(binary, ["archive", "STUB-103", "--yes", "--root", workspace.root])
        #expect(stub.status == 0, "\(stub.stderr)")
        #expect(stub.stderr.contains("the stub's status is stub"))
        let snapshot = workspace.load()
        #expect(snapshot.sessions.first { $0.name == "search-index-rebuild-phase1" }?.archived == true)
        #expect(snapshot.stubs.first { $0.featureName == "dark-mode-toggle" }?.archived == true)
        let again = try ProcessRunner.run(binary, ["archive", "search-index-rebuild-phase1", "--yes", "--root", workspace.root])
        #expect(again.status == 2 && again.stderr.contains("already archived"))
    }
}
