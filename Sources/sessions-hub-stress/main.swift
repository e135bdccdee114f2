import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// sessions-hub-stress [--quick]: hostile inputs, concurrent writers, kills mid-start and terminal
/// endings, against the real binary. Prints one Markdown table (README "Reliability").
let quick = CommandLine.arguments.contains("--quick")
let binFolder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
let hub = ProcessInfo.processInfo.environment["SESSIONS_HUB_BIN"] ?? binFolder + "/sessions-hub"
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sessions-hub-stress-\(getpid())").path
try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: scratch) }
var rows: [(String, String)] = []
func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

// 1. Hostile inputs.
note("hostile inputs…")
var inputs = HostileInputs(hub: hub)
var tally = HostileInputs.Tally()
for _ in 0..<(quick ? 20 : 300) { try inputs.run(&tally, scratch: scratch) }
rows.append(("hostile workspaces read (status, status --json, doctor each)", "\(tally.inputs)"))
rows.append(("crashes (killed by a signal)", "\(tally.crashes)"))
rows.append(("hangs (> 10 s)", "\(tally.hangs)"))
rows.append(("unparseable files not reported as problems", "\(tally.unreported)"))
rows.append(("outputs with an escape, C1 control or bidi override", "\(tally.leaks)"))

// 2. Writers: locked set-status processes, alone and against an unlocked atomic-rename writer.
// Three runs each: the figures are ranges, never one lucky run.
note("concurrent writers…")
let writers = Writers(hub: hub, scratch: scratch)
let updates = quick ? 5 : 20
func range(_ values: [Int]) -> String { values.min() == values.max() ? "\(values[0])" : "\(values.min()!)–\(values.max()!)" }
let lockedRuns = try (0..<3).map { _ in try writers.run(agents: 8, updates: updates, unlockedWriter: false) }
rows.append(("locked writers × updates, 3 runs: final updates lost", "8 × \(updates): \(range(lockedRuns.map(\.lost))) lost, \(range(lockedRuns.map(\.refused))) refused"))
let unlockedRuns = try (0..<3).map { _ in try writers.run(agents: 8, updates: updates, unlockedWriter: true) }
rows.append(("… against an unlocked atomic-rename writer, 3 runs: the writer's own change undone by the hub", "\(unlockedRuns.filter(\.clobbered).count) of 3 runs"))
rows.append(("… against an unlocked atomic-rename writer, 3 runs: hub updates the writer then overwrote (its own race; no lock of ours can prevent it)", "8 × \(updates): \(range(unlockedRuns.map(\.lost))) of 8 last updates, \(range(unlockedRuns.map(\.refused))) refused"))

// 3. Kills in the middle of `start`.
note("kills mid-start…")
let kills = try KillsMidStart(hub: hub, scratch: scratch).run(times: quick ? 10 : 60)
rows.append(("`start` killed at a random moment, then any hub command", "\(kills.runs) kills, \(kills.halfStates) half states left, \(kills.leftovers) temporary files shown"))

// 4. Terminal endings.
note("terminal endings…")
let endings = TerminalEndings(hub: hub, scratch: scratch).run(times: quick ? 6 : 30)
rows.append(("screen ended by q, Ctrl-C, SIGTERM, SIGHUP, SIGQUIT, SIGINT", "\(endings.runs) runs, \(endings.restored) terminals restored"))

// 5. A hostile repository: names that are code, links out of the root, swapped config, long lines.
note("hostile repository…")
let hostile = try HostileRepository(hub: hub, scratch: scratch).run(rounds: quick ? 1 : 5)
rows.append(("hostile-repository cases (completion, trust swap, doctor --fix, linked state folder, MCP lines, huge history, escape ids)", "\(hostile.cases)"))
rows.append(("… commands run from a workspace's names or an untrusted config", "\(hostile.executions)"))
rows.append(("… files deleted or written outside the root, or the history lost", "\(hostile.outside)"))
rows.append(("… MCP stalls over 2 s (1, 4, 8 MB lines)", "\(hostile.stalls)"))
for line in hostile.notes { note(line) }

print("\n| measurement | result |\n| --- | --- |")
for (name, value) in rows { print("| \(name) | \(value) |") }
