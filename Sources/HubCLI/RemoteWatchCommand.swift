import ArgumentParser
import Foundation
import HubCore
import HubMCP

struct RemoteWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow a remote: a line each time its workspace changes, or its link drops and comes back.",
        discussion: """
        One ssh link, subscribed to the far workspace (no polling); when the link drops, the last good \
        state is kept and marked unreachable, and the hub reconnects (1 s, doubling to a minute). Runs \
        until interrupted. With --json each line is {"time", "remote", "reachable", "since", "error", \
        "server", "sessions", "needs_you", "reads"}.
        """
    )

    @Argument(help: "The remote's name.")
    var name: String

    @Flag(name: .long, help: "One JSON object a line.")
    var json = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let remote = try UserConfig.remote(name, environment: environment)
        let json = self.json
        let follower = RemoteFollower(remote, environment: environment) { state in
            let summary = state.status.flatMap(RemoteSummary.init(status:))
            let sessions = summary?.sessions.count, needs = summary?.sessionsNeedingYou
            if json {
                Output.write(JSONPrinter.compact(.object(JSONObject([
                    ("time", .string(Timestamp.format(Date()))), ("remote", .string(state.name)), ("reachable", .bool(state.reachable)),
                    ("since", state.since.map { .string(Timestamp.format($0)) } ?? .null), ("error", state.error.map(JSONValue.string) ?? .null),
                    ("server", state.server.map(JSONValue.string) ?? .null), ("sessions", sessions.map(JSONValue.int) ?? .null),
                    ("needs_you", needs.map(JSONValue.int) ?? .null), ("reads", .int(state.reads)),
                ]))) + "\n")
            } else {
                let counts = sessions.map { " — \($0) sessions, \(needs ?? 0) need you" } ?? ""
                Output.write(TerminalText.sanitize("\(Timestamp.short(Date())) \(state.name) \(state.sentence)\(counts)") + "\n")
            }
        }
        follower.start()
        while true { Thread.sleep(forTimeInterval: 3600) }
    }
}
