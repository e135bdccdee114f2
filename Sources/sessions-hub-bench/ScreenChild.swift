import Foundation
import HubCore
import HubTUI
#if canImport(Glibc)
import Glibc
#endif

/// `sessions-hub-bench --screen ROOT [--quick]`: the screen's real event loop over an in-memory
/// terminal, in a process of its own, as `sessions-hub` runs it (workspace read on its thread,
/// first frame at once). It reports to the parent on stdout, one `NAME value...` line each:
/// LIST (the list is drawn), KEY p50 p99, FILTER p50 p99, CHANGE seen p50 p99, RSS MB, IDLE ticks wakeups, QUIT.
enum ScreenChild {
    /// One line to the parent, written at once (stdout is a pipe: no buffering in between).
    static func report(_ words: Any...) {
        let line = words.map { "\($0)" }.joined(separator: " ") + "\n"
        var bytes = Array(line.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    static func run(root: String, quick: Bool) -> Never {
        let terminal = MemoryTerminal(size: Size(width: 120, height: 40))
        terminal.keepsFrames = false
        let layout = WorkspaceLayout(root: root)
        let live = LiveWorkspace(loader: WorkspaceLoader(layout: layout), loadNow: false)
        // The agents' own state: a Claude Code state folder of this run's own (ten live agents,
        // this process standing in for them), one of them dispatched into pane %99.
        let home = root + "/.bench-home"
        let agents = AgentStates(home: home, root: root)
        agents.prepare()
        nonisolated(unsafe) let app = ScreenApp(terminal: terminal, live: live, context: AppContext(layout: layout), environment: ["HOME": home])

        let lock = NSLock()
        let drawn = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var wanted = ""
        nonisolated(unsafe) var seenAt = 0.0
        nonisolated(unsafe) var listShown = false
        nonisolated(unsafe) var lastText = ""
        terminal.onDraw = { canvas in
            let text = canvas.description
            lock.lock()
            defer { lock.unlock() }
            if !listShown && text.contains("feature-") {
                listShown = true
                ScreenChild.report("LIST")
            }
            if !wanted.isEmpty && seenAt == 0 && text.contains(wanted) { seenAt = Measure.now() }
            lastText = text
            drawn.signal()
        }
        let loop = Thread {
            let status = app.run()
            ScreenChild.report("EXITED")
            exit(status)
        }
        loop.stackSize = 8 << 20
        loop.start()
        func waitFor(_ condition: () -> Bool, seconds: Double = 60) -> Bool {
            let deadline = Measure.now() + seconds
            while Measure.now() < deadline {
                if lock.withLock(condition) { return true }
                usleep(200)
            }
            return false
        }
        _ = waitFor({ listShown }, seconds: 600)
        // Wait for the loop to settle before measuring.
        _ = waitFor({ app.isIdle })
        usleep(200_000)

        // Key → frame: the selection moves, so every key changes the frame.
        var keys: [Double] = []
        for index in 0..<(quick ? 100 : 400) {
            while drawn.wait(timeout: .now()) == .success {}
            let start = Measure.now()
            terminal.send(index % 2 == 0 ? .down : .up)
            if drawn.wait(timeout: .now() + 2) == .success { keys.append(Measure.now() - start) }
        }
        report("KEY", Measure.percentile(keys, 0.5), Measure.percentile(keys, 0.99))

        // Type a filter (the first session's name), one key at a time: each narrows the whole list.
        var typing: [Double] = []
        for key in [Key.character("/")] + "feature-0-phase1".map({ Key.character($0) }) {
            while drawn.wait(timeout: .now()) == .success {}
            let start = Measure.now()
            terminal.send(key)
            if drawn.wait(timeout: .now() + 5) == .success { typing.append(Measure.now() - start) }
        }
        report("FILTER", Measure.percentile(typing, 0.5), Measure.percentile(typing, 0.99))
        // Open that session, then change one agent's file from outside.
        terminal.send(.enter, .enter)
        _ = waitFor({ lastText.contains("WO-FEATURE-0-001") && terminal.pendingKeys.isEmpty && app.isIdle }, seconds: 30)
        usleep(200_000)
        let target = root + "/.coderef/sessions/feature-0-phase1/agent-3/communication.json"
        let changes = quick ? 50 : 200
        var latencies: [Double] = []
        for index in 0..<changes {
            let word = "step-\(index)"
            let text = #"{"agent_id": "agent-3", "status": "\#(word)", "tasks": [{"status": "complete"}, {"status": "pending"}]}"#
            FileManager.default.createFile(atPath: target + ".tmp", contents: Data(text.utf8))
            lock.withLock { wanted = word; seenAt = 0 }
            let start = Measure.now()
            rename(target + ".tmp", target)
            if waitFor({ seenAt > 0 }, seconds: 5) { latencies.append(lock.withLock { seenAt } - start) }
            usleep(5_000)
        }
        report("CHANGE", latencies.count, changes, Measure.percentile(latencies, 0.5), Measure.percentile(latencies, 0.99))

        // An agent's own state file rewritten (as Claude Code does) → the frame shows what it asks.
        var activity: [Double] = []
        for index in 0..<(quick ? 30 : 100) {
            let word = "q\(index)"
            lock.withLock { wanted = "waiting: " + word; seenAt = 0 }
            let start = Measure.now()
            agents.write(agent: 0, status: "waiting", waitingFor: word)
            if waitFor({ seenAt > 0 }, seconds: 5) { activity.append(lock.withLock { seenAt } - start) }
            agents.write(agent: 0, status: "busy", waitingFor: nil)
            usleep(20_000)
        }
        report("ACTIVITY", activity.count, quick ? 30 : 100, Measure.percentile(activity, 0.5), Measure.percentile(activity, 0.99))
        report("RSS", Measure.maxRSSMegabytes())

        // Idle: nothing changes, no key is pressed — measured once the last change's highlight has
        // faded (it ends with a frame of its own), as when a person leaves the screen open.
        Thread.sleep(forTimeInterval: Reducer.highlightLifetime + 1)
        let idleSeconds = quick ? 10.0 : 60.0
        let ticks = Measure.cpuTicks()
        let wakeups = app.wakeups
        Thread.sleep(forTimeInterval: idleSeconds)
        report("IDLE", Measure.cpuTicks() - ticks, app.wakeups - wakeups, idleSeconds)

        // q while a full reload is in flight: the parent times from QUIT to the process being gone.
        // Back to the list first: in the agents pane, r on an agent at work types it a reply.
        terminal.send(.escape, .escape, .escape)
        _ = waitFor({ terminal.pendingKeys.isEmpty && app.isIdle }, seconds: 10)
        terminal.send(.character("r"))
        _ = waitFor({ !app.isIdle }, seconds: 2)
        report("QUIT", app.isIdle ? "idle" : "reloading")
        terminal.send(.character("q"))
        Thread.sleep(forTimeInterval: 30)
        exit(3)
    }
}

/// Claude Code state files for the bench: ten "live" agents (this process's pid and start time, so
/// they count as running), the first one dispatched into pane %99 of agent-3 in feature-0-phase1.
struct AgentStates {
    let home: String
    let root: String
    var folder: String { home + "/.claude/sessions" }

    func prepare() {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: root + "/.coderef/sessions-hub", withIntermediateDirectories: true)
        let handoffs = #"{"handoffs": {}, "dispatches": {".coderef/sessions/feature-0-phase1": {"agent-3": {"at": "2026-12-04T00:00:00Z", "pane": "%99", "window": "9", "form": "short", "outcome": "submitted"}}}}"#
        FileManager.default.createFile(atPath: root + "/.coderef/sessions-hub/handoffs.json", contents: Data(handoffs.utf8))
        for agent in 0..<10 { write(agent: agent, status: "idle", waitingFor: nil) }
    }

    /// Written as Claude does: the whole file, renamed into place.
    func write(agent: Int, status: String, waitingFor: String?) {
        let pid = getpid()
        let pane = agent == 0 ? "%99" : "%\(100 + agent)"
        var text = #"{"pid": \#(pid), "sessionId": "bench-\#(agent)", "cwd": "/nowhere", "procStart": "\#(ProcessLiveness.startTime(pid) ?? "")", "tmux": "x:@1.\#(pane)", "status": "\#(status)""#
        if let waitingFor { text += #", "waitingFor": "\#(waitingFor)""# }
        text += #", "statusUpdatedAt": \#(Int(Date().timeIntervalSince1970 * 1000))}"#
        // One file per agent (a real pid names only one; the bench's stand-ins take ids past it).
        let name = folder + "/\(Int(pid) * 100 + agent).json"
        FileManager.default.createFile(atPath: name + ".tmp", contents: Data(text.utf8))
        rename(name + ".tmp", name)
    }
}
