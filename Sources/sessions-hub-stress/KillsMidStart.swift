import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// `sessions-hub start --yes` killed (SIGKILL) at a random moment, then `status` run as the next
/// command: the session folder must exist exactly when the stub is promoted, and no temporary file
/// may show as a stub, session or problem.
struct KillsMidStart {
    let hub: String
    let scratch: String

    func run(times: Int) throws -> (runs: Int, halfStates: Int, leftovers: Int) {
        var half = 0, leftovers = 0
        for index in 0..<times {
            let root = scratch + "/kill-\(index)"
            try DemoWorkspace.write(to: root)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: hub)
            process.arguments = ["start", "parallel-docs-audit", "--yes", "--root", root]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...40_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let out = scratch + "/kill-status.json"
            _ = try? Subprocess.run(hub, ["status", "--json", "--root", root], environment: ["PATH": "/usr/bin:/bin", "HOME": scratch], stdoutPath: out, timeout: 30)
            let folder = FileManager.default.fileExists(atPath: root + "/.coderef/sessions/parallel-docs-audit-phase1/communication.json")
            let stub = (try? String(contentsOfFile: root + "/coderef/working/parallel-docs-audit/stub.json", encoding: .utf8)) ?? ""
            if folder != stub.contains("\"promoted\"") { half += 1 }
            let report = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            if report.contains(".hub-") { leftovers += 1 }
            try? FileManager.default.removeItem(atPath: root)
        }
        return (times, half, leftovers)
    }
}
