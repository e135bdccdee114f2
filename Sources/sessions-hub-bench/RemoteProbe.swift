import Foundation
import HubCore
import HubTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `sessions-hub-bench --remotes N`: the [REMOTE] figures. N far workspaces of 500 sessions each
/// (the 1× workspace), each a remote behind a real OpenSSH server on loopback, followed by the real
/// screen in tmux: the first frame with every remote's count, memory, one ssh per remote, and a far
/// change → frame.
enum RemoteProbe {
    static func run(hub: String, remotes: Int, changes: Int) throws {
        if let missing = LoopbackSSH.unavailable {
            print("remote figures skipped: \(missing)")
            return
        }
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("sessions-hub-bench-remotes-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let ssh = try LoopbackSSH()
        defer { ssh.stop() }
        var config = ""
        for index in 0..<remotes {
            let far = base + "/far-\(index)"
            try ScaleWorkspace.write(to: far, stubs: 1000, sessions: 500)
            config += "[remotes.r\(index)]\nssh = \"-F \(ssh.configPath) hubtest\"\nroot = \"\(far)\"\nhub = \"\(hub)\"\n"
        }
        try FileManager.default.createDirectory(atPath: base + "/here/.coderef/sessions", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: base + "/config/sessions-hub", withIntermediateDirectories: true)
        try Data(config.utf8).write(to: URL(fileURLWithPath: base + "/config/sessions-hub/config.toml"))
        FileHandle.standardError.write(Data("\(remotes) remotes × 500 sessions behind sshd on loopback…\n".utf8))

        let started = Measure.now()
        guard let pane = ControlModePane(command: "\(Measure.quoted(hub)) --root \(Measure.quoted(base + "/here"))", width: 400, height: 20,
                                         environment: ["XDG_CONFIG_HOME": base + "/config"]) else {
            print("remote figures skipped: tmux is not installed")
            return
        }
        defer { pane.stop() }
        func count(_ text: String, _ index: Int) -> Int? {
            guard let match = text.firstMatch(of: try! Regex("@r\(index) (\\d+) need")) else { return text.contains("@r\(index) ok") ? 0 : nil }
            return Int(match.output[1].substring ?? "")
        }
        let everyone = pane.wait(from: started, deadline: 180) { text in (0..<remotes).allSatisfy { count(text, $0) != nil } }
        let hubPid = Int32(pane.format("pane_pid")) ?? 0
        usleep(1_000_000)
        let sshChildren = processes { $0.parent == hubPid && $0.name == "ssh" }.count
        let farHubs = processes { $0.commandLine.contains(base + "/far-") && $0.commandLine.hasSuffix("mcp") && $0.name != "ssh" }
        let farRSS = farHubs.map { rss(of: $0.pid) }.reduce(0, +)

        var times: [Double] = []
        var current = count(pane.screen(), 0) ?? 0
        for probe in 0..<changes {
            let file = base + "/far-0/.coderef/sessions/feature-\(probe * 2 + 1)-phase1/communication.json"
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            let calm = text.replacingOccurrences(of: #""status": "[a-z_]+""#, with: #""status": "in_progress""#, options: .regularExpression)
            let start = Measure.now()
            TerminalProbe.write(calm, to: file)
            if let seconds = pane.wait(from: start, deadline: 10, { count($0, 0) == current - 1 }) {
                times.append(seconds)
                current -= 1
            } else if let now = count(pane.screen(), 0) {
                current = now
            }
            usleep(200_000)
        }
        let hubPeak = peak(of: hubPid)
        pane.keys("q")
        let sorted = times.sorted()
        print("| measurement (\(remotes) remotes × 500 sessions, loopback sshd) | value |")
        print("| --- | --- |")
        print("| start → every remote's count in the status bar | " + (everyone.map(Measure.ms) ?? "not within 180 s") + " |")
        print("| ssh processes of the hub / far hubs serving it | \(sshChildren) / \(farHubs.count) |")
        print("| peak RSS of the hub with the remotes followed | \(hubPeak / 1024) MB |")
        print("| far hubs' RSS, all \(farHubs.count) together | \(farRSS / 1024) MB |")
        if sorted.isEmpty {
            print("| far change → frame | none seen |")
        } else {
            print("| far change → frame over ssh, p50 / p99 (seen) | \(Measure.ms(Measure.percentile(sorted, 0.5))) / \(Measure.ms(Measure.percentile(sorted, 0.99))) (\(sorted.count)/\(changes)) |")
        }
    }

    struct ProcessInfoLine {
        var pid: Int32
        var parent: Int32
        var name: String
        var commandLine: String
    }

    static func processes(_ matching: (ProcessInfoLine) -> Bool) -> [ProcessInfoLine] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> ProcessInfoLine? in
            guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { return nil }
            let name = String(stat[stat.index(after: open)..<close])
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            let parent = fields.count > 1 ? Int32(fields[1]) ?? 0 : 0
            let command = ((try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()).map { $0 == 0 ? 32 : $0 }
            let line = ProcessInfoLine(pid: pid, parent: parent, name: name, commandLine: String(decoding: command, as: UTF8.self).trimmingCharacters(in: .whitespaces))
            return matching(line) ? line : nil
        }
    }

    /// KB from /proc/PID/status.
    static func field(_ name: String, of pid: Int32) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    static func rss(of pid: Int32) -> Int { field("VmRSS", of: pid) }
    static func peak(of pid: Int32) -> Int { field("VmHWM", of: pid) }
}
