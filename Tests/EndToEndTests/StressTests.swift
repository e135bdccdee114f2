import Foundation
import Testing
import HubTestSupport

private let stress = TestPaths.binary.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path + "/sessions-hub-stress" }
private let ready = stress.map { FileManager.default.isExecutableFile(atPath: $0) } ?? false

/// The short version of scripts/stress: every figure that must be zero is zero.
@Suite(.enabled(if: ready, "needs the sessions-hub-stress binary (scripts/test builds it)"))
struct StressTests {
    @Test func hostileInputsWritersKillsEndingsAndAHostileRepositoryQuick() throws {
        let result = try ProcessRunner.run(stress!, ["--quick"], environment: ["SESSIONS_HUB_BIN": TestPaths.binary!, "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()], timeout: 600)
        #expect(result.status == 0, "\(result.stderr)")
        let table = result.stdout
        for line in ["| crashes (killed by a signal) | 0 |", "| hangs (> 10 s) | 0 |", "| unparseable files not reported as problems | 0 |",
                     "| outputs with an escape, C1 control or bidi override | 0 |", "0 lost, 0 refused |", "undone by the hub | 0 of 3 runs |", "0 half states left, 0 temporary files shown",
                     "| … commands run from a workspace's names or an untrusted config | 0 |", "| … files deleted or written outside the root, or the history lost | 0 |",
                     "| … MCP stalls over 2 s (1, 4, 8 MB lines) | 0 |"] {
            #expect(table.contains(line), "missing: \(line)\n\(table)")
        }
        let endings = try #require(table.split(separator: "\n").first { $0.contains("screen ended by") })
        let numbers = endings.split(separator: "|")[1].split(separator: " ").compactMap { Int($0) }
        #expect(numbers.count == 2 && numbers[0] == numbers[1] && numbers[0] > 0, "every terminal restored: \(endings)")
    }
}
