import Foundation
import MCP
import Testing
import HubCore
import HubTestSupport
@testable import HubMCP

/// Every tool through the SDK's own client, over an in-memory transport, on a real workspace.
@Suite struct HubToolsTests {
    func connect() async throws -> (TemporaryWorkspace, Client, Server) {
        let workspace = try TemporaryWorkspace.demo("mcp")
        // Not inside tmux, whatever the test runner's terminal is.
        let tools = HubTools(layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), environment: ["HOME": workspace.root])
        let server = await HubMCPServer.makeServer(tools: tools)
        let (clientTransport, serverTransport) = await InMemoryTransport.createConnectedPair()
        try await server.start(transport: serverTransport)
        let client = Client(name: "tests", version: "1")
        _ = try await client.connect(transport: clientTransport)
        return (workspace, client, server)
    }

    /// The text content parsed back as JSON (every result carries its structure as text too).
    func call(_ client: Client, _ name: String, _ arguments: [String: Value] = [:]) async throws -> (JSONValue, Bool) {
        let (content, isError) = try await client.callTool(name: name, arguments: arguments)
        guard case .text(let text, _, _)? = content.first else { Issue.record("no text content"); return (.null, true) }
        if isError == true { return (.string(text), true) }
        return (try JSONParser.parse(Array(text.utf8)), false)
    }

    @Test func listsTheToolsWithTheirSchemas() async throws {
        let (workspace, client, server) = try await connect()
        defer { Task { await server.stop() } }
        defer { withExtendedLifetime(workspace) {} } // the folder goes with it
        let (tools, _) = try await client.listTools()
        #expect(tools.map(\.name) == ["list_stubs", "list_sessions", "get_session", "my_instructions", "set_status", "triage", "create_stub", "start_session", "advance_phase", "archive", "list_workorders", "dispatch_agents", "send_to_agent", "check_workspace"])
        let setStatus = try #require(tools.first { $0.name == "set_status" })
        #expect(setStatus.inputSchema.objectValue?["required"] == .array(["session", "agent", "status"]))
    }

    @Test func listsWorkordersAndChecksTheEvidence() async throws {
        let (workspace, client, server) = try await connect()
        defer { Task { await server.stop() } }
        defer { withExtendedLifetime(workspace) {} } // the folder goes with it
        let (plans, failed) = try await call(client, "list_workorders", ["filter": "api-server"])
        #expect(!failed)
        let plan = try #require(plans["workorders"]?.arrayValue?.first)
        #expect(plan["workorder_id"]?.stringValue == "WO-API-V2-ROUTES-001" && plan["session"]?.stringValue == ".coderef/sessions/api-migration-phase1")
        // Outside tmux, dispatch says so instead of starting anything.
        let (_, refused) = try await call(client, "dispatch_agents", ["session": "api-migration-phase1"])
        #expect(refused)
        let (check, _) = try await call(client, "check_workspace")
        #expect(check["errors"] == .int(0))
        #expect(check["findings"]?.arrayValue?.contains { $0["check"]?.stringValue == "status-disagrees" } == true)
    }

    @Test func readsStubsSessionsAndAnAgentsInstructions() async throws {
        let (workspace, client, server) = try await connect()
        defer { Task { await server.stop() } }
        defer { withExtendedLifetime(workspace) {} } // the folder goes with it
        let (stubs, _) = try await call(client, "list_stubs", ["filter": "migration"])
        #expect(stubs["stubs"]?.arrayValue?.map { $0["feature_name"]?.stringValue } == ["api-migration"])
        #expect(stubs["stubs"]?.arrayValue?.first?["session"]?.stringValue == ".coderef/sessions/api-migration-phase1")
        let (sessions, _) = try await call(client, "list_sessions")
        let api = sessions["sessions"]?.arrayValue?.first { $0["name"]?.stringValue == "api-migration-phase1" }
        #expect(api?["attention"]?.arrayValue?.first?["reason"]?.stringValue == "blocked")
        let (session, _) = try await call(client, "get_session", ["session": "WO-API-MIGRATION-001"])
        let mobile = session["agents"]?.arrayValue?.first { $0["agent_id"]?.stringValue == "mobile-app" }
        #expect(mobile?["note"]?.stringValue == "Waiting for the v2 auth endpoint")
        #expect(mobile?["tasks"]?.arrayValue?.count == 2)
        let (mine, _) = try await call(client, "my_instructions", ["session": "api-migration-phase1", "agent": "web-client"])
        #expect(mine["one_liner"]?.stringValue?.hasPrefix("## SESSION: WO-API-MIGRATION-001") == true)
        #expect((mine["steps"]?.arrayValue?.count ?? 0) > 0)
    }

    @Test func writesThroughTheSameCoreAsTheCommandLine() async throws {
        let (workspace, client, server) = try await connect()
        defer { Task { await server.stop() } }
        let (status, failed) = try await call(client, "set_status", ["session": "api-migration-phase1", "agent": "web-client", "status": "blocked", "note": "need the staging db"])
        #expect(!failed)
        #expect(status["from"]?.stringValue == "in_progress" && status["to"]?.stringValue == "blocked")
        let nested = try workspace.read(".coderef/sessions/api-migration-phase1/web-client/communication.json")
        #expect(nested.contains("\"blocked\"") && nested.contains("need the staging db"))
        #expect(StatusHistory.load(root: workspace.root).contains { $0.agent == "web-client" && $0.to == "blocked" })
        #expect(status["warnings"]?.arrayValue?.isEmpty == true)
        // Complete with tasks not done: written, and said, as set-status says it.
        let (complete, _) = try await call(client, "set_status", ["session": "api-migration-phase1", "agent": "web-client", "status": "complete"])
        #expect(complete["warnings"]?.arrayValue?.contains { $0.stringValue?.contains("tasks not done; the hub will show it as unverified") == true } == true)
        _ = try await call(client, "set_status", ["session": "api-migration-phase1", "agent": "web-client", "status": "blocked", "note": "need the staging db"])

        // Triage through the same TriageAction as the screen and the CLI: snooze, then undo.
        let (snoozed, snoozeFailed) = try await call(client, "triage", ["action": "snooze", "session": "api-migration-phase1", "agent": "web-client", "note": "on it"])
        #expect(!snoozeFailed && snoozed["sentence"]?.stringValue == "web-client: snoozed until its evidence changes (the action undo takes it back)")
        #expect(Triage.load(root: workspace.root).last?.kind == .snooze && Triage.load(root: workspace.root).last?.note == "on it")
        let (badReason, badFailed) = try await call(client, "triage", ["action": "dismiss", "session": "api-migration-phase1", "reason": "bored"])
        #expect(badFailed && badReason.stringValue?.contains("is not a reason") == true)
        let (undone, _) = try await call(client, "triage", ["action": "undo"])
        #expect(undone["sentence"]?.stringValue == "web-client: snooze undone")

        let (stub, _) = try await call(client, "create_stub", ["feature_name": "mcp-made", "description": "An idea from an agent",
                                                               "agents": ["docs-writer", "api-server"], "orchestrator": "assistant",
                                                               "scope": ["docs": "write them"], "phases": ["Phase 1: Draft"]])
        #expect(stub["path"]?.stringValue == "coderef/working/mcp-made/stub.json")
        let (again, againFailed) = try await call(client, "create_stub", ["feature_name": "mcp-made", "description": "twice"])
        #expect(againFailed && again.stringValue?.contains("already exists") == true)

        let (started, _) = try await call(client, "start_session", ["stub": "mcp-made"])
        #expect(started["folder"]?.stringValue == ".coderef/sessions/mcp-made-phase1")
        #expect(started["workorder_id"]?.stringValue == "WO-MCP-MADE-001")
        #expect(try workspace.read("coderef/working/mcp-made/stub.json").contains("\"promoted\""))
        let (advanced, _) = try await call(client, "advance_phase", ["session": "mcp-made-phase1"])
        #expect(advanced["folder"]?.stringValue == ".coderef/sessions/mcp-made-phase2")
    }

    @Test func sessionsComeAPageAtATimeWithWhatTheirAgentsDo() async throws {
        let (workspace, client, server) = try await connect()
        defer { Task { await server.stop() } }
        defer { withExtendedLifetime(workspace) {} }
        let (first, _) = try await call(client, "list_sessions", ["limit": 2])
        #expect(first["sessions"]?.arrayValue?.count == 2)
        let total = try #require(first["total"]?.intValue)
        let cursor = try #require(first["next_cursor"]?.stringValue)
        let (rest, _) = try await call(client, "list_sessions", ["limit": 100, "cursor": .string(cursor)])
        #expect((rest["sessions"]?.arrayValue?.count ?? 0) == total - 2 && rest["next_cursor"] == .null)
        #expect(first["sessions"]?.arrayValue?.first?["activity"]?.objectValue != nil)
        let (refused, failed) = try await call(client, "send_to_agent", ["session": "api-migration-phase1", "agent": "docs-writer", "keys": ["1"]])
        #expect(failed && refused.stringValue?.contains("no live tmux pane") == true, "\(refused)")
        let (bad, badFailed) = try await call(client, "list_sessions", ["cursor": "x"])
        #expect(badFailed && bad.stringValue?.contains("is not one this tool gave") == true)
    }

    @Test func badInputIsOneClearSentenceAndTheServerKeepsServing() async throws {
        let (workspace, client, server) = try await connect()
        defer { Task { await server.stop() } }
        defer { withExtendedLifetime(workspace) {} } // the folder goes with it
        let cases: [(String, [String: Value], String)] = [
            ("get_session", ["session": "nope"], "no session named 'nope'"),
            ("set_status", ["session": "api-migration-phase1", "agent": "ghost", "status": "done"], "no agent 'ghost'"),
            ("set_status", ["session": "api-migration-phase1", "agent": "web-client"], "needs the argument 'status'"),
            ("set_status", ["session": "api-migration-phase1", "agent": "web-client", "status": .int(3)], "must be a string"),
            // The schema's own rules: no unknown keys (a misspelt note is not dropped silently).
            ("set_status", ["session": "api-migration-phase1", "agent": "web-client", "status": "done", "notes": "x"], "has no argument 'notes'; did you mean note?"),
            // The command line's rules: a word the hub does not know, a huge one.
            ("set_status", ["session": "api-migration-phase1", "agent": "web-client", "status": "donee"], "is not a status word the hub knows; did you mean done?"),
            ("set_status", ["session": "api-migration-phase1", "agent": "web-client", "status": .string(String(repeating: "x", count: 1_000_000))], "(at most 100)"),
            ("create_stub", ["feature_name": "f", "description": "d", "agents": .string("a")], "must be a list"),
            ("create_stub", ["feature_name": "f", "description": "d", "agents": ["ok", "evil\u{1B}]52;c;eA==\u{07}"]], "cannot be an agent id"),
            ("get_session", ["session": .string(String(repeating: "y", count: 100_000))], "bytes)"),
            ("create_stub", ["feature_name": "../escape", "description": "x"], "cannot be a feature name"),
            ("nonexistent", [:], "unknown tool"),
        ]
        for (tool, arguments, expected) in cases {
            let (message, failed) = try await call(client, tool, arguments)
            #expect(failed, "\(tool) should fail")
            #expect((message.stringValue?.count ?? 0) < 400, "a refusal quotes at most a few dozen characters of the input")
            #expect(message.stringValue?.contains(expected) == true, "\(tool): \(String(describing: message.stringValue))")
        }
        let (stubs, failed) = try await call(client, "list_stubs")
        #expect(!failed && (stubs["stubs"]?.arrayValue?.count ?? 0) > 0, "still serving")
    }
}

/// The stdio reader: one look at each byte, a cap on a line, and the server keeps serving.
@Suite struct LineTransportTests {
    func lines(_ input: [UInt8], maxLine: Int) throws -> (lines: [String], tooLong: [String?]) {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let writer = Thread { [fds] in
            WriteAll.write(fds[1], input)
            close(fds[1])
        }
        writer.start()
        var lines: [String] = [], tooLong: [String?] = []
        LineReader(fd: fds[0], maxLine: maxLine).run(line: { lines.append(String(decoding: $0, as: UTF8.self)) }, tooLong: { id, _ in tooLong.append(id) })
        close(fds[0])
        return (lines, tooLong)
    }

    @Test func aLineOverTheCapIsDroppedAndTheNextOneIsRead() throws {
        let long = #"{"jsonrpc": "2.0", "id": 42, "method": "tools/call", "params": {"x": ""# + String(repeating: "a", count: 300_000) + "\"}}"
        let input = Array(("{\"id\": 1}\n" + long + "\n{\"id\": 2}\n\n").utf8)
        let (lines, tooLong) = try self.lines(input, maxLine: 100_000)
        #expect(lines == [#"{"id": 1}"#, #"{"id": 2}"#])
        #expect(tooLong == ["42"])
        let answer = try JSONParser.parse(Array(LineTransport.tooLongError(id: "42", length: 100_000)))
        #expect(answer["id"] == .int(42) && answer["error"]?["code"] == .int(-32600))
    }

    @Test func aLongValidLineIsReadWhole() throws {
        // 8 MB under a 16 MB cap, read in 64 KB chunks (scripts/stress times it).
        let long = #"{"id": 3, "x": ""# + String(repeating: "b", count: 8 * 1024 * 1024) + "\"}"
        let (lines, _) = try self.lines(Array((long + "\n").utf8), maxLine: 16 * 1024 * 1024)
        #expect(lines.count == 1 && lines[0].utf8.count == long.utf8.count)
    }
}

@Suite struct InitializeGateTests {
    @Test func requestsBeforeInitializeAreAnsweredWithAnError() throws {
        var gate = InitializeGate()
        let refused = gate.refusal(Array(#"{"jsonrpc": "2.0", "id": 1, "method": "tools/list"}"#.utf8))
        let early = try #require(refused)
        let answer = try JSONParser.parse(Array(early))
        #expect(answer["id"] == .int(1) && answer["error"]?["code"] == .int(-32600))
        let ping = gate.refusal(Array(#"{"jsonrpc": "2.0", "id": 2, "method": "ping"}"#.utf8))
        let initialize = gate.refusal(Array(#"{"jsonrpc": "2.0", "id": 3, "method": "initialize", "params": {}}"#.utf8))
        let after = gate.refusal(Array(#"{"jsonrpc": "2.0", "id": 4, "method": "tools/list"}"#.utf8))
        #expect(ping == nil && initialize == nil)
        #expect(after == nil, "open once initialize was asked")
    }
}
