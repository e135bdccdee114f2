import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// Random hostile workspaces: broken and half-written JSON, wrong types, controls and escape
/// sequences in every text, bidi overrides, huge strings without spaces, deep nesting, FIFOs, links
/// to devices and loops, folders where files should be. Each is read by the real binary
/// (`status`, `status --json`, `doctor`) with a 10 s deadline.
struct HostileInputs {
    var generator: SystemRandomNumberGenerator = SystemRandomNumberGenerator()
    let hub: String

    struct Tally {
        var inputs = 0, crashes = 0, hangs = 0, unreported = 0, leaks = 0
    }

    mutating func text() -> String {
        let pieces = ["plain", "\u{1B}]52;c;QUFBQQ==\u{07}", "\u{1B}[31mred", "\u{9B}2J", "\u{202E}evil", "\u{2066}x\u{2069}", "é", "🚀", "日本",
                      "\u{0}", "\r\n", "\"", "\\", String(repeating: "x", count: Int.random(in: 1...200_000, using: &generator))]
        return (0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    mutating func json(depth: Int = 0) -> JSONValue {
        switch Int.random(in: 0..<(depth > 6 ? 4 : 7), using: &generator) {
        case 0: return .string(text())
        case 1: return .number(["1", "-0", "1e999", "0.5", "12345678901234567890"].randomElement(using: &generator)!)
        case 2: return .bool(Bool.random(using: &generator))
        case 3: return .null
        case 4: return .array((0..<Int.random(in: 0...5, using: &generator)).map { _ in json(depth: depth + 1) })
        default:
            let keys = ["agent_id", "status", "agents", "orchestrator", "tasks", "notes", "output_file", "feature_name", "workorder_id", "phases", "outputs", text()]
            return .object(JSONObject((0..<Int.random(in: 0...8, using: &generator)).map { _ in (keys.randomElement(using: &generator)!, json(depth: depth + 1)) }))
        }
    }

    /// File bytes: valid JSON, JSON cut short, bytes that are not UTF-8, or nothing.
    mutating func fileBytes() -> [UInt8] {
        let valid = JSONPrinter.prettyBytes(json())
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: return Array(valid.prefix(Int.random(in: 0...max(0, valid.count), using: &generator)))
        case 1: return valid + [0xFF, 0xFE, 0xC0]
        case 2: return []
        case 3: return Array(String(repeating: "[", count: 100_000).utf8)
        default: return valid
        }
    }

    /// Writes one hostile workspace; returns the files that should be reported as problems.
    mutating func write(to root: String) throws -> [String] {
        let manager = FileManager.default
        var expectedProblems: [String] = []
        func put(_ relative: String, _ bytes: [UInt8]) throws {
            let path = root + "/" + relative
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            if (try? JSONParser.parse(bytes)) == nil { expectedProblems.append(relative) }
        }
        for index in 0..<Int.random(in: 1...4, using: &generator) {
            try put("coderef/working/idea-\(index)/stub.json", fileBytes())
            try put("coderef/sessions/s-\(index)/communication.json", fileBytes())
            if Bool.random(using: &generator) { try put("coderef/sessions/s-\(index)/agent-\(index)/communication.json", fileBytes()) }
            if Bool.random(using: &generator) { try put("coderef/sessions/s-\(index)/instructions.json", fileBytes()) }
        }
        switch Int.random(in: 0..<6, using: &generator) {
        case 0:
            try manager.createDirectory(atPath: root + "/coderef/sessions/fifo", withIntermediateDirectories: true)
            mkfifo(root + "/coderef/sessions/fifo/communication.json", 0o644)
            expectedProblems.append("coderef/sessions/fifo/communication.json")
        case 1:
            try manager.createDirectory(atPath: root + "/coderef/sessions/zero", withIntermediateDirectories: true)
            symlink("/dev/zero", root + "/coderef/sessions/zero/communication.json")
            expectedProblems.append("coderef/sessions/zero/communication.json")
        case 2:
            try manager.createDirectory(atPath: root + "/coderef/sessions/s-0", withIntermediateDirectories: true)
            symlink(".", root + "/coderef/sessions/s-0/self")
            symlink(".", root + "/coderef/sessions/s-0/again")
        case 3:
            try manager.createDirectory(atPath: root + "/coderef/working/dir/stub.json", withIntermediateDirectories: true)
            expectedProblems.append("coderef/working/dir/stub.json")
        default: break
        }
        return expectedProblems
    }

    /// One input: the workspace read three ways; what went wrong is counted.
    mutating func run(_ tally: inout Tally, scratch: String) throws {
        let root = scratch + "/ws-\(tally.inputs)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let expected = try write(to: root)
        tally.inputs += 1
        let out = scratch + "/out.txt"
        for arguments in [["status", "--root", root], ["status", "--json", "--root", root], ["doctor", "--root", root]] {
            let result = Result { () throws(Subprocess.Failure) -> Int32 in
                try Subprocess.run(hub, arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": scratch], stdoutPath: out, stderrPath: out + ".err", timeout: 10)
            }
            switch result {
            case .success(let status): if status >= 128 { tally.crashes += 1 }
            case .failure:
                tally.hangs += 1
                continue
            }
            let bytes = ((try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data()) + ((try? Data(contentsOf: URL(fileURLWithPath: out + ".err"))) ?? Data())
            if arguments.contains("--json") {
                // Every file that does not parse is among the problems.
                if let report = try? JSONParser.parse(Array(bytes)) {
                    let reported = Set(report["problems"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? [])
                    tally.unreported += expected.filter { !reported.contains($0) }.count
                }
            }
            // Nothing a terminal would act on: ESC, C1 controls, bidi overrides.
            let text = String(decoding: bytes, as: UTF8.self)
            if text.unicodeScalars.contains(where: { ($0.value == 0x1B) || (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }) {
                tally.leaks += 1
            }
        }
    }
}
