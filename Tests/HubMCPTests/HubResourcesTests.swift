import Foundation
import MCP
import Testing
import HubCore
import HubTestSupport
@testable import HubMCP

/// [REMOTE] The workspace as MCP resources through the SDK's own client: listed, read, and followed
/// by a subscription that another writer's change wakes (no polling by the client).
@Suite struct HubResourcesTests {
    actor Updates {
        var uris: [String] = []
        func add(_ uri: String) { uris.append(uri) }
    }

    @Test func subscribedResourcesAreToldWhenTheWorkspaceChanges() async throws {
        let workspace = try TemporaryWorkspace.demo("mcp-resources")
        let tools = HubTools(layout: WorkspaceLayout(root: workspace.root), settings: HubSettings(), environment: ["HOME": workspace.root])
        let server = await HubMCPServer.makeServer(tools: tools)
        defer { Task { await server.stop() } }
        let (clientTransport, serverTransport) = await InMemoryTransport.createConnectedPair()
        try await server.start(transport: serverTransport)
        let updates = Updates()
        let client = Client(name: "tests", version: "1")
        await client.onNotification(ResourceUpdatedNotification.self) { message in await updates.add(message.params.uri) }
        _ = try await client.connect(transport: clientTransport)

        let (resources, _) = try await client.listResources()
        #expect(resources.map(\.uri) == [HubResources.statusURI, HubResources.attentionURI, HubResources.summaryURI])
        let text = try #require(try await client.readResource(uri: HubResources.statusURI).first?.text)
        let status = try JSONParser.parse(Array(text.utf8))
        #expect(status["counts"]?["sessions"] == JSONValue.int(3))
        await #expect(throws: (any Error).self) { _ = try await client.readResource(uri: "sessions-hub://nothing") }

        try await client.subscribeToResource(uri: HubResources.statusURI)
        try await client.subscribeToResource(uri: HubResources.attentionURI)
        // Another writer: an agent reports itself failed (it joins NEEDS YOU).
        let snapshot = workspace.load()
        let session = try #require(snapshot.sessions.first { $0.name == "api-migration-phase1" })
        let agent = try #require(session.agents.first { $0.status.bucket == .inProgress })
        _ = try StatusWriter.set("failed", agent: agent, in: session, root: workspace.root, note: "tests red")
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, await !(Set(updates.uris).isSuperset(of: [HubResources.statusURI, HubResources.attentionURI])) {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        #expect(await Set(updates.uris) == [HubResources.statusURI, HubResources.attentionURI], "both resources were told")
        withExtendedLifetime(workspace) {}
    }
}
