import Foundation
import HubCore
import HubTUI
#if canImport(Glibc)
import Glibc
#endif

/// sessions-hub-bench [--quick] [--scales 1,10]: the [SCALE] figures at each scale, in one run, next
/// to `jq -c .` over the same files: `status --json`, the screen's first frame, file renamed → frame,
/// key → frame, `q` during a full reload, peak memory with the screen open, idle CPU. Prints one
/// Markdown table for the README. `--screen ROOT` is the child process that hosts the screen.
let arguments = CommandLine.arguments
let quick = arguments.contains("--quick")
if let index = arguments.firstIndex(of: "--screen"), index + 1 < arguments.count {
    ScreenChild.run(root: arguments[index + 1], quick: quick)
}
if let index = arguments.firstIndex(of: "--generate"), index + 1 < arguments.count {
    // `--generate DIR [SCALE]`: write the workspace only (for profiling and for trying the screen).
    let scale = index + 2 < arguments.count ? Int(arguments[index + 2]) ?? 1 : 1
    let files = try ScaleWorkspace.write(to: arguments[index + 1], stubs: 1000 * scale, sessions: 500 * scale)
    print("wrote \(files) files to \(arguments[index + 1])")
    exit(0)
}
let binFolderForRemotes = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
if let index = arguments.firstIndex(of: "--remotes") {
    // `--remotes [N]`: the [REMOTE] figures only (N far workspaces behind a loopback sshd; 10 by default).
    let count = index + 1 < arguments.count ? Int(arguments[index + 1]) ?? 10 : 10
    try RemoteProbe.run(hub: binFolderForRemotes + "/sessions-hub", remotes: count, changes: quick ? 20 : 50)
    exit(0)
}
let scales = arguments.firstIndex(of: "--scales").flatMap { index in
    index + 1 < arguments.count ? arguments[index + 1].split(separator: ",").compactMap { Int($0) } : nil
} ?? [1, 10]
let binFolder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
let hub = binFolder + "/sessions-hub"
let hasJQ = Measure.shell("command -v jq") != nil
let runs = quick ? 3 : 5

struct Row {
    var name: String
    var values: [String]
}
nonisolated(unsafe) var rows: [Row] = []
func put(_ name: String, _ column: Int, _ value: String) {
    if let index = rows.firstIndex(where: { $0.name == name }) {
        rows[index].values[column] = value
    } else {
        var values = Array(repeating: "", count: scales.count)
        values[column] = value
        rows.append(Row(name: name, values: values))
    }
}
func ratio(_ mine: Double, _ baseline: Double?) -> String {
    guard let baseline, baseline > 0 else { return Measure.ms(mine) }
    return Measure.ms(mine) + String(format: " (%.2f× jq)", mine / baseline)
}

for (column, scale) in scales.enumerated() {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sessions-hub-bench-\(getpid())-\(scale)x").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let stubs = 1000 * scale, sessions = 500 * scale
    FileHandle.standardError.write(Data("generating \(scale)×: \(stubs) stubs, \(sessions) sessions, \(sessions * 10) agents…\n".utf8))
    let files = try ScaleWorkspace.write(to: root, stubs: stubs, sessions: sessions)
    put("workspace (stubs / sessions / agents / files)", column, "\(stubs) / \(sessions) / \(sessions * 10) / \(files)")
    // Warm the page cache for everyone alike.
    _ = Measure.shell("cat $(find \(Measure.quoted(root)) -name '*.json') > /dev/null")

    var jq: Double?
    if hasJQ {
        let times = (0..<runs).compactMap { _ in Measure.shell("find \(Measure.quoted(root)) -name '*.json' -print0 | xargs -0 jq -c . > /dev/null") }
        jq = times.isEmpty ? nil : Measure.median(times)
        put("baseline: `jq -c .` over the same files, median", column, jq.map(Measure.ms) ?? "jq failed")
    } else {
        put("baseline: `jq -c .` over the same files, median", column, "jq not installed: skipped")
    }
    let statusTimes = (0..<runs).compactMap { _ in Measure.shell("\(Measure.quoted(hub)) --root \(Measure.quoted(root)) status --json > /dev/null") }
    put("`status --json`, median", column, statusTimes.isEmpty ? "failed" : ratio(Measure.median(statusTimes), jq))
    let loader = WorkspaceLoader(layout: WorkspaceLayout(root: root))
    var loads: [Double] = []
    for _ in 0..<runs {
        let start = Measure.now()
        _ = loader.load()
        loads.append(Measure.now() - start)
    }
    put("full load in-process, median", column, ratio(Measure.median(loads), jq))

    // Raw inotify on the same kind of change (a file renamed into an agent's folder): the floor.
    put("baseline: raw inotify event after a rename, p50 / p99", column, RawInotify.latency(folder: root + "/.coderef/sessions/feature-1-phase1", changes: quick ? 50 : 200))

    // The screen in a child process, as a user starts it.
    FileHandle.standardError.write(Data("screen at \(scale)×…\n".utf8))
    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    child.arguments = ["--screen", root] + (quick ? ["--quick"] : [])
    let output = Pipe()
    child.standardOutput = output
    let started = Measure.now()
    try child.run()
    var buffer = Data()
    var quitAt = 0.0
    var goneAt = 0.0
    readLoop: while true {
        let chunk = output.fileHandleForReading.availableData
        // End of file: the child's descriptors were closed by the kernel as the process ended.
        if chunk.isEmpty {
            goneAt = Measure.now()
            break
        }
        buffer.append(chunk)
        while let newline = buffer.firstIndex(of: 10) {
            let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
            buffer.removeSubrange(buffer.startIndex...newline)
            let parts = line.split(separator: " ").map(String.init)
            let number = { (index: Int) -> Double in parts.indices.contains(index) ? Double(parts[index]) ?? .nan : .nan }
            switch parts.first {
            case "LIST"?: put("start → first frame with the list drawn", column, ratio(Measure.now() - started, jq))
            case "KEY"?: put("key → frame, p50 / p99", column, Measure.ms(number(1)) + " / " + Measure.ms(number(2)))
            case "FILTER"?: put("filter key typed → frame, p50 / p99", column, Measure.ms(number(1)) + " / " + Measure.ms(number(2)))
            case "CHANGE"?:
                put("file renamed → frame with the new status, p50 / p99 (seen)", column,
                    Measure.ms(number(3)) + " / " + Measure.ms(number(4)) + " (\(parts[1])/\(parts[2]))")
            case "ACTIVITY"?:
                put("agent's state file rewritten → frame showing it waiting, p50 / p99 (seen)", column,
                    Measure.ms(number(3)) + " / " + Measure.ms(number(4)) + " (\(parts[1])/\(parts[2]))")
            case "RSS"?: put("peak RSS with the screen open", column, String(format: "%.0f MB", number(1)))
            case "IDLE"?: put("idle screen with 10 live agents: CPU ticks, wakeups over \(Int(number(3))) s", column, "\(parts[1]) ticks, \(parts[2]) wakeups")
            case "QUIT"?:
                quitAt = Measure.now()
                put("`q` during a full reload → process gone", column, parts.count > 1 && parts[1] == "idle" ? "(reload already done) " : "")
            case "EXITED"?: break
            default: break
            }
        }
    }
    child.waitUntilExit()
    if quitAt > 0 {
        let index = rows.firstIndex { $0.name == "`q` during a full reload → process gone" }!
        rows[index].values[column] += Measure.ms(goneAt - quitAt)
    }

    // The same screen as a person's terminal sees it: the real binary in tmux, changes written by
    // this process (on the files the child above already changed: its counts are read, not assumed).
    FileHandle.standardError.write(Data("screen in tmux at \(scale)×…\n".utf8))
    let moving = "in tmux: a change that moves rows (a session leaves NEEDS YOU) → frame, p50 / p99 (seen)"
    let still = "in tmux: a change that moves nothing (an agent's note) → frame, p50 / p99 (seen)"
    if let probe = TerminalProbe.run(hub: hub, root: root, changes: quick ? 20 : 100) {
        put(moving, column, Measure.ms(Measure.percentile(probe.moving, 0.5)) + " / " + Measure.ms(Measure.percentile(probe.moving, 0.99)) + " (\(probe.moving.count)/\(probe.tried))")
        put(still, column, Measure.ms(Measure.percentile(probe.still, 0.5)) + " / " + Measure.ms(Measure.percentile(probe.still, 0.99)) + " (\(probe.still.count)/\(probe.tried))")
    } else {
        put(moving, column, "tmux not available: skipped")
        put(still, column, "tmux not available: skipped")
    }
}

var host = ""
if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8), let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }) {
    host = line.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
}
print("\n\(ProcessInfo.processInfo.activeProcessorCount) cores, \(host); release build; \(ISO8601DateFormatter().string(from: Date()))\n")
print("| measurement | " + scales.map { "\($0)×" }.joined(separator: " | ") + " |")
print("| --- |" + String(repeating: " --- |", count: scales.count))
for row in rows { print("| \(row.name) | " + row.values.joined(separator: " | ") + " |") }
