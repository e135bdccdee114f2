import Testing
import HubTestSupport
@testable import HubCore

/// The real-world workspace in ../shared/corpus: every file loads, the counts are right, the two
/// malformed files are problems and nothing else from them is lost.
@Suite(.enabled(if: TestPaths.corpusExists, "needs ../shared/corpus/workspace beside the package"))
struct CorpusTests {
    let snapshot = WorkspaceLoader(
        layout: WorkspaceLayout(root: TestPaths.corpus),
        resolver: PathResolver(root: TestPaths.corpus, driveMountRoot: nil)
    ).load()

    @Test func loadsEveryStub() {
        #expect(snapshot.stubs.count == 58)
        #expect(Set(snapshot.stubs.map(\.path)).count == 58)
        #expect(snapshot.stubs.filter { $0.status.bucket == .notStarted }.count == 57)
        let other = snapshot.stubs.filter { $0.status.bucket == .other }
        #expect(other.map(\.status.word) == ["brainstorming"])
    }

    @Test func readsMultiAgentStubs() throws {
        let uds = try #require(snapshot.stubs.first { $0.featureName == "coderef-ecosystem-docs-uds-compliance" })
        #expect(uds.orchestrator == "assistant")
        #expect(uds.agents.count == 7)
        #expect(uds.scope.count > 0)
        #expect(uds.phases.count == 3)
        let naming = try #require(snapshot.stubs.first { $0.featureName == "coderef-ecosystem-naming-standardization" })
        #expect(naming.orchestrator == "assistant/coderef-assistant")
        #expect(naming.breakingChanges)
        #expect(naming.phases.count == 9)
    }

    @Test func loadsEverySessionWithItsAgents() {
        let expected: [String: (agents: Int, complete: Int, derived: StatusBucket, stored: String?)] = [
            "coderef-core-dashboard-integration": (2, 2, .complete, "in_progress"),
            "context-enhancement-v2": (2, 2, .complete, "complete"),
            // Every agent is complete, but the orchestrator is still "monitoring_phase_3".
            "csv-ecosystem-sync": (9, 9, .inProgress, "phase_2_complete"),
            "explorer-sidebar-ux-improvements": (4, 4, .complete, "complete"),
            "foundation-docs-cleanup": (2, 2, .complete, "complete"),
            "foundation-docs-consolidation-review": (3, 3, .complete, "complete"),
            "scanner-complete-integration": (3, 2, .inProgress, "complete"),
            "stub-validation-migration": (3, 3, .complete, "complete"),
            "universal-context-menu-system": (3, 1, .inProgress, "not_started"),
            "validator-integration": (4, 3, .inProgress, "ready_for_testing"),
            "validator-integration/testing": (1, 0, .notStarted, "not_started"),
        ]
        #expect(Set(snapshot.sessions.map(\.name)) == Set(expected.keys))
        for session in snapshot.sessions {
            guard let want = expected[session.name] else { continue }
            #expect(session.agents.count == want.agents, "\(session.name) agents")
            #expect(session.agentsComplete == want.complete, "\(session.name) complete")
            #expect(session.derivedStatus == want.derived, "\(session.name) derived")
            #expect(session.storedStatus?.word == want.stored, "\(session.name) stored")
            #expect(session.orchestrator != nil, "\(session.name) orchestrator")
        }
        #expect(snapshot.sessions.reduce(0) { $0 + $1.agents.count } == 36)
    }

    @Test func storedWordIsFlaggedWhenItDisagrees() throws {
        let csv = try #require(snapshot.sessions.first { $0.name == "csv-ecosystem-sync" })
        #expect(csv.storedStatus?.bucket == .inProgress, "phase_2_complete is in progress")
        #expect(!csv.storedStatusDisagrees, "in progress: the orchestrator has not finished")
        #expect(csv.waitingOnOrchestrator)
        #expect(csv.statusLabel == "in progress · orchestrator")
        let scanner = try #require(snapshot.sessions.first { $0.name == "scanner-complete-integration" })
        #expect(scanner.storedStatusDisagrees, "the file says complete while an agent is not")
        let cleanup = try #require(snapshot.sessions.first { $0.name == "foundation-docs-cleanup" })
        #expect(!cleanup.storedStatusDisagrees)
    }

    @Test func nestedFilesWinAndGiveTasks() throws {
        let csv = try #require(snapshot.sessions.first { $0.name == "csv-ecosystem-sync" })
        let docs = try #require(csv.agents.first { $0.agentId == "coderef-docs" })
        #expect(docs.status.word == "complete")
        #expect(docs.rootStatus?.word == "not_started", "the root file's stale word is kept for display")
        #expect(docs.tasksDone == 5 && docs.tasksTotal == 5)
        #expect(docs.nestedFile == "coderef/sessions/csv-ecosystem-sync/coderef-docs/communication.json")
        #expect(docs.outputExists)
        let menu = try #require(snapshot.sessions.first { $0.name == "universal-context-menu-system" })
        let papertrail = try #require(menu.agents.first { $0.agentId == "papertrail" })
        #expect(papertrail.tasksDone == 0 && papertrail.tasksTotal == 3)
    }

    @Test func subSessionIsLinkedNotAnAgent() throws {
        let parent = try #require(snapshot.sessions.first { $0.name == "validator-integration" })
        #expect(!parent.agents.contains { $0.agentId == "testing" })
        let child = try #require(snapshot.sessions.first { $0.name == "validator-integration/testing" })
        #expect(child.parent == parent.path)
        #expect(child.workorderId == "validator-integration-testing")
    }

    @Test func windowsOutputPathsResolveInsideTheSession() throws {
        let explorer = try #require(snapshot.sessions.first { $0.name == "explorer-sidebar-ux-improvements" })
        let dashboard = try #require(explorer.agents.first { $0.agentId == "coderef-dashboard" })
        #expect(dashboard.outputFile?.hasPrefix("C:\\") == true)
        #expect(dashboard.outputResolved?.hasSuffix("explorer-sidebar-ux-improvements/coderef-dashboard/outputs/coderef-dashboard-phase1-output.md") == true)
        let cleanup = try #require(snapshot.sessions.first { $0.name == "foundation-docs-cleanup" })
        #expect(cleanup.agents.first { $0.agentId == "coderef-workflow" }?.outputExists == false, "that output is not in the corpus")
    }

    @Test func malformedFilesAreProblemsAndNothingElseIsLost() throws {
        #expect(snapshot.problems.map(\.path).sorted() == [
            "coderef/sessions/csv-ecosystem-sync/coderef-dashboard/instructions.json",
            "coderef/sessions/foundation-docs-consolidation-review/coderef-context-output.json",
        ])
        #expect(snapshot.problems.allSatisfy { $0.message.contains("line ") && $0.message.contains("column ") })
        // The agent whose instructions are broken is still there, with its state from its own file.
        let csv = try #require(snapshot.sessions.first { $0.name == "csv-ecosystem-sync" })
        let dashboard = try #require(csv.agents.first { $0.agentId == "coderef-dashboard" })
        #expect(dashboard.status.word == "complete" && dashboard.tasksTotal == 4)
        // The agent whose output is broken is still there, its output found.
        let review = try #require(snapshot.sessions.first { $0.name == "foundation-docs-consolidation-review" })
        #expect(review.agents.first { $0.agentId == "coderef-context" }?.outputExists == true)
    }

    @Test func looseFilesBesideSessionsAreIgnored() {
        #expect(!snapshot.sessions.contains { $0.name.hasSuffix(".md") || $0.name.hasSuffix(".json") })
        #expect(!snapshot.sessions.contains { $0.name == "claude-md-standards" }, "a folder of notes only is not a session")
    }

    @Test func reportJSONHasTheDocumentedShape() throws {
        let report = StatusReport.json(snapshot)
        let text = JSONPrinter.compact(report)
        let reparsed = try JSONParser.parse(text)
        #expect(reparsed["stubs"]?.arrayValue?.count == 58)
        let stub = try #require(reparsed["stubs"]?.arrayValue?.first?.objectValue)
        for key in ["feature_name", "path", "status", "bucket", "agents", "orchestrator", "breaking_changes", "priority"] {
            #expect(stub[key] != nil, "stub key \(key)")
        }
        let session = try #require(reparsed["sessions"]?.arrayValue?.first?.objectValue)
        for key in ["name", "path", "workorder_id", "phase", "stored_status", "derived_status", "agents"] {
            #expect(session[key] != nil, "session key \(key)")
        }
        let agent = try #require(session["agents"]?.arrayValue?.first?.objectValue)
        for key in ["agent_id", "status", "bucket", "tasks_done", "tasks_total", "output_file", "output_exists"] {
            #expect(agent[key] != nil, "agent key \(key)")
        }
        #expect(reparsed["workorders"]?.arrayValue != nil)
        #expect(reparsed["problems"]?.arrayValue?.count == 2)
    }
}

/// Round trip on a real file: change one agent's status; the diff is exactly that value.
@Suite(.enabled(if: TestPaths.corpusExists, "needs ../shared/corpus/workspace beside the package"))
struct CorpusRoundTripTests {
    @Test(arguments: [
        "coderef/sessions/explorer-sidebar-ux-improvements/communication.json",
        "coderef/sessions/coderef-core-dashboard-integration/communication.json",
    ])
    func changingOneStatusChangesOnlyThatValue(relative: String) throws {
        let workspace = try TemporaryWorkspace("roundtrip")
        try workspace.copyContents(of: TestPaths.corpus)
        let path = workspace.path(relative)
        let before = try FileSystem.read(path)
        let hadBOM = before.starts(with: [0xEF, 0xBB, 0xBF])
        try AtomicFile.update(path) { document in
            try document.set(["agents", 1, "status"], to: .string("blocked"))
        }
        let after = try FileSystem.read(path)
        #expect(!after.starts(with: [0xEF, 0xBB, 0xBF]), "output is BOM-free")
        let beforeText = String(decoding: hadBOM ? Array(before.dropFirst(3)) : before, as: UTF8.self)
        let afterText = String(decoding: after, as: UTF8.self)
        let beforeLines = beforeText.split(separator: "\n", omittingEmptySubsequences: false)
        let afterLines = afterText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(beforeLines.count == afterLines.count)
        let changed = zip(beforeLines, afterLines).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first?.1.contains("\"blocked\"") == true)
        #expect(changed.first?.0.replacingOccurrences(of: "\"complete\"", with: "\"blocked\"") == changed.first.map { String($0.1) })
        // Values compare equal everywhere except the one we set.
        var expected = try JSONParser.parse(before)
        var agents = try #require(expected["agents"]?.arrayValue)
        var second = try #require(agents[1].objectValue)
        second["status"] = .string("blocked")
        agents[1] = .object(second)
        var root = try #require(expected.objectValue)
        root["agents"] = .array(agents)
        expected = .object(root)
        #expect(try JSONParser.parse(after) == expected)
    }
}
