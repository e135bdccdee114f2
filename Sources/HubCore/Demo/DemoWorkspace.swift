import Foundation

/// The built-in demo workspace: a few stubs and sessions covering the main layouts, written by code
/// into a folder of the caller's choosing (never into the package). `sessions-hub demo` uses it.
public enum DemoWorkspace {
    /// The moment the demo's files describe: every date in them is written as if it were now. Writing
    /// the demo moves them all by the same amount to the caller's `now`, so an agent that started
    /// eight minutes before this moment has started eight minutes ago whenever the demo is opened
    /// (ages come from the times the files state; fixed dates would make the demo go stale).
    public static let moment = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18T11:06:40Z

    /// Writes the demo files under `root` (created if needed), their dates moved to `now`. Existing
    /// files are left alone, so a demo folder is never overwritten by mistake.
    public static func write(to root: String, now: Date = Date()) throws {
        let manager = FileManager.default
        let shift = now.timeIntervalSince(moment)
        for (relative, text) in DemoFiles.all {
            let path = FileSystem.join(root, relative)
            try manager.createDirectory(atPath: WorkspacePaths.parent(path), withIntermediateDirectories: true)
            guard !manager.fileExists(atPath: path) else { continue }
            try AtomicFile.write(Array(moved(text, by: shift).utf8), to: path)
        }
    }

    /// A fresh temporary folder holding the demo workspace.
    public static func makeTemporary() throws -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array(FileSystem.join(base, "sessions-hub-demo-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard made != nil else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: base])
        }
        let root = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        try write(to: root)
        return root
    }

    /// Every `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SSZ` in the demo text moved by `shift` seconds,
    /// written back in the same form (a date alone stays a date).
    static func moved(_ text: String, by shift: TimeInterval) -> String {
        guard shift != 0 else { return text }
        let stamp = /(20\d\d-\d\d-\d\d)(T\d\d:\d\d:\d\dZ)?/
        return text.replacing(stamp) { match in
            let whole = String(match.output.0)
            let full = match.output.2 != nil
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = full ? [.withInternetDateTime] : [.withFullDate]
            guard let date = formatter.date(from: whole) else { return whole }
            return formatter.string(from: date.addingTimeInterval(shift))
        }
    }
}
