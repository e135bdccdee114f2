import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub status [--json] [--watch]`: what the screen shows, as text or as one JSON object;
/// with --watch, then one line per change until interrupted (NDJSON with --json).
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print stubs, sessions (derived status, n/m agents complete), workorders and problems.",
        discussion: """
        Exit status: 0 when the workspace loaded (problems or not), 2 on a usage error or a missing root.
        With --watch, after the status one line is printed per change (agent status, session status,
        sessions and stubs added or removed) until interrupted; with --json each is a JSON object:
        {"time", "kind", "session"|"stub", "agent"?, "from", "to"}.
        """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(name: .long, help: "Print one JSON object (keys documented in the README) instead of the table.")
    var json = false

    @Flag(name: .long, help: "Keep running and print one line per change.")
    var watch = false

    func run() throws {
        let (layout, settings) = try workspace.resolve()
        let loader = WorkspaceLoader(layout: layout)
        guard watch else {
            print(loader.load())
            return
        }
        let live = LiveWorkspace(loader: loader, pollInterval: workspace.pollInterval, recheckInterval: settings.recheckInterval)
        print(live.current)
        var previous = live.current
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        while true {
            let timeout = live.nextDeadline.map { Int32(max(1, min(60_000, $0.timeIntervalSinceNow * 1000 + 1))) } ?? 60_000
            var descriptor = pollfd(fd: live.fileDescriptor, events: Int16(POLLIN), revents: 0)
            _ = Glibc.poll(&descriptor, 1, timeout)
            let (snapshot, notices) = live.update()
            for notice in notices { Output.error(notice) }
            guard let snapshot else { continue }
            let time = formatter.string(from: Date())
            for change in SnapshotDiff.changes(from: previous, to: snapshot) {
                Output.write((json ? JSONPrinter.compact(change.json(time: time)) : StatusCommand.line(change, time: time)) + "\n")
            }
            previous = snapshot
        }
    }

    private func print(_ snapshot: WorkspaceSnapshot) {
        if json { Output.writeStatusJSON(snapshot) } else { Output.write(StatusTable.render(snapshot)) }
    }

    static func line(_ change: SnapshotChange, time: String) -> String {
        let subject = TerminalText.sanitize(change.path + (change.agent.map { " " + $0 } ?? ""))
        let from = TerminalText.sanitize(change.from ?? "-"), to = TerminalText.sanitize(change.to ?? "-")
        switch change.kind {
        case .sessionAdded, .stubAdded: return "\(time) + \(subject) (\(to))"
        case .sessionRemoved, .stubRemoved: return "\(time) - \(subject)"
        default: return "\(time) \(subject): \(from) → \(to)"
        }
    }
}
