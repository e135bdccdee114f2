import Testing
import HubTestSupport
@testable import HubCore

/// Bad input of every kind: never a crash, never a dropped file, always a problem with its path.
@Suite struct EdgeCaseTests {
    @Test func emptyAndHalfWrittenFilesArePartsOfTheSnapshot() throws {
        let workspace = try TemporaryWorkspace("edges")
        try workspace.write("coderef/working/empty/stub.json", "")
        try workspace.write("coderef/working/half/stub.json", #"{"feature_name": "half", "stat"#)
        try workspace.write("coderef/sessions/empty/communication.json", "")
        try workspace.write("coderef/sessions/half/communication.json", #"{"workorder_id": "WO-H-001", "agents": [{"agent_id": "a", "status": "compl"#)
        try workspace.write("coderef/sessions/ok/communication.json", #"{"agents": [{"agent_id": "a", "status": "complete"}]}"#)
        try workspace.write("coderef/sessions/ok/a/communication.json", "{\"agent_id\": \"a\", \"status\": ")
        let snapshot = workspace.load()
        #expect(snapshot.stubs.map(\.featureName) == ["empty", "half"])
        #expect(snapshot.sessions.map(\.name) == ["empty", "half", "ok"])
        let ok = try #require(snapshot.sessions.first { $0.name == "ok" })
        #expect(ok.agents.first?.status.word == "complete", "an unreadable nested file leaves the last good state")
        #expect(Set(snapshot.problems.map(\.path)) == [
            "coderef/working/empty/stub.json", "coderef/working/half/stub.json",
            "coderef/sessions/empty/communication.json", "coderef/sessions/half/communication.json",
            "coderef/sessions/ok/a/communication.json",
        ])
        #expect(snapshot.problems.first { $0.path.hasSuffix("empty/stub.json") }?.message.contains("empty") == true)
    }

    @Test func wrongTypesEverywhereAreNotedWithTheirField() throws {
        let workspace = try TemporaryWorkspace("types")
        try workspace.write("coderef/working/odd/stub.json", #"{"feature_name": ["not", "a", "string"], "status": 3, "agents_involved": "solo (orchestrator)", "tags": [1, {"x": 1}], "scope": 42, "session_phases": {"a": 1}}"#)
        try workspace.write("coderef/sessions/odd/communication.json", #"{"workorder_id": 17, "status": false, "orchestrator": [1], "agents": [42, {"agent_id": "a", "status": {"word": "done"}, "tasks": "lots", "notes": ["x", "y"], "depends_on": 5}, {"no_id": true}], "phases": "none"}"#)
        try workspace.write("coderef/sessions/weird/communication.json", "[1, 2, 3]")
        try workspace.write("coderef/sessions/agents-number/communication.json", #"{"agents": 7}"#)
        let snapshot = workspace.load()
        let stub = try #require(snapshot.stubs.first)
        #expect(stub.featureName == "odd", "a non-string feature_name falls back to the folder")
        #expect(stub.status.bucket == .other)
        #expect(stub.orchestrator == "solo")
        let odd = try #require(snapshot.sessions.first { $0.name == "odd" })
        #expect(odd.workorderId == "17")
        #expect(odd.agents.map(\.agentId) == ["a"])
        #expect(odd.agents.first?.status == .unknown)
        #expect(odd.agents.first?.notes == "x\ny")
        #expect(snapshot.sessions.contains { $0.name == "weird" })
        let messages = snapshot.problems.map(\.description)
        for fragment in [
            "odd/stub.json: feature_name: expected a string, found list",
            "odd/stub.json: status: expected a status string, found number",
            "odd/stub.json: tags[1]: expected a string, found object",
            "odd/communication.json: status: expected a status string, found boolean",
            "odd/communication.json: orchestrator: expected an object, found list",
            "odd/communication.json: agents[0]: expected an agent object or id, found number",
            "odd/communication.json: agents[1].status: expected a status string, found object",
            "odd/communication.json: agents[1].tasks: expected a list, found string",
            "odd/communication.json: agents[2]: agent without agent_id",
            "odd/communication.json: phases: expected an object, found string",
            "weird/communication.json: expected a JSON object at the top, found list",
            "agents-number/communication.json: agents: expected a list or an object, found number",
        ] {
            #expect(messages.contains { $0.contains(fragment) }, "missing problem: \(fragment)")
        }
    }

    @Test func emojiCJKAndControlCharactersSurviveInDataButNotOnTheTerminal() throws {
        let workspace = try TemporaryWorkspace("unicode")
        try workspace.write("coderef/working/日本-🚀/stub.json", "{\"feature_name\": \"日本語 🚀 feature\", \"status\": \"ready\", \"description\": \"evil \\u001b[2J\\u0007 text\\u009b\"}")
        try workspace.write("coderef/sessions/👨‍👩‍👧/communication.json", "{\"agents\": [{\"agent_id\": \"агент\\u001b]52;c;AAAA\\u0007\", \"status\": \"in_progress\"}]}")
        let snapshot = workspace.load()
        let stub = try #require(snapshot.stubs.first)
        #expect(stub.featureName == "日本語 🚀 feature")
        #expect(stub.description?.contains("\u{1B}[2J") == true, "data keeps what the file says")
        let agent = try #require(snapshot.sessions.first?.agents.first)
        #expect(agent.agentId.contains("\u{1B}"))
        let table = StatusTable.render(snapshot)
        #expect(!table.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!table.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
        #expect(table.contains("日本語 🚀 feature"))
        #expect(table.contains("👨‍👩‍👧"))
    }

    @Test func sanitizerRemovesEveryControl() {
        #expect(TerminalText.sanitize("a\u{1B}[31mb\u{07}c\u{9B}d\u{7F}e\tf\ng") == "a[31mbcde f g")
        #expect(TerminalText.sanitize("line1\nline2", keepNewlines: true) == "line1\nline2")
        #expect(TerminalText.sanitize("plain 日本 🚀") == "plain 日本 🚀")
        #expect(!TerminalText.isPrintable("x\u{1B}"))
    }

    @Test func anElevenMegabyteSessionFileLoads() throws {
        let workspace = try TemporaryWorkspace("huge")
        var notes = String(repeating: "0123456789", count: 1_100_000)
        notes = #"{"agents": [{"agent_id": "big", "status": "complete", "notes": ""# + notes + #""}]}"#
        try workspace.write("coderef/sessions/big/communication.json", notes)
        let snapshot = workspace.load()
        #expect(snapshot.sessions.first?.agents.first?.agentId == "big")
        #expect(snapshot.problems.isEmpty)
    }

    @Test func aFolderWhereAFileShouldBeIsAProblemNotACrash() throws {
        let workspace = try TemporaryWorkspace("folder")
        try workspace.mkdir("coderef/working/x/stub.json")
        try workspace.mkdir("coderef/sessions/s/communication.json")
        try workspace.write("coderef/sessions/s/instructions.json", "{}")
        let snapshot = workspace.load()
        #expect(snapshot.stubs.isEmpty)
        #expect(snapshot.sessions.map(\.name) == ["s"])
    }
}
