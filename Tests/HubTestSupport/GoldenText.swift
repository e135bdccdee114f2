import Foundation

/// Golden files: text compared with a file in the tests' `Golden/` folder. Re-recorded with
/// `SESSIONS_HUB_RECORD=1`; a missing file is recorded, except in CI (CI=true), where it fails.
public enum GoldenText {
    /// nil when `actual` matches (or was recorded); otherwise what differs.
    public static func mismatch(_ actual: String, file: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let expected = try? String(contentsOfFile: file, encoding: .utf8)
        if environment["SESSIONS_HUB_RECORD"] == "1" || (expected == nil && environment["CI"] != "true") {
            try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? actual.write(toFile: file, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected else { return "missing golden file \(file) (record it with SESSIONS_HUB_RECORD=1)" }
        guard expected != actual else { return nil }
        return "differs from \((file as NSString).lastPathComponent) at \(firstDifference(expected, actual))\n--- actual ---\n\(actual)"
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "<none>"
            let r = index < right.count ? String(right[index]) : "<none>"
            if l != r { return "line \(index + 1):\n  expected \(l)\n  actual   \(r)" }
        }
        return "?"
    }
}
