import ArgumentParser
import Foundation
import HubCore
import HubMCP

/// `sessions-hub mcp`: an MCP server over stdio, so agents read their instructions, report their
/// status with a note, create stubs and start sessions without hand-editing JSON.
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the hub's tools to agents over MCP (stdio).",
        discussion: """
        Tools: list_stubs, list_sessions, get_session, my_instructions, set_status, create_stub, \
        start_session, advance_phase, list_workorders, dispatch_agents, send_to_agent, check_workspace. Register it with an agent, e.g. \
        'claude mcp add sessions-hub -- sessions-hub mcp --root <workspace>'. stdout carries the \
        protocol; messages go to stderr.
        """
    )

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        let (layout, settings) = try workspace.resolve()
        Output.error("serving \(layout.root) over MCP on stdio (Ctrl-D ends)")
        let tools = HubTools(layout: layout, settings: settings)
        let failure = Blocking.run { () async -> String? in
            do { try await HubMCPServer.run(tools: tools) } catch { return "\(error)" }
            return nil
        }
        if let failure {
            Output.error("mcp: \(failure)")
            throw ExitCode(1)
        }
    }
}

