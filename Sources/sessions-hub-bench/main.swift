import Foundation
import HubCore
import HubTUI
#if canImport(Glibc)
import Glibc
#endif

/// sessions-hub-bench [--quick]: load time, memory, render time, change-to-screen latency against raw
/// inotify, and idle CPU of the open screen. Prints a Markdown table for the README.
let quick = CommandLine.arguments.contains("--quick")
let root = FileManager.default.temporaryDirectory.appendingPathComponent("sessions-hub-bench-\(getpid())").path
defer { try? FileManager.default.removeItem(atPath: root) }

func now() -> Double { Date().timeIntervalSince1970 }
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
}
func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
func maxRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}
func cpuSeconds() -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return 0 }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
    return ((Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)) / ticks
}

var rows: [(String, String)] = []
print("generating the workspace (1,000 stubs, 500 sessions, 5,000 agents)…")
try ScaleWorkspace.write(to: root)
let layout = WorkspaceLayout(root: root)
let loader = WorkspaceLoader(layout: layout)

// 1. Full load.
var loads: [Double] = []
var snapshot = WorkspaceSnapshot(root: root)
for _ in 0..<(quick ? 2 : 5) {
    let start = now()
    snapshot = loader.load()
    loads.append(now() - start)
}
rows.append(("full load (\(snapshot.stubs.count) stubs, \(snapshot.sessions.count) sessions, \(snapshot.sessions.reduce(0) { $0 + $1.agents.count }) agents), median", ms(percentile(loads, 0.5))))
rows.append(("peak memory after loading", String(format: "%.0f MB", maxRSSMegabytes())))

// 2. Render a 120×40 frame of the open session.
var state = AppState(snapshot: snapshot, size: Size(width: 120, height: 40), now: Date())
_ = Reducer.reduce(&state, .key(.enter))
var renders: [Double] = []
for _ in 0..<200 {
    let start = now()
    _ = Render.screen(state)
    renders.append(now() - start)
}
rows.append(("render one 120×40 frame, median / p99", ms(percentile(renders, 0.5)) + " / " + ms(percentile(renders, 0.99))))
var keys: [Double] = []
for index in 0..<200 {
    let start = now()
    _ = Reducer.reduce(&state, .key(index % 2 == 0 ? .down : .up))
    _ = Render.screen(state)
    keys.append(now() - start)
}
rows.append(("key press to new frame (reduce + render), median / p99", ms(percentile(keys, 0.5)) + " / " + ms(percentile(keys, 0.99))))

// Parts of a live update, on their own.
func median(_ runs: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = now()
        body()
        times.append(now() - start)
    }
    return percentile(times, 0.5)
}
let changedFile: Set<String> = [root + "/.coderef/sessions/feature-0-phase1/agent-3/communication.json"]
rows.append(("incremental reload of one changed session, median", ms(median(20) { _ = loader.reload(changed: changedFile, previous: snapshot) })))
rows.append(("list model for the snapshot, median", ms(median(20) { _ = ListModel(snapshot) })))
rows.append(("snapshot diff, median", ms(median(20) { _ = SnapshotDiff.changes(from: snapshot, to: snapshot) })))
rows.append(("reducer on a new snapshot, median", ms(median(20) { var copy = state; _ = Reducer.reduce(&copy, .snapshotLoaded(snapshot)) })))

// 3. Raw inotify latency on the same files.
let changes = quick ? 50 : 200
let target = root + "/.coderef/sessions/feature-0-phase1/agent-3/communication.json"
let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
_ = inotify_add_watch(fd, (target as NSString).deletingLastPathComponent, UInt32(IN_MOVED_TO | IN_CLOSE_WRITE))
var raw: [Double] = []
var buffer = [UInt8](repeating: 0, count: 4096)
for index in 0..<changes {
    try Data(#"{"agent_id": "agent-3", "status": "raw-\#(index)"}"#.utf8).write(to: URL(fileURLWithPath: target + ".tmp"))
    let start = now()
    rename(target + ".tmp", target)
    var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    _ = poll(&descriptor, 1, 1000)
    raw.append(now() - start)
    while read(fd, &buffer, buffer.count) > 0 {}
}
close(fd)

// 4. Change → frame latency through the real event loop (watcher, reload, reduce, render, draw).
let terminal = MemoryTerminal(size: Size(width: 120, height: 40))
terminal.keepsFrames = false
let live = LiveWorkspace(loader: loader)
nonisolated(unsafe) let app = ScreenApp(terminal: terminal, live: live)
let marker = NSLock()
nonisolated(unsafe) var wanted = ""
nonisolated(unsafe) var seenAt: Double = 0
terminal.onDraw = { canvas in
    marker.lock()
    defer { marker.unlock() }
    if !wanted.isEmpty && seenAt == 0 && canvas.description.contains(wanted) { seenAt = now() }
}
let loop = Thread { _ = app.run() }
loop.start()
terminal.send(.enter) // open feature-0-phase1's agents (the first session in the list)
Thread.sleep(forTimeInterval: 0.5)
var latencies: [Double] = []
for index in 0..<changes {
    let word = "step-\(index)"
    try Data(#"{"agent_id": "agent-3", "status": "\#(word)"}"#.utf8).write(to: URL(fileURLWithPath: target + ".tmp"))
    marker.lock(); wanted = word; seenAt = 0; marker.unlock()
    let start = now()
    rename(target + ".tmp", target)
    let deadline = start + 2
    while now() < deadline {
        marker.lock(); let seen = seenAt; marker.unlock()
        if seen > 0 { latencies.append(seen - start); break }
        usleep(200)
    }
}
rows.append(("raw inotify event after rename, p50 / p99", ms(percentile(raw, 0.5)) + " / " + ms(percentile(raw, 0.99))))
rows.append(("file renamed → frame with the new status drawn (\(latencies.count)/\(changes) seen), p50 / p99", ms(percentile(latencies, 0.5)) + " / " + ms(percentile(latencies, 0.99))))

// 5. Idle: nothing changes, no key is pressed.
let idleSeconds = quick ? 10.0 : 60.0
let wakeupsBefore = app.wakeups
let cpuBefore = cpuSeconds()
Thread.sleep(forTimeInterval: idleSeconds)
let cpuIdle = cpuSeconds() - cpuBefore
rows.append(("idle screen over \(Int(idleSeconds)) s: CPU, wakeups", String(format: "%.2f%% (%.0f ms), %d wakeups", cpuIdle / idleSeconds * 100, cpuIdle * 1000, app.wakeups - wakeupsBefore)))
terminal.send(.character("q"))

print("\n| measurement | result |\n| --- | --- |")
for (name, value) in rows { print("| \(name) | \(value) |") }
