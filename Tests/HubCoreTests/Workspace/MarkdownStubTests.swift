import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// [FORMATS] Markdown stubs (`coderef/stubs/STUB-…md`): read as stubs, promoted in place by a start.
@Suite struct MarkdownStubTests {
    static let text = """
    # STUB-K7Q2 — Dark mode for the dashboard

    - **ID:** STUB-K7Q2
    - **Feature:** dark-mode
    - **Category:** feature
    - **Priority:** High
    - **Status:** planned
    - **Target project:** coderef-dashboard
    - **Created:** 2026-08-12
    - **Agents:** assistant (orchestrator), web-client, docs-writer

    The dashboard follows the system theme.
    Tokens come from the design system.

    """

    @Test func readAsAStubAndPromotedInPlaceByAStart() throws {
        let workspace = try TemporaryWorkspace("markdown-stub")
        try workspace.write("coderef/stubs/STUB-K7Q2-dark-mode.md", Self.text)
        try workspace.write("coderef/stubs/notes.txt", "not a stub")
        let snapshot = workspace.load()
        let stub = try #require(snapshot.stubs.first { $0.featureName == "dark-mode" })
        #expect(snapshot.stubs.count == 1)
        #expect(stub.stubId == "STUB-K7Q2" && stub.title == "Dark mode for the dashboard" && stub.category == "feature")
        #expect(stub.priority == "high" && stub.status.word == "planned" && stub.project == "coderef-dashboard" && stub.created == "2026-08-12")
        #expect(stub.agents == ["web-client", "docs-writer"] && stub.orchestrator == "assistant")
        #expect(stub.description == "The dashboard follows the system theme.\nTokens come from the design system.")
        #expect(stub.path == "coderef/stubs/STUB-K7Q2-dark-mode.md")

        let plan = try SessionPlanner(layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), now: Date()).plan(stub: stub, snapshot: snapshot)
        try SessionWriter.apply(plan, root: workspace.root)
        let after = try workspace.read("coderef/stubs/STUB-K7Q2-dark-mode.md")
        #expect(after == Self.text.replacingOccurrences(of: "- **Status:** planned", with: "- **Status:** promoted\n- **Promoted to:** \(plan.workorderId)"),
                "only the status bullet changed, and the promoted-to bullet follows it")
        let promoted = try #require(workspace.load().stubs.first)
        #expect(promoted.status.word == "promoted" && promoted.promotedTo == plan.workorderId)
        #expect(workspace.load().sessions.count == 1)
    }

    /// A stub written on Windows (CRLF): read the same, and promoted with its CRLF endings kept.
    @Test func aWindowsFileIsReadAndKeepsItsLineEndings() throws {
        let workspace = try TemporaryWorkspace("markdown-stub-crlf")
        let crlf = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        try workspace.write("coderef/stubs/STUB-K7Q2-dark-mode.md", crlf)
        let stub = try #require(workspace.load().stubs.first)
        #expect(stub.stubId == "STUB-K7Q2" && stub.status.word == "planned" && stub.agents == ["web-client", "docs-writer"])
        #expect(stub.description == "The dashboard follows the system theme.\nTokens come from the design system.")
        try MarkdownStub.promote(workspace.path("coderef/stubs/STUB-K7Q2-dark-mode.md"), to: "WO-X-001", root: workspace.root)
        let after = try workspace.read("coderef/stubs/STUB-K7Q2-dark-mode.md")
        #expect(after == crlf.replacingOccurrences(of: "- **Status:** planned", with: "- **Status:** promoted\r\n- **Promoted to:** WO-X-001"))
    }

    @Test func archivingMovesTheFileNotItsFolder() throws {
        let workspace = try TemporaryWorkspace("markdown-stub-archive")
        try workspace.write("coderef/stubs/STUB-K7Q2-dark-mode.md", Self.text.replacingOccurrences(of: "planned", with: "complete"))
        try workspace.write("coderef/stubs/STUB-OTHER-x.md", "# STUB-OTHER — x\n- **Status:** planned\n")
        let stub = try #require(workspace.load().stubs.first { $0.featureName == "dark-mode" })
        let plan = try Archiver.plan(stub: stub, layout: WorkspaceLayout(root: workspace.root))
        #expect(plan.displayTo == "coderef/stubs/archived/STUB-K7Q2-dark-mode.md" && plan.warnings.isEmpty)
        try Archiver.apply(plan)
        #expect(FileManager.default.fileExists(atPath: workspace.path("coderef/stubs/STUB-OTHER-x.md")), "the other stubs stay")
        let archived = try #require(workspace.load().stubs.first { $0.featureName == "dark-mode" })
        #expect(archived.archived)
        let back = try Archiver.restorePlan(stub: archived, layout: WorkspaceLayout(root: workspace.root))
        #expect(back.displayTo == "coderef/stubs/STUB-K7Q2-dark-mode.md")
    }
}
