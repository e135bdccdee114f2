import Foundation

/// The hub's own append-only journals under `.coderef/sessions-hub/` (history, triage): one JSON
/// object a line, read from the file's last `limit` bytes, appended under a lock, trimmed to the
/// newer half when it passes `limit`. A journal that cannot be read is moved aside
/// (`<name>.unreadable-<time>`), never overwritten; when even that fails nothing is written.
enum JSONLines {
    /// The objects of `path`'s tail, oldest first; lines that do not parse are skipped.
    static func read(_ path: String, limit: Int) -> [JSONValue] {
        guard FileSystem.isFile(path), let bytes = try? FileSystem.readTail(path, count: limit).bytes else { return [] }
        return values(in: bytes)
    }

    static func values(in bytes: [UInt8]) -> [JSONValue] {
        bytes.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONParser.parse(Array($0)) }
    }

    /// Appends what `adding` makes of the journal's current entries (it may return none).
    static func append(_ name: String, root: String, limit: Int, _ adding: ([JSONValue]) -> [JSONValue]) throws {
        let path = try HubStateFolder.prepare(name, root: root)
        try AtomicFile.withLock(on: path) {
            var existing: [UInt8] = []
            if FileSystem.exists(path) {
                do {
                    existing = try FileSystem.readTail(path, count: limit).bytes
                } catch {
                    let aside = path + ".unreadable-" + Timestamp.format(Date()).replacingOccurrences(of: ":", with: "")
                    guard rename(path, aside) == 0 else { throw AtomicFile.Failure(path: path, operation: "move aside the unreadable", code: errno) }
                }
            }
            let added = adding(values(in: existing)).flatMap { JSONPrinter.compactBytes($0) + [UInt8(ascii: "\n")] }
            guard !added.isEmpty else { return }
            existing += added
            if existing.count > limit {
                // Keep the newer half, starting at a line boundary (an entry is at most a few KB, so
                // the newest are always among them).
                let cut = existing.count - limit / 2
                let boundary = existing[cut...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? existing.count
                existing = Array(existing[boundary...])
            }
            try AtomicFile.write(existing, to: path)
        }
    }
}
