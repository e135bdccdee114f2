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
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await HubMCPServer.run(tools: tools) } catch { failure.set("\(error)") }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            Output.error("mcp: \(message)")
            throw ExitCode(1)
        }
    }
}

/// The server task's error, handed to the command's thread.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?
    func set(_ message: String) { lock.withLock { stored = message } }
    var message: String? { lock.withLock { stored } }
}
