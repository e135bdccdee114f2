import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// A workspace written by an attacker (README "Security"): names that are shell code and tmux
/// formats, a config swapped under the trust check, links out of the root, look-alike temporary
/// files, an overlong MCP line, a huge history, escape sequences in agent ids. Each case counts what
/// must stay zero: commands run, files written or deleted outside the root, stalls over 2 s.
struct HostileRepository {
    let hub: String
    let scratch: String

    struct Tally {
        var cases = 0
        var executions = 0
        var outside = 0
        var stalls = 0
        var notes: [String] = []
    }

    static let shellNames = ["$(touch pwned-1)", "`touch pwned-2`", "${IFS}x;touch pwned-3", "x$(cd;touch pwned-4)", "a b; touch pwned-5", "#(cd;touch pwned-6)"]

    func workspace(_ label: String) throws -> String {
        let root = scratch + "/hostile-" + label
        try? FileManager.default.removeItem(atPath: root)
        try DemoWorkspace.write(to: root)
        try FileManager.default.createDirectory(atPath: root + "/marks", withIntermediateDirectories: true)
        return root
    }

    func marks(_ root: String) -> Int { ((try? FileManager.default.contentsOfDirectory(atPath: root + "/marks")) ?? []).count }

    func run(rounds: Int) throws -> Tally {
        var tally = Tally()
        try completion(&tally)
        trustSwap(&tally, plans: rounds * 40)
        try doctorFix(&tally)
        try linkedStateFolder(&tally)
        try mcpLines(&tally)
        try hugeHistory(&tally)
        try escapeIds(&tally)
        return tally
    }

    /// bash's completion function called as the shell calls it, for each hostile stub, session and
    /// agent name (zsh and fish quote what they are given; the tests press Tab in each).
    func completion(_ tally: inout Tally) throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return tally.notes.append("bash missing: completion not tried") }
        let root = try workspace("completion")
        for (index, name) in HostileRepository.shellNames.enumerated() {
            let folder = root + "/coderef/working/" + name
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try #"{"feature_name": "h\#(index)", "status": "ready"}"#.write(toFile: folder + "/stub.json", atomically: true, encoding: .utf8)
        }
        let ids = HostileRepository.shellNames.map { #"{"agent_id": \#(JSONPrinter.compact(.string($0))), "status": "in_progress"}"# }.joined(separator: ", ")
        try FileManager.default.createDirectory(atPath: root + "/coderef/sessions/ids", withIntermediateDirectories: true)
        try #"{"agents": [\#(ids)]}"#.write(toFile: root + "/coderef/sessions/ids/communication.json", atomically: true, encoding: .utf8)
        let script = root + "/completion.bash"
        _ = try Subprocess.run(hub, ["--generate-completion-script", "bash"], environment: ["PATH": "/usr/bin:/bin"], stdoutPath: script, timeout: 10)
        let bin = (hub as NSString).deletingLastPathComponent
        for words in [["start", ""], ["one-liner", ""], ["set-status", "ids", ""], ["dispatch", "ids", ""]] {
            let all = ["sessions-hub"] + [words[0], "--root", root] + words.dropFirst()
            let program = """
            cd '\(root)/marks'; source '\(script)'
            COMP_WORDS=(\(all.map { "'\($0)'" }.joined(separator: " "))); COMP_CWORD=\(all.count - 1)
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; _sessions-hub
            """
            _ = try? Subprocess.run("/bin/bash", ["-c", program], environment: ["PATH": bin + ":/usr/bin:/bin", "HOME": root + "/marks"], timeout: 20)
            tally.cases += 1
        }
        tally.executions += marks(root)
    }

    /// The workspace's hub.toml swapped between a trusted and an evil version while settings are
    /// read and dispatch is planned, as fast as it goes: an evil command must never pass trust.
    func trustSwap(_ tally: inout Tally, plans: Int) {
        guard let root = try? workspace("trust") else { return }
        let file = TrustStore.workspaceConfig(root: root)
        let good = "[dispatch]\ncommand = \"harmless\"\n", evil = "[dispatch]\ncommand = \"evil\"\n"
        try? good.write(toFile: file, atomically: true, encoding: .utf8)
        let store = TrustStore(file: root + "/user-trusted")
        guard let digest = ConfigLoader.load(root: root, environment: [:]).0.workspaceConfigDigest, (try? store.trust(file, digest: digest)) != nil else { return }
        let snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: root)).load()
        guard let session = snapshot.sessions.first(where: { !$0.agents.isEmpty }) else { return }
        let stop = Shared(false)
        let swapper = Thread {
            var flip = false
            while !stop.value {
                flip.toggle()
                try? (flip ? evil : good).write(toFile: file, atomically: true, encoding: .utf8)
            }
        }
        swapper.start()
        var accepted = 0
        for _ in 0..<plans {
            let settings = ConfigLoader.load(root: root, environment: [:]).0
            if case .success(let targets) = DispatchPlanner.plan(session: session, agentIds: [session.agents[0].agentId], settings: settings, root: root, trust: store),
               targets.first?.arguments.first == "evil" { accepted += 1 }
            tally.cases += 1
        }
        stop.update { $0 = true }
        tally.executions += accepted
    }

    /// doctor --fix against look-alikes inside the root, a folder outside named by the config, and a
    /// link out: only the hub's own leftovers may go.
    func doctorFix(_ tally: inout Tally) throws {
        let root = try workspace("doctor")
        let victim = scratch + "/hostile-doctor-victim"
        try? FileManager.default.removeItem(atPath: victim)
        try FileManager.default.createDirectory(atPath: victim + "/mine/.notes.hub-3-4.tmp", withIntermediateDirectories: true)
        try "keep".write(toFile: victim + "/.precious.hub-1-2.tmp", atomically: true, encoding: .utf8)
        try "mine".write(toFile: victim + "/mine/.notes.hub-3-4.tmp/notes.txt", atomically: true, encoding: .utf8)
        try "[workspace]\nsessions = [\"../hostile-doctor-victim\", \".coderef/sessions\"]\n".write(toFile: root + "/.coderef/hub.toml", atomically: true, encoding: .utf8)
        symlink(victim + "/mine", root + "/.coderef/sessions/linked")
        try FileManager.default.createDirectory(atPath: root + "/.coderef/sessions/.mine.hub-5-6.tmp", withIntermediateDirectories: true)
        try "a person's file".write(toFile: root + "/.coderef/sessions/.mine.hub-5-6.tmp/plan.md", atomically: true, encoding: .utf8)
        try "loose".write(toFile: root + "/.coderef/sessions/.draft.hub-notes.tmp", atomically: true, encoding: .utf8)
        _ = try? Subprocess.run(hub, ["doctor", "--fix", "--yes", "--root", root], environment: ["PATH": "/usr/bin:/bin", "HOME": scratch], timeout: 30)
        let survivors = [victim + "/.precious.hub-1-2.tmp", victim + "/mine/.notes.hub-3-4.tmp/notes.txt",
                         root + "/.coderef/sessions/.mine.hub-5-6.tmp/plan.md", root + "/.coderef/sessions/.draft.hub-notes.tmp"]
        tally.cases += survivors.count
        tally.outside += survivors.filter { !FileManager.default.fileExists(atPath: $0) }.count
    }

    /// `.coderef/sessions-hub` a link to a folder outside: set-status and start write nothing there.
    func linkedStateFolder(_ tally: inout Tally) throws {
        let root = try workspace("state-link")
        let victim = scratch + "/hostile-state-victim"
        try? FileManager.default.removeItem(atPath: victim)
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: root + "/.coderef/sessions-hub")
        symlink(victim, root + "/.coderef/sessions-hub")
        let environment = ["PATH": "/usr/bin:/bin", "HOME": scratch]
        _ = try? Subprocess.run(hub, ["set-status", "--root", root, "api-migration-phase1", "docs-writer", "complete"], environment: environment, timeout: 30)
        _ = try? Subprocess.run(hub, ["start", "--root", root, "parallel-docs-audit", "--yes"], environment: environment, timeout: 30)
        tally.cases += 2
        tally.outside += ((try? FileManager.default.contentsOfDirectory(atPath: victim)) ?? []).count
    }

    /// Lines of 1, 4 and 8 MB to `sessions-hub mcp`, each followed by a normal request: how long until
    /// the normal one is answered.
    func mcpLines(_ tally: inout Tally) throws {
        let root = try workspace("mcp")
        for megabytes in [1, 4, 8] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: hub)
            process.arguments = ["mcp", "--root", root]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let initialize = #"{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "stress", "version": "1"}}}"#
            let long = #"{"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "list_stubs", "arguments": {"filter": ""# + String(repeating: "a", count: megabytes << 20) + "\"}}}"
            let normal = #"{"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "list_stubs", "arguments": {}}}"#
            input.fileHandleForWriting.write(Data((initialize + "\n" + #"{"jsonrpc": "2.0", "method": "notifications/initialized"}"# + "\n").utf8))
            let started = Date()
            let writer = Thread {
                input.fileHandleForWriting.write(Data((long + "\n" + normal + "\n").utf8))
            }
            writer.start()
            let answered = Shared(false)
            let reader = Thread {
                var buffer = Data()
                // availableData returns what is there (read(upToCount:) waits for the whole count).
                while case let chunk = output.fileHandleForReading.availableData, !chunk.isEmpty {
                    buffer.append(chunk)
                    if buffer.range(of: Data(#""id":3"#.utf8)) != nil || buffer.range(of: Data(#""id": 3"#.utf8)) != nil {
                        answered.update { $0 = true }
                        return
                    }
                }
            }
            reader.start()
            while !answered.value && Date().timeIntervalSince(started) < 120 { usleep(10_000) }
            let seconds = Date().timeIntervalSince(started)
            tally.cases += 1
            if !answered.value || seconds > 2 { tally.stalls += 1 }
            tally.notes.append("MCP \(megabytes) MB line: next request answered after \(String(format: "%.2f", seconds)) s")
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// A 100 MB history, then a status change: the history keeps its newest entries.
    func hugeHistory(_ tally: inout Tally) throws {
        let root = try workspace("history")
        let path = root + "/" + StatusHistory.relativePath
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let line = #"{"time": "2026-01-01T00:00:00Z", "session": "s", "agent": "old", "from": null, "to": "in_progress", "note": null}"# + "\n"
        let block = Data(String(repeating: line, count: 10_000).utf8)
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        while (try handle.offset()) < 100 << 20 { handle.write(block) }
        try handle.close()
        _ = try? Subprocess.run(hub, ["set-status", "--root", root, "api-migration-phase1", "docs-writer", "complete"], environment: ["PATH": "/usr/bin:/bin", "HOME": scratch], timeout: 60)
        let kept = StatusHistory.load(root: root)
        tally.cases += 1
        if kept.count < 1000 || kept.last?.agent != "docs-writer" { tally.outside += 1; tally.notes.append("history lost its entries (\(kept.count) left)") }
    }

    /// Agent ids with ESC, OSC 52 and U+202E given to `new`: refused, and no README carries them.
    func escapeIds(_ tally: inout Tally) throws {
        let root = try workspace("escapes")
        for (index, id) in ["x\u{1B}]52;c;cHduZWQ=\u{07}", "rtl\u{202E}txt", "bell\u{07}"].enumerated() {
            _ = try? Subprocess.run(hub, ["new", "esc-\(index)", "--agent", id, "--yes", "--root", root], environment: ["PATH": "/usr/bin:/bin", "HOME": scratch], timeout: 30)
            tally.cases += 1
        }
        let readmes = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix("README.md") } ?? []
        for readme in readmes {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: root + "/" + readme))) ?? Data()
            if bytes.contains(0x1B) || bytes.contains(0x07) || String(decoding: bytes, as: UTF8.self).contains("\u{202E}") { tally.executions += 1 }
        }
    }
}
