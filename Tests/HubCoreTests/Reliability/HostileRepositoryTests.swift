import Foundation
import Testing
import HubTestSupport
@testable import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// A workspace is someone else's repository: its names and links try to make the hub act outside it.
@Suite struct HostileRepositoryTests {
    // MARK: names

    @Test func completionWordsAreOnlyNamesAShellTakesLiterally() {
        let hostile = ["$(touch pwned)", "`touch pwned`", "${HOME}", "a b", "semi;colon", "quote'd", "new\nline", "-rf", "~root", "pipe|x", "glob*", "back\\slash", "#(x)", "a\u{202E}b"]
        #expect(HostileNames.completionWords(hostile).isEmpty)
        let fine = ["api-migration-phase1", "docs_writer", "papertrail.v2", "WO-X-001", "x+y", "user@host", "café", "日本語"]
        #expect(HostileNames.completionWords(fine) == fine)
    }

    @Test func tmuxLiteralDoublesEveryHash() {
        #expect(HostileNames.tmuxLiteral("/w/#(touch pwned)/#{pane_id}") == "/w/##(touch pwned)/##{pane_id}")
        #expect(HostileNames.tmuxLiteral("plain") == "plain")
    }

    @Test func agentIdsWithControlsAreRefusedWhenASessionIsPlanned() throws {
        let workspace = try TemporaryWorkspace("hostile-ids")
        for id in ["evil\u{1B}]52;c;cHduZWQ=\u{07}", "rtl\u{202E}txt", "bell\u{07}"] {
            let stub = """
            {"feature_name": "f", "description": "d", "status": "ready", "agents_involved": [\(JSONPrinter.compact(.string(id)))]}
            """
            try workspace.write("coderef/working/f/stub.json", stub)
            let snapshot = workspace.load()
            let planned = Result { try SessionPlanner(layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), now: Date()).plan(stub: snapshot.stubs[0], snapshot: snapshot) }
            guard case .failure(let error) = planned else {
                Issue.record("an agent id with controls was accepted")
                continue
            }
            #expect("\(error)".contains("control character"))
            #expect(TerminalText.isPrintable("\(error)"), "the refusal itself carries no control")
        }
    }

    @Test func aReadmeNeverCarriesControlsFromTheStub() throws {
        let workspace = try TemporaryWorkspace("hostile-readme")
        try workspace.write("coderef/working/f/stub.json", #"{"feature_name": "f", "description": "d\u001b]52;c;eA==\u0007", "status": "ready", "agents_involved": ["a"], "session_phases": ["one\u001b[2J"]}"#)
        let snapshot = workspace.load()
        let plan = try SessionPlanner(layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), now: Date()).plan(stub: snapshot.stubs[0], snapshot: snapshot)
        let readme = try #require(plan.files.first { $0.name == "README.md" }).text
        #expect(!readme.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    // MARK: links out of the root

    @Test func aPathThroughALinkOutOfTheRootIsRefused() throws {
        let workspace = try TemporaryWorkspace("hostile-link")
        let victim = try TemporaryWorkspace("hostile-victim")
        try workspace.mkdir(".coderef")
        #expect(symlink(victim.root, workspace.path(".coderef/sessions-hub")) == 0)
        #expect(throws: RootedPath.Outside.self) { try HubStateFolder.prepare("history.jsonl", root: workspace.root) }
        #expect(!RootedPath.isInside(workspace.path(".coderef/sessions-hub/handoffs.json"), root: workspace.root))
        #expect(RootedPath.isInside(workspace.path("coderef/sessions/new/communication.json"), root: workspace.root), "a path that does not exist yet")
        // A dangling link is followed to where a write would land.
        #expect(symlink(victim.path("not-yet"), workspace.path("dangling")) == 0)
        #expect(!RootedPath.isInside(workspace.path("dangling/file"), root: workspace.root))
    }

    @Test func theHubsOwnFilesAreNeverWrittenThroughALinkedStateFolder() throws {
        let workspace = try TemporaryWorkspace.demo("hostile-state")
        let victim = try TemporaryWorkspace("hostile-state-victim")
        try? FileManager.default.removeItem(atPath: workspace.path(".coderef/sessions-hub"))
        #expect(symlink(victim.root, workspace.path(".coderef/sessions-hub")) == 0)
        let entry = StatusHistory.Entry(time: Date(), session: "s", agent: "a", from: nil, to: "complete")
        #expect(throws: RootedPath.Outside.self) { try StatusHistory.append([entry], root: workspace.root) }
        #expect(throws: RootedPath.Outside.self) { try HandoffLog.record(root: workspace.root, session: "s", agents: ["a"], at: Date()) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: victim.root).isEmpty, "nothing was written outside the root, not even a lock")
    }

    @Test func doctorFixRemovesOnlyWhatTheHubWroteInsideTheRoot() throws {
        let workspace = try TemporaryWorkspace.demo("hostile-doctor")
        let victim = try TemporaryWorkspace("hostile-doctor-victim")
        try victim.write(".precious.hub-1-2.tmp", "keep")
        try victim.write("mine/.notes.hub-3-4.tmp/notes.txt", "my own folder")
        // The untrusted config names a folder outside the root; a link leads out too.
        try workspace.write(".coderef/hub.toml", "[workspace]\nsessions = [\"../\(WorkspacePaths.lastComponent(victim.root))\", \".coderef/sessions\"]\n")
        #expect(symlink(victim.path("mine"), workspace.path(".coderef/sessions/linked")) == 0)
        // Look-alikes inside the root: a loose pattern, and a folder holding a person's work.
        try workspace.write(".coderef/sessions/.draft.hub-notes.tmp", "not ours: no pid and counter")
        try workspace.write(".coderef/sessions/.mine.hub-5-6.tmp/plan.md", "a person's file")
        // What a killed hub write really leaves.
        try workspace.write(".coderef/sessions/.x-phase1.hub-7-8.tmp/communication.json", "{")
        try workspace.write("coderef/working/api-migration/.stub.json.hub-9-10.tmp", "{")
        let (settings, _) = ConfigLoader.load(root: workspace.root, environment: [:])
        let layout = WorkspaceLayout(root: workspace.root, sessionDirectories: try #require(settings.sessionDirectories))
        let found = LeftoverFiles.find(layout)
        #expect(found.removable == [workspace.path(".coderef/sessions/.x-phase1.hub-7-8.tmp"), workspace.path("coderef/working/api-migration/.stub.json.hub-9-10.tmp")])
        #expect(found.kept.map(\.path) == [workspace.path(".coderef/sessions/.mine.hub-5-6.tmp")])
        #expect(LeftoverFiles.remove(found.removable + found.kept.map(\.path), root: workspace.root) == found.kept.map(\.path))
        #expect(FileManager.default.fileExists(atPath: victim.path(".precious.hub-1-2.tmp")))
        #expect(FileManager.default.fileExists(atPath: victim.path("mine/.notes.hub-3-4.tmp/notes.txt")))
        #expect(FileManager.default.fileExists(atPath: workspace.path(".coderef/sessions/.draft.hub-notes.tmp")))
        #expect(FileManager.default.fileExists(atPath: workspace.path(".coderef/sessions/.mine.hub-5-6.tmp/plan.md")))
        #expect(!FileManager.default.fileExists(atPath: workspace.path(".coderef/sessions/.x-phase1.hub-7-8.tmp")))
    }

    // MARK: the hub's history

    @Test func aHugeHistoryIsTrimmedFromItsTailNotWiped() throws {
        let workspace = try TemporaryWorkspace("hostile-history")
        var big: [UInt8] = []
        let line = Array(#"{"time": "2026-01-01T00:00:00Z", "session": "s", "agent": "old", "from": null, "to": "in_progress", "note": null}"#.utf8) + [10]
        while big.count < 8 * StatusHistory.limit { big += line }
        try workspace.write(StatusHistory.relativePath, bytes: big)
        try StatusHistory.append([StatusHistory.Entry(time: Date(), session: "s", agent: "new", from: nil, to: "complete")], root: workspace.root)
        let entries = StatusHistory.load(root: workspace.root)
        #expect(entries.count > 1000, "the older entries' tail is kept")
        #expect(entries.last?.agent == "new")
        #expect(try FileSystem.size(workspace.path(StatusHistory.relativePath))! <= StatusHistory.limit)
    }

    @Test func aHugeStatusWordDoesNotEmptyTheHistory() throws {
        let workspace = try TemporaryWorkspace("hostile-history-word")
        try StatusHistory.append([StatusHistory.Entry(time: Date(), session: "s", agent: "first", from: nil, to: "in_progress")], root: workspace.root)
        let word = String(repeating: "x", count: 2 * StatusHistory.limit)
        try StatusHistory.append([StatusHistory.Entry(time: Date(), session: "s", agent: "second", from: nil, to: word)], root: workspace.root)
        let entries = StatusHistory.load(root: workspace.root)
        #expect(entries.map(\.agent) == ["first", "second"])
        #expect((entries.last?.to?.utf8.count ?? 0) <= StatusHistory.fieldLimit)
    }

    @Test func anUnreadableHistoryIsMovedAsideNotOverwritten() throws {
        let workspace = try TemporaryWorkspace("hostile-history-fifo")
        try workspace.mkdir(".coderef/sessions-hub")
        #expect(mkfifo(workspace.path(StatusHistory.relativePath), 0o644) == 0)
        try StatusHistory.append([StatusHistory.Entry(time: Date(), session: "s", agent: "a", from: nil, to: "complete")], root: workspace.root)
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.path(".coderef/sessions-hub"))
        #expect(names.contains { $0.hasPrefix("history.jsonl.unreadable-") })
        #expect(StatusHistory.load(root: workspace.root).map(\.agent) == ["a"])
    }
}
