import Foundation

/// Golden files: text compared with a file in the tests' `Golden/` folder. Recorded (and re-recorded)
/// only with `SESSIONS_HUB_RECORD=1`; a missing file is a failure everywhere, so a golden can never
/// silently record what is wrong. A mismatch says which lines differ, as a diff.
public enum GoldenText {
    /// nil when `actual` matches (or was recorded); otherwise what differs.
    public static func mismatch(_ actual: String, file: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if environment["SESSIONS_HUB_RECORD"] == "1" {
            try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? actual.write(toFile: file, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOfFile: file, encoding: .utf8) else {
            return "missing golden file \(file): record it with SESSIONS_HUB_RECORD=1 and check what it holds"
        }
        guard expected != actual else { return nil }
        return "differs from \((file as NSString).lastPathComponent) (- expected, + actual):\n" + diff(expected, actual)
    }

    /// The differing lines, each with its line number, at most `limit` of them.
    public static func diff(_ expected: String, _ actual: String, limit: Int = 12) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        var differing = 0
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : nil
            let r = index < right.count ? String(right[index]) : nil
            guard l != r else { continue }
            differing += 1
            guard differing <= limit else { continue }
            if let l { out.append("- \(index + 1): \(l)") }
            if let r { out.append("+ \(index + 1): \(r)") }
        }
        if differing > limit { out.append("… \(differing - limit) more differing lines") }
        return out.joined(separator: "\n")
    }
}
