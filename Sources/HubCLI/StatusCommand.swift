import ArgumentParser
import Foundation
import HubCore
import HubMCP

/// `sessions-hub status [--json] [--watch]`: what the screen shows, as text or as one JSON object;
/// with --watch, then one line per change until interrupted (NDJSON with --json).
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print stubs, sessions (derived status, n/m agents complete), workorders and problems.",
        discussion: """
        Exit status: 0 when the workspace loaded (problems or not), 2 on a usage error or a missing root.

        With --watch, after the status one line is printed per change (agent status, session status, \
        sessions and stubs added or removed, and each new reason a session needs you: blocked, failed, \
        stale, not picked up, unverified, unreadable, ready to advance) until interrupted; with --json \
        each is a JSON object: the first {"kind": "snapshot", "time", ...the keys of status --json}, \
        then {"time", "kind", "session"|"stub", "agent"?, "from", "to"}, or \
        {"time", "kind": "attention", "session", "agent", "reason", "note", "since"}. \
        Plain text starts with what needs you (worst first), then stubs, sessions, workorders and problems. \
        --line prints one short summary line for tmux's status-right. \
        Remotes in your config ([remotes.<name>]) are asked too, in parallel, each giving up after \
        --remote-timeout seconds: JSON gains "remotes": [{"name", "reachable", "server", "error", \
        "status"}] (its sessions, stubs and attention items carry "remote": name), text a block per \
        remote, --line "@name 2 need you" or "@name unreachable"; --no-remotes leaves them out (--watch \
        follows this workspace only; sessions-hub remote watch NAME follows a remote).
        """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var poll: PollOption

    @Flag(name: .long, help: "Print one JSON object (keys documented in the README) instead of the table.")
    var json = false

    @Flag(name: .long, help: "Keep running and print one line per change.")
    var watch = false

    @Flag(name: .long, help: "Print one short line (e.g. '3 active · 1 blocked · 2 need you') for tmux's status-right.")
    var line = false

    @Flag(name: .long, help: "Leave out the remotes of your config.")
    var noRemotes = false

    @Option(name: .long, help: "Give up on a remote after so many seconds.")
    var remoteTimeout: Double = 10

    /// What the configured remotes say (none with --no-remotes or --watch).
    func remoteReports(_ settings: HubSettings) -> [RemoteReport] {
        guard !noRemotes, !settings.remotes.isEmpty else { return [] }
        let remotes = settings.remotes.values.sorted { $0.name < $1.name }
        let environment = ProcessInfo.processInfo.environment, timeout = remoteTimeout
        return Blocking.run { await RemoteReport.fetchAll(remotes, environment: environment, timeout: timeout) }
    }

    func run() throws {
        let (layout, settings) = try workspace.resolve()
        let loader = WorkspaceLoader(layout: layout)
        let policy = EvidencePolicy(settings)
        let environment = ProcessInfo.processInfo.environment
        guard watch else {
            var snapshot = loader.load()
            AgentActivity.attach(to: &snapshot, settings: settings, layout: layout, environment: environment)
            let remotes = remoteReports(settings)
            if line {
                let parts = [StatusLine.render(snapshot, now: Date(), policy: policy)] + remotes.map(\.lineSummary)
                Output.write(TerminalText.sanitize(parts.joined(separator: " · ")) + "\n")
            } else if json && !remotes.isEmpty {
                var report = StatusReport.json(snapshot, now: Date(), policy: policy, prices: settings.tokenPrices)
                if case .object(var object) = report {
                    object["remotes"] = .array(remotes.map(\.json))
                    report = .object(object)
                }
                Output.write(JSONPrinter.compact(report) + "\n")
            } else {
                print(snapshot, settings: settings)
                if !json { for remote in remotes { Output.write("\n" + remote.text) } }
            }
            return
        }
        let follower = WorkspaceFollower(layout: layout, settings: settings, environment: environment, pollInterval: poll.pollInterval)
        if json {
            // One object per line from the first: the snapshot is a line of the stream, tagged.
            let report = StatusReport.json(follower.current, now: Date(), policy: policy, prices: settings.tokenPrices)
            var members: [(String, JSONValue)] = [("kind", .string("snapshot")), ("time", .string(Timestamp.format(Date())))]
            if case .object(let object) = report { members += object.members.map { ($0.key, $0.value) } }
            Output.write(JSONPrinter.compact(.object(JSONObject(members))) + "\n")
        } else {
            print(follower.current, settings: settings)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        while true {
            // The follower wakes at least once a minute: an agent becomes stale by time alone.
            let step = follower.next()
            for notice in step.notices { Output.error(notice) }
            let time = formatter.string(from: Date())
            for change in step.changes {
                Output.write((json ? JSONPrinter.compact(change.json(time: time)) : StatusCommand.line(change, time: time)) + "\n")
            }
            for item in step.newAttention {
                Output.write((json ? JSONPrinter.compact(StatusCommand.attentionEvent(item, time: time)) : StatusCommand.line(item, time: time)) + "\n")
            }
        }
    }

    private func print(_ snapshot: WorkspaceSnapshot, settings: HubSettings) {
        if json {
            Output.writeStatusJSON(snapshot, settings: settings)
        } else {
            Output.write(StatusTable.render(snapshot, attention: Evidence.attention(snapshot, now: Date(), policy: EvidencePolicy(settings))))
        }
    }

    /// `{"time", "kind": "attention", "session", "agent", "reason", "note", "since"}`.
    static func attentionEvent(_ item: AttentionItem, time: String) -> JSONValue {
        var members: [(String, JSONValue)] = [("time", .string(time)), ("kind", .string("attention"))]
        if case .object(let object) = StatusReport.attentionJSON(item) { members += object.members.map { ($0.key, $0.value) } }
        return .object(JSONObject(members))
    }

    static func line(_ item: AttentionItem, time: String) -> String {
        let subject = TerminalText.sanitize(item.session + (item.agent.map { " " + $0 } ?? ""))
        let note = item.note.map { ": " + TerminalText.sanitize($0) } ?? ""
        return "\(time) ! \(subject) needs you (\(item.reason.word))\(note)"
    }

    static func line(_ change: SnapshotChange, time: String) -> String {
        let subject = TerminalText.sanitize(change.path + (change.agent.map { " " + $0 } ?? ""))
        let from = TerminalText.sanitize(change.from ?? "-"), to = TerminalText.sanitize(change.to ?? "-")
        switch change.kind {
        case .sessionAdded, .stubAdded: return "\(time) + \(subject) (\(to))"
        case .sessionRemoved, .stubRemoved: return "\(time) - \(subject)"
        case .agentActivity: return "\(time) ~ \(subject): \(from) → \(to)"
        default: return "\(time) \(subject): \(from) → \(to)"
        }
    }
}
