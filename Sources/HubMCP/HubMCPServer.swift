import Foundation
import HubCore
import MCP

/// `sessions-hub mcp`: the hub's tools over MCP on stdio. stdout carries only the protocol;
/// anything for a person goes to stderr.
public enum HubMCPServer {
    public static let version = HubVersion.string

    public static func makeServer(tools: HubTools) async -> Server {
        let server = Server(
            name: "sessions-hub", version: version,
            instructions: "Sessions Hub: read your instructions (my_instructions), report your status with a note (set_status) instead of editing communication.json, create stubs and start sessions.",
            capabilities: .init(resources: .init(subscribe: true, listChanged: false), tools: .init(listChanged: false)),
            // Strict: requests before `initialize` are refused, as the specification says.
            configuration: .strict
        )
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: HubTools.definitions) }
        await server.withMethodHandler(CallTool.self) { params in tools.call(params.name, arguments: params.arguments) }
        let resources = HubResources(tools: tools)
        resources.notify = { [weak server] uri in
            Task { try? await server?.notify(ResourceUpdatedNotification.message(.init(uri: uri))) }
        }
        await server.withMethodHandler(ListResources.self) { _ in ListResources.Result(resources: HubResources.definitions) }
        await server.withMethodHandler(ReadResource.self) { params in try resources.read(params.uri) }
        await server.withMethodHandler(ResourceSubscribe.self) { params in
            try resources.subscribe(params.uri)
            return Empty()
        }
        await server.withMethodHandler(ResourceUnsubscribe.self) { params in
            resources.unsubscribe(params.uri)
            return Empty()
        }
        return server
    }

    /// Serves until the client closes stdin.
    public static func run(tools: HubTools) async throws {
        let server = await makeServer(tools: tools)
        try await server.start(transport: LineTransport())
        await server.waitUntilCompleted()
    }
}
