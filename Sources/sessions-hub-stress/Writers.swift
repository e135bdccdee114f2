import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// Several `set-status` processes at once, each giving its own agent a series of statuses, with or
/// without a program that rewrites the same file by atomic rename and takes no lock (as agents' own
/// editors do). Afterwards every agent must hold its last word, or its writer must have said it
/// could not write it.
struct Writers {
    let hub: String
    let scratch: String

    /// `lost`: agents whose last update is not in the file though `set-status` said it wrote it;
    /// `clobbered`: whether the unlocked writer's own last change was undone by the hub.
    func run(agents: Int, updates: Int, unlockedWriter: Bool) throws -> (lost: Int, refused: Int, clobbered: Bool) {
        let root = scratch + "/writers-\(unlockedWriter)"
        try? FileManager.default.removeItem(atPath: root)
        let file = root + "/coderef/sessions/race/communication.json"
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let entries = (0..<agents).map { #"{"agent_id": "agent-\#($0)", "status": "not_started"}"# }.joined(separator: ", ")
        try #"{"workorder_id": "WO-RACE-001", "updated_by": "nobody", "agents": [\#(entries)]}"#.write(toFile: file, atomically: true, encoding: .utf8)

        let stop = Shared(false)
        let editorLast = Shared("nobody")
        var background: Thread?
        if unlockedWriter {
            // Reads, changes its own field, writes a temporary file, renames it over: no lock.
            background = Thread {
                var count = 0
                while !stop.value {
                    count += 1
                    guard let text = try? String(contentsOfFile: file, encoding: .utf8),
                          var document = try? JSONDocument(text: text),
                          (try? document.set("updated_by", to: .string("editor-\(count)"))) != nil else { continue }
                    try? Data(document.bytes).write(to: URL(fileURLWithPath: file + ".editor.tmp"))
                    if rename(file + ".editor.tmp", file) == 0 { editorLast.update { $0 = "editor-\(count)" } }
                    usleep(500)
                }
            }
            background?.start()
        }
        let refused = Shared(0)
        let hub = self.hub, scratch = self.scratch
        let threads = (0..<agents).map { agent in
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                for update in 0..<updates {
                    let status = (try? Subprocess.run(hub, ["set-status", "--root", root, "race", "agent-\(agent)", "step-\(update)", "--any-word"],
                                                      environment: ["PATH": "/usr/bin:/bin", "HOME": scratch], timeout: 30)) ?? -1
                    if status != 0 && update == updates - 1 { refused.update { $0 += 1 } }
                }
                done.signal()
            }
            thread.start()
            return done
        }
        for done in threads { done.wait() }
        stop.update { $0 = true }
        Thread.sleep(forTimeInterval: 0.05)
        let final = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        var lost = 0
        for agent in 0..<agents {
            let word = final["agents"]?.arrayValue?.first { $0["agent_id"]?.stringValue == "agent-\(agent)" }?["status"]?.stringValue
            if word != "step-\(updates - 1)" { lost += 1 }
        }
        // A refused last update is honest (the writer said so); only silent losses count as lost.
        let clobbered = final["updated_by"]?.stringValue != editorLast.value
        return (max(0, lost - refused.value), refused.value, clobbered)
    }
}

/// A value shared between threads, behind a lock.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
