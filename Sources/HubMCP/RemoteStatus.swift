import Foundation
import HubCore

/// What each configured remote's workspace says, fetched in parallel (one ssh link each, closed
/// after): for `status`, which shows the far workspaces beside this one.
public struct RemoteReport: Sendable {
    public var name: String
    /// The far hub (`sessions-hub 0.9.0`) when it answered.
    public var server: String?
    /// Its `status --json`, every session, stub and attention item tagged `"remote": name`.
    public var status: JSONValue?
    /// Why it could not be reached, as a sentence.
    public var error: String?
    /// How long the link took to open (ssh, login, initialize).
    public var connectTime: TimeInterval?

    public var reachable: Bool { status != nil }

    /// Every configured remote's report, in name order; each gives up after `timeout` seconds.
    public static func fetchAll(_ remotes: [RemoteSettings], environment: [String: String], timeout: TimeInterval) async -> [RemoteReport] {
        await withTaskGroup(of: RemoteReport.self) { group in
            for remote in remotes {
                group.addTask { await fetch(remote, environment: environment, timeout: timeout) }
            }
            var reports: [RemoteReport] = []
            for await report in group { reports.append(report) }
            return reports.sorted { $0.name < $1.name }
        }
    }

    /// One remote's report: connect, read its status, close.
    public static func fetch(_ remote: RemoteSettings, environment: [String: String], timeout: TimeInterval) async -> RemoteReport {
        do {
            let link = try await RemoteLink.connect(remote, environment: environment, timeout: timeout)
            defer { link.close() }
            let status = try await link.status()
            return RemoteReport(name: remote.name, server: link.serverVersion, status: tagged(status, remote: remote.name), connectTime: link.connectTime)
        } catch {
            return RemoteReport(name: remote.name, error: error.description)
        }
    }

    /// The far status with `"remote": name` on each session, stub and attention item, so that a
    /// reader of the merged output knows where each lives.
    static func tagged(_ status: JSONValue, remote: String) -> JSONValue {
        guard case .object(var object) = status else { return status }
        for key in ["sessions", "stubs", "attention", "workorders"] {
            guard let items = object[key]?.arrayValue else { continue }
            object[key] = .array(items.map { item in
                guard case .object(var member) = item else { return item }
                member["remote"] = .string(remote)
                return .object(member)
            })
        }
        return .object(object)
    }

    public var json: JSONValue {
        .object(JSONObject([
            ("name", .string(name)), ("reachable", .bool(reachable)),
            ("server", server.map(JSONValue.string) ?? .null), ("error", error.map(JSONValue.string) ?? .null),
            ("status", status ?? .null),
        ]))
    }

    /// One line for `status --line`: `@build 2 need you`, `@build unreachable`.
    public var lineSummary: String {
        guard let summary = status.flatMap(RemoteSummary.init(status:)) else { return "@\(name) unreachable" }
        let sessions = summary.sessionsNeedingYou
        return "@\(name) " + (sessions == 0 ? "nothing needs you" : "\(sessions) need\(sessions == 1 ? "s" : "") you")
    }

    /// The block plain `status` prints for it.
    public var text: String {
        guard let summary = status.flatMap(RemoteSummary.init(status:)) else { return "Remote \(name): unreachable — \(TerminalText.sanitize(error ?? "no answer"))\n" }
        var out = "Remote \(name) (\(TerminalText.sanitize(server ?? "?")), \(TerminalText.sanitize(summary.root ?? "?"))): "
            + "\(summary.stubCount) stubs, \(summary.sessions.count) sessions\n"
        for item in summary.attention.prefix(10) {
            let agent = item.agent.map { " " + $0 } ?? ""
            let note = item.note.map { ": " + $0 } ?? ""
            out += TerminalText.sanitize("  @\(name) \(item.reasonWord)  \(WorkspacePaths.lastComponent(item.session))\(agent)\(note)") + "\n"
        }
        return out
    }
}
