import Foundation
import Testing
import HubTestSupport
import HubCore

/// The real binary, run as a user runs it.
@Suite(.enabled(if: TestPaths.binary != nil, "needs the built sessions-hub binary"))
struct StatusCommandTests {
    let binary = TestPaths.binary ?? ""

    func run(_ arguments: [String], cwd: String? = nil) throws -> ProcessResult {
        try ProcessRunner.run(binary, arguments, cwd: cwd)
    }

    @Test(.enabled(if: TestPaths.corpusExists), arguments: [
        ["--root", TestPaths.corpus, "status", "--json"],
        ["status", "--json", "--root", TestPaths.corpus],
        ["status", "--root=\(TestPaths.corpus)", "--json"],
        ["--root=\(TestPaths.corpus)", "status", "--json"],
    ])
    func statusJSONOnTheCorpus(arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let report = try JSONParser.parse(result.stdout)
        #expect(report["stubs"]?.arrayValue?.count == 58)
        #expect(report["sessions"]?.arrayValue?.count == 11)
        #expect(report["problems"]?.arrayValue?.count == 2)
        #expect(report["root"]?.stringValue == WorkspacePaths.standardize(TestPaths.corpus))
        let subSession = report["sessions"]?.arrayValue?.first { $0["name"]?.stringValue == "validator-integration/testing" }
        #expect(subSession?["parent"]?.stringValue == "coderef/sessions/validator-integration")
        #expect(subSession?["archived"] == .bool(false))
    }

    @Test(.enabled(if: TestPaths.corpusExists))
    func statusTableIsReadable() throws {
        let result = try run(["status", "--root", TestPaths.corpus])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Stubs (58)"))
        #expect(result.stdout.contains("csv-ecosystem-sync  [waiting on the orchestrator]"))
        #expect(result.stdout.contains("scanner-complete-integration  [file says: complete]"))
        #expect(result.stdout.contains("Problems (2):"))
        // What needs the person comes first, worst first, each reason's word aligned.
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count > 3 && lines[2].hasPrefix("Needs you ("))
        #expect(lines[3].hasPrefix("  ! done?       scanner-complete-integration coderef-core"))
        #expect(result.stdout.contains("  ! unreadable  csv-ecosystem-sync coderef-dashboard"))
    }

    @Test func watchJSONStartsWithATaggedSnapshotLine() throws {
        let workspace = try TemporaryWorkspace("cli-watch-json")
        try workspace.write("coderef/sessions/feat-phase1/communication.json", #"{"agents": [{"agent_id": "a", "status": "in_progress"}]}"#)
        let output = workspace.path("watch.out")
        FileManager.default.createFile(atPath: output, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["status", "--watch", "--json", "--root", workspace.root]
        process.standardOutput = FileHandle(forWritingAtPath: output)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // SIGKILL: the test runner's threads block SIGTERM and Foundation's child inherits that mask.
        defer { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        func lines() -> [String] { ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init) }
        try Waiting.until("the snapshot line") { lines().count >= 1 }
        let first = try JSONParser.parse(try #require(lines().first))
        #expect(first["kind"] == .string("snapshot"))
        #expect(first["sessions"]?.arrayValue?.count == 1 && first["time"]?.stringValue != nil)
        // Then one line per change.
        try workspace.write("coderef/sessions/feat-phase1/communication.json", #"{"agents": [{"agent_id": "a", "status": "blocked"}]}"#)
        try Waiting.until("the change line") { lines().contains { $0.contains(#""kind": "agent_status""#) } }
    }

    @Test func discoversTheWorkspaceFromASubfolder() throws {
        let workspace = try TemporaryWorkspace("cli-discover")
        try workspace.write("coderef/working/idea/stub.json", #"{"feature_name": "idea", "status": "ready"}"#)
        try workspace.mkdir("some/deep/folder")
        let result = try run(["status", "--json"], cwd: workspace.path("some/deep/folder"))
        #expect(result.status == 0)
        let report = try JSONParser.parse(result.stdout)
        #expect(report["root"]?.stringValue == workspace.root)
        #expect(report["stubs"]?.arrayValue?.first?["feature_name"] == .string("idea"))
    }

    @Test(arguments: [
        (["status", "--root", "/no/such/folder"], "workspace root does not exist"),
        (["--root", "/no/such/folder", "status"], "workspace root does not exist"),
        (["status", "--no-such-flag"], "Unknown option"),
        (["no-such-command", "x"], "unknown command 'no-such-command' (commands: ui, status, start"),
        (["stauts"], "did you mean start or status?"),
        (["status", "--poll", "abc"], "--poll takes milliseconds"),
        (["--theme", "light", "status"], "Unknown option '--theme'"),
    ])
    func usageErrorsExitTwoWithOneLine(arguments: [String], message: String) throws {
        let result = try run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("sessions-hub: "))
        #expect(result.stderr.contains(message))
    }

    @Test func noWorkspaceIsAUsageError() throws {
        let result = try run(["status"], cwd: "/")
        #expect(result.status == 2)
        #expect(result.stderr.contains("no workspace found"))
    }

    @Test func helpListsTheCommands() throws {
        let result = try run(["--help"])
        #expect(result.status == 0)
        for word in ["status", "demo", "--root"] { #expect(result.stdout.contains(word)) }
        let status = try run(["status", "--help"])
        #expect(status.status == 0 && status.stdout.contains("--json"))
    }

    @Test func demoShowsTheBuiltInWorkspaceAndCleansUp() throws {
        let result = try run(["demo", "--json"])
        #expect(result.status == 0)
        let report = try JSONParser.parse(result.stdout)
        let stubs = report["stubs"]?.arrayValue ?? []
        #expect(stubs.count == 5)
        #expect(stubs.contains { $0["breaking_changes"] == .bool(true) })
        #expect(stubs.contains { $0["orchestrator"] == .string("assistant") && $0["agents"]?.intValue == 3 })
        let sessions = report["sessions"]?.arrayValue ?? []
        #expect(sessions.map { $0["name"]?.stringValue ?? "" } == ["api-migration-phase1", "search-index-rebuild-phase1", "search-index-rebuild-phase2"])
        let running = try #require(sessions.first)
        let statuses = Set((running["agents"]?.arrayValue ?? []).compactMap { $0["bucket"]?.stringValue })
        #expect(statuses.count >= 3, "mixed statuses")
        #expect(sessions[1]["derived_status"] == .string("complete"))
        #expect(report["problems"]?.arrayValue?.isEmpty == true)
        let root = try #require(report["root"]?.stringValue)
        #expect(!FileManager.default.fileExists(atPath: root), "the temporary demo folder is removed")
    }
}

@Suite struct DoctorFixTests {
    @Test func doctorFindsAndFixRemovesLeftoverTemporaryFiles() throws {
        let workspace = try TemporaryWorkspace.demo("doctor-fix")
        _ = try workspace.write("coderef/working/api-migration/.stub.json.hub-123-456.tmp", "{")
        try workspace.mkdir(".coderef/sessions/.x-phase1.hub-1-2.tmp")
        let before = try ProcessRunner.run(TestPaths.binary!, ["doctor", "--root", workspace.root])
        #expect(before.stdout.contains("2 temporary file(s) left by interrupted writes"))
        let refused = try ProcessRunner.run(TestPaths.binary!, ["doctor", "--fix", "--root", workspace.root])
        #expect(refused.status == 2 && refused.stderr.contains("pass --yes"), "no terminal to ask on: nothing removed without --yes")
        #expect(refused.stderr.contains("leftover: coderef/working/api-migration/.stub.json.hub-123-456.tmp"), "each path is listed first")
        #expect(FileManager.default.fileExists(atPath: workspace.path("coderef/working/api-migration/.stub.json.hub-123-456.tmp")))
        let fixed = try ProcessRunner.run(TestPaths.binary!, ["doctor", "--fix", "--yes", "--root", workspace.root])
        #expect(fixed.stdout.contains("removed 2 temporary file(s)"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("coderef/working/api-migration/.stub.json.hub-123-456.tmp")))
        #expect(!FileManager.default.fileExists(atPath: workspace.path(".coderef/sessions/.x-phase1.hub-1-2.tmp")))
    }
}

@Suite struct UnarchiveCommandTests {
    @Test func archiveAndUnarchiveRoundTrip() throws {
        let workspace = try TemporaryWorkspace.demo("cli-unarchive")
        let archived = try ProcessRunner.run(TestPaths.binary!, ["archive", "search-index-rebuild-phase1", "--yes", "--root", workspace.root])
        #expect(archived.stdout == ".coderef/sessions/archived/search-index-rebuild-phase1\n")
        let restored = try ProcessRunner.run(TestPaths.binary!, ["unarchive", "search-index-rebuild-phase1", "--yes", "--root", workspace.root])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout == ".coderef/sessions/search-index-rebuild-phase1\n")
        let again = try ProcessRunner.run(TestPaths.binary!, ["unarchive", "search-index-rebuild-phase1", "--yes", "--root", workspace.root])
        #expect(again.status == 2 && again.stderr.contains("no archived session or stub"))
    }
}
