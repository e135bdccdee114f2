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
            capabilities: .init(tools: .init(listChanged: false)),
            // Strict: requests before `initialize` are refused, as the specification says.
            configuration: .strict
        )
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: HubTools.definitions) }
        await server.withMethodHandler(CallTool.self) { params in tools.call(params.name, arguments: params.arguments) }
        return server
    }

    /// Serves until the client closes stdin.
    public static func run(tools: HubTools) async throws {
        let server = await makeServer(tools: tools)
        try await server.start(transport: LineTransport())
        await server.waitUntilCompleted()
    }
}
