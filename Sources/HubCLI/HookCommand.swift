import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub hook [JSON]`: what an agent's hook runs. Reads one hook payload (Claude Code's on
/// stdin, or Codex's `notify` JSON as the argument) and records the agent's state for the hub. It
/// never fails the agent: whatever happens it exits 0 and prints nothing on stdout (Claude adds a
/// hook's stdout to its context); a problem is one line on stderr.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Record an agent's state from one of its hooks (installed by 'sessions-hub hooks install').",
        discussion: "Claude Code hooks pass their JSON on stdin; Codex's notify passes it as the argument. The record goes to $XDG_STATE_HOME/sessions-hub/agents (default ~/.local/state/sessions-hub/agents), where the screen sees it at once. Always exits 0."
    )

    @Argument(help: "The payload (Codex's notify); without it, stdin is read.")
    var payload: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let bytes = payload.map { Array($0.utf8) } ?? HookCommand.readInput(limit: 1 << 20)
        do {
            let record = try HookRecord(payload: bytes, environment: environment, now: Date())
            guard let folder = HookRecord.folder(environment: environment) else { return Output.error("sessions-hub hook: neither XDG_STATE_HOME nor HOME is set") }
            try record.write(to: folder)
        } catch let refusal as HookRecord.Refusal {
            // Events the hub does not follow (sub-agents, others) are normal: nothing to say.
            if case .notJSON = refusal { Output.error("sessions-hub hook: \(refusal)") }
        } catch {
            Output.error("sessions-hub hook: could not record the state: \(WriteErrorText.describe(error))")
        }
    }

    /// stdin up to `limit` bytes (a hook's payload is small; more is not read).
    static func readInput(limit: Int) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while result.count < limit {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            result += chunk[0..<count]
        }
        return result
    }
}
