import Foundation
import Testing
import HubTestSupport
@testable import HubCore

@Suite(.enabled(if: TestPaths.corpusExists))
struct SessionWriterTests {
    let feature = "coderef-ecosystem-docs-uds-compliance"

    func prepared() throws -> (TemporaryWorkspace, SessionPlan, [UInt8]) {
        let workspace = try TemporaryWorkspace("writer")
        try workspace.copyContents(of: TestPaths.corpus)
        let snapshot = workspace.load()
        let stub = try #require(snapshot.stubs.first { $0.featureName == feature })
        let plan = try SessionPlanner(layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), now: Date()).plan(stub: stub, snapshot: snapshot)
        return (workspace, plan, try FileSystem.read(stub.absolutePath))
    }

    @Test func createsTheSessionAndPromotesTheStubKeepingEverythingElse() throws {
        let (workspace, plan, stubBefore) = try prepared()
        try SessionWriter.apply(plan, root: workspace.root)
        for file in plan.files { #expect(FileSystem.isFile(FileSystem.join(plan.folder, file.name))) }
        let snapshot = workspace.load()
        let session = try #require(snapshot.session(at: plan.displayFolder))
        #expect(session.workorderId == plan.workorderId)
        #expect(session.agents.map(\.agentId) == plan.agents)
        #expect(session.derivedStatus == .notStarted)
        #expect(session.instructions?.steps(for: plan.agents[0])?.isEmpty == false)
        #expect(snapshot.problems.count == 2, "the new files read cleanly")
        // The stub: only status changed and promoted_to added; every other member, its order and type kept.
        let stubAfter = try FileSystem.read(plan.stubAbsolutePath)
        var expected = try #require(try JSONParser.parse(stubBefore).objectValue)
        expected["status"] = .string("promoted")
        expected["promoted_to"] = .string(plan.workorderId)
        #expect(try JSONParser.parse(stubAfter) == .object(expected))
        let before = String(decoding: stubBefore, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let after = String(decoding: stubAfter, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(after.count == before.count + 1, "one line added: promoted_to")
        #expect(after.filter { !before.contains($0) }.count == 3, "the status line, the comma after the last member, promoted_to")
        #expect(before.filter { !after.contains($0) }.count == 2)
        #expect(snapshot.stubs.first { $0.featureName == feature }?.promotedTo == plan.workorderId)
        #expect(snapshot.sessions(for: snapshot.stubs.first { $0.featureName == feature }!).count == 1)
    }

    @Test(arguments: ["mkdir", "write communication.json", "write instructions.json", "write README.md", "rename", "promote stub"])
    func aFailureAtAnyStepLeavesNothingBehind(step: String) throws {
        let (workspace, plan, stubBefore) = try prepared()
        struct Injected: Error {}
        #expect(throws: SessionWriter.Failure.self) {
            try SessionWriter.apply(plan, root: workspace.root) { if $0 == step { throw Injected() } }
        }
        #expect(!FileSystem.exists(plan.folder))
        let leftovers = FileSystem.entries(WorkspacePaths.parent(plan.folder)).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
        #expect(try FileSystem.read(plan.stubAbsolutePath) == stubBefore)
    }

    @Test func neverOverwritesAnExistingSession() throws {
        let (workspace, plan, stubBefore) = try prepared()
        try workspace.write(plan.displayFolder + "/communication.json", #"{"someone": "else"}"#)
        #expect(throws: SessionWriter.Failure.exists(plan.displayFolder)) { try SessionWriter.apply(plan, root: workspace.root) }
        #expect(try workspace.read(plan.displayFolder + "/communication.json") == #"{"someone": "else"}"#)
        #expect(try FileSystem.read(plan.stubAbsolutePath) == stubBefore)
    }

    @Test func refusesToWriteOutsideTheRoot() throws {
        let (workspace, plan, _) = try prepared()
        var outside = plan
        outside.folder = "/tmp/elsewhere-\(UUID().uuidString)"
        #expect(throws: SessionWriter.Failure.outsideWorkspace(outside.folder)) { try SessionWriter.apply(outside, root: workspace.root) }
        #expect(!FileSystem.exists(outside.folder))
    }
}

/// A start killed between its two changes is finished or undone by the next hub command.
@Suite struct StartJournalTests {
    func plan(_ workspace: TemporaryWorkspace) throws -> SessionPlan {
        try DemoWorkspace.write(to: workspace.root)
        let snapshot = workspace.load()
        let stub = try #require(snapshot.stubs.first { $0.featureName == "parallel-docs-audit" })
        return try SessionPlanner(layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), now: Date()).plan(stub: stub, snapshot: snapshot)
    }

    @Test func killedAfterTheFolderArrivedTheStubIsPromotedNext() throws {
        let workspace = try TemporaryWorkspace("journal-finish")
        let plan = try plan(workspace)
        // What a process killed right after the rename leaves: the journal and the folder.
        try StartJournal.open(plan, root: workspace.root)
        try FileManager.default.createDirectory(atPath: plan.folder, withIntermediateDirectories: true)
        for file in plan.files { try file.text.write(toFile: plan.folder + "/" + file.name, atomically: true, encoding: .utf8) }
        #expect(!(try workspace.read("coderef/working/parallel-docs-audit/stub.json")).contains("\"promoted\""))
        let done = StartJournal.recover(root: workspace.root)
        #expect(done.first?.contains("finished starting parallel-docs-audit-phase1") == true)
        let stub = try workspace.read("coderef/working/parallel-docs-audit/stub.json")
        #expect(stub.contains("\"promoted\"") && stub.contains(plan.workorderId))
        #expect(StartJournal.recover(root: workspace.root).isEmpty, "done once")
    }

    @Test func killedBeforeTheFolderArrivedNothingIsLeft() throws {
        let workspace = try TemporaryWorkspace("journal-undo")
        let plan = try plan(workspace)
        try StartJournal.open(plan, root: workspace.root)
        let temporary = WorkspacePaths.parent(plan.folder) + "/.parallel-docs-audit-phase1.hub-1-2.tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let done = StartJournal.recover(root: workspace.root)
        #expect(done.first?.contains("undid") == true)
        #expect(!FileManager.default.fileExists(atPath: temporary))
        #expect(!FileManager.default.fileExists(atPath: plan.folder))
        #expect(!(try workspace.read("coderef/working/parallel-docs-audit/stub.json")).contains("\"promoted\""))
    }

    @Test func aNormalStartLeavesNoJournal() throws {
        let workspace = try TemporaryWorkspace("journal-clean")
        let plan = try plan(workspace)
        try SessionWriter.apply(plan, root: workspace.root)
        #expect(FileSystem.entries(workspace.path(StartJournal.relativeFolder)).isEmpty)
    }
}
