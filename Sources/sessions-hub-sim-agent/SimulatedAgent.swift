import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

enum SimulatedAgent {
    /// Reads like an interactive agent: raw mode with bracketed paste on; pasted text (newlines
    /// included) is kept; Enter outside a paste submits. Echoes what arrives, as an input box would.
    static func readPrompt() -> String {
        var saved = termios()
        let isTerminal = tcgetattr(0, &saved) == 0
        if isTerminal {
            var raw = saved
            raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
            raw.c_iflag &= ~tcflag_t(ICRNL | IXON)
            tcsetattr(0, TCSANOW, &raw)
            FileHandle.standardOutput.write(Data("\u{1b}[?2004h> ".utf8))
        }
        defer {
            if isTerminal {
                FileHandle.standardOutput.write(Data("\u{1b}[?2004l".utf8))
                tcsetattr(0, TCSANOW, &saved)
            }
        }
        var text: [UInt8] = []
        var pending: [UInt8] = []
        var inPaste = false
        let start: [UInt8] = Array("\u{1b}[200~".utf8), end: [UInt8] = Array("\u{1b}[201~".utf8)
        var byte: UInt8 = 0
        while read(0, &byte, 1) == 1 {
            if byte == 0x1b || !pending.isEmpty {
                pending.append(byte)
                if pending == start { inPaste = true; pending = [] } else if pending == end { inPaste = false; pending = [] } else if !start.starts(with: pending) && !end.starts(with: pending) {
                    pending = []
                }
                continue
            }
            if !inPaste && (byte == 0x0d || byte == 0x0a) {
                if !isTerminal || !text.isEmpty { break }
                continue
            }
            // A terminal pastes line ends as CR; inside a paste they are newlines, as in any editor.
            text.append(inPaste && byte == 0x0d ? 0x0a : byte)
            let shown = byte == 0x0a || byte == 0x0d ? "\r\n" : String(decoding: [byte], as: UTF8.self)
            FileHandle.standardOutput.write(Data(shown.utf8))
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A permission question with numbered choices, answered by one key (1 yes, 2 no), as agents'
    /// permission prompts are.
    static func askPermission(_ question: String, say: (String) -> Void) -> Bool {
        say(question)
        say("Do you want to proceed?")
        say("\u{276F} 1. Yes")
        say("  2. No")
        var saved = termios()
        let isTerminal = tcgetattr(0, &saved) == 0
        if isTerminal {
            var raw = saved
            raw.c_lflag &= ~tcflag_t(ECHO | ICANON)
            tcsetattr(0, TCSANOW, &raw)
        }
        defer { if isTerminal { tcsetattr(0, TCSANOW, &saved) } }
        var byte: UInt8 = 0
        while read(0, &byte, 1) == 1 {
            if byte == UInt8(ascii: "1") { say("allowed"); return true }
            if byte == UInt8(ascii: "2") { return false }
        }
        return false
    }

    enum Failure: Error, CustomStringConvertible {
        case noStatusFile
        case noAgent
        var description: String {
            switch self {
            case .noStatusFile: return "the one-liner names no communication.json to report in"
            case .noAgent: return "the one-liner names no agent"
            }
        }
    }

    /// The one-liner's facts (short or long form): who I am, where to report, what to write.
    static func parse(_ text: String) -> (agent: String?, statusFile: String?, output: String?) {
        func after(_ marker: String, until stops: [String]) -> String? {
            guard let range = text.range(of: marker) else { return nil }
            var rest = String(text[range.upperBound...])
            for stop in stops { if let end = rest.range(of: stop) { rest = String(rest[..<end.lowerBound]) } }
            let trimmed = rest.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        let agent = after("] ", until: [":"]).flatMap { $0.contains(" ") || $0.contains("\n") ? nil : $0 }
            ?? after("(section `", until: ["`"])
        let status = after("set your status to \"complete\" in ", until: ["\n"]) ?? after("Update your status in `", until: ["`"])
        let output = after(", write ", until: [", then"]) ?? after("Create `", until: ["`"])
        return (agent, status, output)
    }

    static func work(on text: String, pace: Double, say: (String) -> Void) throws {
        let facts = parse(text)
        guard let agentId = facts.agent else { throw Failure.noAgent }
        guard let statusFile = facts.statusFile else { throw Failure.noStatusFile }
        let root = try WorkspaceDiscovery.discover(from: WorkspacePaths.parent(statusFile))
        func setStatus(_ word: String, note: String?) throws {
            let snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: root)).load()
            // The session whose folder holds the file (the longest match: sub-sessions sit inside).
            let holders = snapshot.sessions.filter { statusFile.hasPrefix($0.absolutePath + "/") }
            guard let session = holders.max(by: { $0.absolutePath.count < $1.absolutePath.count }) else { throw Failure.noStatusFile }
            let agent = try WorkspaceLookup.agent(agentId, in: session)
            try StatusWriter.set(word, agent: agent, in: session, root: root, note: note)
            say("\(agentId): \(word)")
        }
        Thread.sleep(forTimeInterval: pace)
        try setStatus("in_progress", note: "simulated agent at work")
        Thread.sleep(forTimeInterval: pace)
        if let output = facts.output {
            let report = "{\"agent\": \"\(agentId)\", \"summary\": \"simulated work, done\"}\n"
            try FileManager.default.createDirectory(atPath: WorkspacePaths.parent(output), withIntermediateDirectories: true)
            try report.write(toFile: output, atomically: true, encoding: .utf8)
            say("wrote \(output)")
            Thread.sleep(forTimeInterval: pace)
        }
        try setStatus("complete", note: "simulated work done")
    }
}
