import Foundation
import Testing
import HubTestSupport
@testable import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// Files that are not what they say: FIFOs, devices, links that loop. Loading never hangs on them
/// and says what each is.
@Suite struct HostileFilesTests {
    @Test func aFIFONamedLikeASessionFileIsAProblemNotAHang() throws {
        let workspace = try TemporaryWorkspace("fifo")
        try workspace.mkdir("coderef/sessions/piped")
        #expect(mkfifo(workspace.path("coderef/sessions/piped/communication.json"), 0o644) == 0)
        try workspace.mkdir("coderef/working/idea")
        #expect(mkfifo(workspace.path("coderef/working/idea/stub.json"), 0o644) == 0)
        let started = Date()
        let snapshot = workspace.load()
        #expect(Date().timeIntervalSince(started) < 10, "loading must not wait for a writer")
        #expect(snapshot.problems.contains { $0.path == "coderef/sessions/piped/communication.json" && $0.message.contains("not a regular file: a FIFO") })
        #expect(snapshot.problems.contains { $0.path == "coderef/working/idea/stub.json" && $0.message.contains("FIFO") })
        #expect(SafeRead.text(workspace.path("coderef/sessions/piped/communication.json"), limit: 100).contains("FIFO"), "the viewer says so too")
    }

    @Test func aLinkToADeviceIsNotRead() throws {
        let workspace = try TemporaryWorkspace("device")
        try workspace.mkdir("coderef/sessions/zero")
        #expect(symlink("/dev/zero", workspace.path("coderef/sessions/zero/communication.json")) == 0)
        let snapshot = workspace.load()
        #expect(snapshot.problems.contains { $0.message.contains("not a regular file: a device") })
    }

    @Test func aLinkBackUpIsALoopReportedOnceNotFollowed() throws {
        let workspace = try TemporaryWorkspace("loop")
        _ = try workspace.write("coderef/sessions/s/communication.json", #"{"workorder_id": "WO-S-001", "agents": [{"agent_id": "a", "status": "in_progress"}]}"#)
        #expect(symlink(".", workspace.path("coderef/sessions/s/self")) == 0)
        #expect(symlink(".", workspace.path("coderef/sessions/s/again")) == 0)
        let snapshot = workspace.load()
        #expect(snapshot.sessions.map(\.name) == ["s"])
        #expect(snapshot.sessions.first?.agents.map(\.agentId) == ["a"])
        #expect(snapshot.problems.filter { $0.message.contains("symbolic link loop") }.count == 2)
    }
}

/// Agents edit communication.json with their own tools and take no lock: the hub's locked edit must
/// not lose their update, and must say so when it cannot make its own.
@Suite struct UnlockedWriterTests {
    @Test func aFileReplacedWhileBeingUpdatedIsReReadAndTheChangeMadeAgain() throws {
        let workspace = try TemporaryWorkspace("race")
        let path = try workspace.write("c.json", #"{"a": "1", "b": "1"}"#)
        var calls = 0
        try AtomicFile.update(path) { document in
            calls += 1
            if calls == 1 {
                // Another program renames its own version into place right now.
                try #"{"a": "2", "b": "1"}"#.write(toFile: path + ".other", atomically: false, encoding: .utf8)
                rename(path + ".other", path)
            }
            try document.set("b", to: .string("hub"))
        }
        #expect(calls == 2)
        #expect(try workspace.read("c.json") == #"{"a": "2", "b": "hub"}"#, "both changes survive")
    }

    @Test func aFileThatNeverHoldsStillIsReportedNotOverwritten() throws {
        let workspace = try TemporaryWorkspace("race-forever")
        let path = try workspace.write("c.json", #"{"a": "1"}"#)
        var counter = 0
        #expect(throws: AtomicFile.ChangedUnderneath.self) {
            try AtomicFile.update(path, attempts: 3) { document in
                counter += 1
                try "{\"a\": \"other-\(counter)\"}".write(toFile: path + ".other", atomically: false, encoding: .utf8)
                rename(path + ".other", path)
                try document.set("a", to: .string("hub"))
            }
        }
        #expect(try workspace.read("c.json") == #"{"a": "other-3"}"#, "the other writer's last version stays")
    }
}

@Suite struct ReadOnlyWorkspaceTests {
    @Test func aWriteThatCannotHappenIsOneSentenceAndLeavesNothing() throws {
        let workspace = try TemporaryWorkspace.demo("readonly")
        let snapshot = workspace.load()
        let stub = try #require(snapshot.stubs.first { $0.featureName == "parallel-docs-audit" })
        let plan = try SessionPlanner(layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), now: Date()).plan(stub: stub, snapshot: snapshot)
        // The sessions folder is gone and a file stands in its place: nothing can be created in it
        // (a read-only folder would do, but tests may run as root, who writes anywhere).
        try FileManager.default.removeItem(atPath: workspace.path(".coderef/sessions"))
        _ = try workspace.write(".coderef/sessions", "not a folder")
        #expect {
            try SessionWriter.apply(plan, root: workspace.root)
        } throws: { error in
            let text = "\(error)"
            return text.contains("cannot write") && !text.contains("NSCocoaErrorDomain") && text.contains("nothing was written")
        }
        #expect(try workspace.read("coderef/working/parallel-docs-audit/stub.json").contains("\"promoted\"") == false)
    }

    @Test func foundationErrorsBecomeASentence() {
        let error = NSError(domain: NSCocoaErrorDomain, code: 513, userInfo: [NSFilePathErrorKey: "/ws/.coderef/sessions/x"])
        #expect(WriteErrorText.describe(error) == "cannot write /ws/.coderef/sessions/x: permission denied")
    }
}

/// Nothing is skipped without a word: each odd thing is a problem with its path.
@Suite struct NothingSkippedSilentlyTests {
    @Test func foldersAndBrokenLinksWhereFilesShouldBe() throws {
        let workspace = try TemporaryWorkspace("skipped")
        try workspace.mkdir("coderef/working/dir-stub/stub.json")
        try workspace.mkdir("coderef/working/dangling")
        #expect(symlink("/nonexistent/stub.json", workspace.path("coderef/working/dangling/stub.json")) == 0)
        try workspace.mkdir("coderef/working/looping")
        #expect(symlink("stub.json", workspace.path("coderef/working/looping/stub.json")) == 0)
        try workspace.mkdir("coderef/sessions/s/communication.json")
        _ = try workspace.write("coderef/sessions/s/instructions.json", #"{"task": "x"}"#)
        let problems = workspace.load().problems
        func message(_ path: String) -> String? { problems.first { $0.path == path }?.message }
        #expect(message("coderef/working/dir-stub/stub.json")?.contains("a folder") == true)
        #expect(message("coderef/working/dangling/stub.json")?.contains("symbolic link to nothing") == true)
        #expect(message("coderef/working/looping/stub.json")?.contains("symbolic link loop") == true)
        #expect(message("coderef/sessions/s/communication.json")?.contains("a folder") == true)
    }

    @Test func wrongTypedFieldsAreProblemsWithTheirFieldNamed() throws {
        let workspace = try TemporaryWorkspace("wrong-types")
        let stubs: [(String, String, String)] = [
            ("a", #""agents_involved": "x, y""#, "agents_involved: expected a list of strings, found a string"),
            ("b", #""priority": {"why": 1}"#, "priority: expected a word"),
            ("c", #""scope": 5"#, "scope: expected an object, a list or a text, found number"),
            ("d", #""session_phases": "one""#, "session_phases: expected a list of strings, found a string"),
            ("e", #""breaking_changes": ["x"]"#, "breaking_changes: expected true, false or a text, found a list"),
            ("f", #""created": 2026.5"#, "created: expected a date string, found number 2026.5"),
        ]
        for (name, field, _) in stubs {
            try workspace.write("coderef/working/\(name)/stub.json", #"{"feature_name": "\#(name)", "status": "ready", \#(field)}"#)
        }
        try workspace.write("coderef/sessions/s/communication.json", #"{"workorder_id": 12, "agents": [{"agent_id": "a", "status": "in_progress"}]}"#)
        try workspace.mkdir("coderef/sessions/s/instructions.json")
        let snapshot = workspace.load()
        for (name, _, expected) in stubs {
            #expect(snapshot.problems.contains { $0.path == "coderef/working/\(name)/stub.json" && $0.message.contains(expected) }, "\(name)")
        }
        #expect(snapshot.stubs.count == 6, "every stub is still listed")
        #expect(snapshot.problems.contains { $0.path == "coderef/sessions/s/communication.json" && $0.message.contains("workorder_id: expected a string, found number 12") })
        #expect(snapshot.problems.contains { $0.path == "coderef/sessions/s/instructions.json" && $0.message.contains("a folder") })
        #expect(snapshot.sessions.first?.workorderId == "12")
    }

    @Test func invalidUTF8IsReportedWithItsOffset() throws {
        let workspace = try TemporaryWorkspace("utf8")
        _ = try workspace.write("coderef/working/bad/stub.json", bytes: Array(#"{"feature_name": "bad", "status": "planning", "notes": "caf"#.utf8) + [0xE9] + Array(#""}"#.utf8))
        let snapshot = workspace.load()
        #expect(snapshot.problems.contains { $0.path == "coderef/working/bad/stub.json" && $0.message.contains("not valid UTF-8 at byte 59") })
        #expect(snapshot.stubs.first?.status.word == "planning", "the rest is still read")
        #expect(UTF8Check.firstInvalidOffset(Array("ok é ✓ 🚀".utf8)) == nil)
        #expect(UTF8Check.firstInvalidOffset([0x61, 0xED, 0xA0, 0x80]) == 1, "a UTF-16 surrogate written as UTF-8")
    }
}

@Suite struct UnreadableFolderTests {
    /// A folder that cannot be listed is a problem with its path, not an empty folder. (Root reads
    /// any folder, so the test looks only where the permission really holds.)
    @Test func aFolderThatCannotBeListedIsAProblem() throws {
        guard getuid() != 0 else {
            let log = ProblemLog()
            #expect(log.subdirectories(of: "/proc/1/fdinfo-does-not-exist", shownAs: "x").isEmpty)
            #expect(log.problems.isEmpty, "a folder that is not there is not a problem")
            return
        }
        let workspace = try TemporaryWorkspace("unreadable-folder")
        _ = try workspace.write("coderef/sessions/locked/communication.json", #"{"agents": []}"#)
        chmod(workspace.path("coderef/sessions/locked"), 0)
        defer { chmod(workspace.path("coderef/sessions/locked"), 0o755) }
        #expect(workspace.load().problems.contains { $0.path == "coderef/sessions/locked" && $0.message.contains("cannot be read") })
    }
}
