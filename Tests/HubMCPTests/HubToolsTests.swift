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
        #expect(tools.map(\.name) == ["list_stubs", "list_sessions", "get_session", "my_instructions", "set_status", "create_stub", "start_session", "advance_phase", "list_workorders", "dispatch_agents", "check_workspace"])
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

    @Test func badInputIsOneClearSentenceAndTheServerKeepsServing() async throws {
        let (workspace, client, server) = try await connect()
        defer { Task { await server.stop() } }
        defer { withExtendedLifetime(workspace) {} } // the folder goes with it
        let cases: [(String, [String: Value], String)] = [
            ("get_session", ["session": "nope"], "no session named 'nope'"),
            ("set_status", ["session": "api-migration-phase1", "agent": "ghost", "status": "done"], "no agent 'ghost'"),
            ("set_status", ["session": "api-migration-phase1", "agent": "web-client"], "missing argument 'status'"),
            ("set_status", ["session": "api-migration-phase1", "agent": "web-client", "status": .int(3)], "must be a string"),
            ("create_stub", ["feature_name": "../escape", "description": "x"], "cannot be a feature name"),
            ("nonexistent", [:], "unknown tool"),
        ]
        for (tool, arguments, expected) in cases {
            let (message, failed) = try await call(client, tool, arguments)
            #expect(failed, "\(tool) should fail")
            #expect(message.stringValue?.contains(expected) == true, "\(tool): \(String(describing: message.stringValue))")
        }
        let (stubs, failed) = try await call(client, "list_stubs")
        #expect(!failed && (stubs["stubs"]?.arrayValue?.count ?? 0) > 0, "still serving")
    }
}
