import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

// A simulated coding agent, for the living demo and the dispatch tests: it waits for its one-liner
// the way an interactive agent does (raw terminal, bracketed paste, Enter submits), records exactly
// what it received, then does what the one-liner says — marks itself in progress in the file it
// names, writes its output, marks itself complete — with a pause between steps.
//
//   sessions-hub-sim-agent [--pace SECONDS] [--record FILE] [--ignore-input] [--ask-trust] [--ask | --ask-agent ID] [--exit-when-done]
//
// --ask: before it writes anything it asks for permission on its screen, as Claude Code does
// ("Do you want to proceed?" with numbered choices; 1 = yes); --ask-agent ID: only when it is that
// agent (repeatable; the living demo has one agent ask).

var pace = 2.0
var recordPath: String?
var ignoreInput = false
var exitWhenDone = false
var asksTrust = false
var asks = false
var askingAgents: Set<String> = []
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--pace": pace = arguments.next().flatMap(Double.init) ?? pace
    case "--record": recordPath = arguments.next()
    case "--ignore-input": ignoreInput = true
    case "--exit-when-done": exitWhenDone = true
    case "--ask-trust": asksTrust = true
    case "--ask": asks = true
    case "--ask-agent": if let id = arguments.next() { askingAgents.insert(id) }
    case "-h", "--help":
        print("usage: sessions-hub-sim-agent [--pace SECONDS] [--record FILE] [--ignore-input] [--ask-trust] [--ask | --ask-agent ID] [--exit-when-done]")
        exit(0)
    default:
        FileHandle.standardError.write(Data("sessions-hub-sim-agent: unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\r\n").utf8))
}

say("simulated agent in \(FileManager.default.currentDirectoryPath)")
if ignoreInput {
    // An agent that hangs at its prompt: it asks for bracketed paste (so it looks ready) but never
    // reads its input, and what is typed stays in the terminal's queue.
    say("(not reading input)")
    FileHandle.standardOutput.write(Data("\u{1b}[?2004h> ".utf8))
    while true { sleep(60) }
}

if asksTrust {
    // As agents do on a first run in a folder: nothing else happens until it is answered.
    say("Do you trust the files in this folder? (y/n)")
    _ = readLine()
}
let received = SimulatedAgent.readPrompt()
if let recordPath { try? Data(received.utf8).write(to: URL(fileURLWithPath: recordPath)) }
say("")
say("got \(received.count) characters")
let agentId = SimulatedAgent.parse(received).agent ?? ""
if asks || askingAgents.contains(agentId) {
    if !SimulatedAgent.askPermission("May I write my output and report \(agentId) complete?", say: say) {
        say("not allowed: stopping here")
        while true { sleep(60) }
    }
}
do {
    try SimulatedAgent.work(on: received, pace: pace, say: say)
    say("done")
} catch {
    say("could not do the work: \(error)")
}
if exitWhenDone { exit(0) }
while true { sleep(60) }
