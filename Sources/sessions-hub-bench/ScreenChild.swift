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
        nonisolated(unsafe) let app = ScreenApp(terminal: terminal, live: live, context: AppContext(layout: layout), environment: [:])

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
        report("RSS", Measure.maxRSSMegabytes())

        // Idle: nothing changes, no key is pressed.
        let idleSeconds = quick ? 10.0 : 60.0
        let ticks = Measure.cpuTicks()
        let wakeups = app.wakeups
        Thread.sleep(forTimeInterval: idleSeconds)
        report("IDLE", Measure.cpuTicks() - ticks, app.wakeups - wakeups, idleSeconds)

        // q while a full reload is in flight: the parent times from QUIT to the process being gone.
        terminal.send(.character("r"))
        _ = waitFor({ !app.isIdle }, seconds: 2)
        report("QUIT", app.isIdle ? "idle" : "reloading")
        terminal.send(.character("q"))
        Thread.sleep(forTimeInterval: 30)
        exit(3)
    }
}
