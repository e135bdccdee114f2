import Foundation

/// The other files a workorder folder holds beside its plan and communication.json:
/// `HANDOFF-<feature>-NNN.json` (hand-offs between agents) and `terminal-post-exec.txt` (the plain
/// text summary written when the workorder closed).
extension WorkorderLoader {
    static let closeSummaryName = Workorder.closeSummaryFile
    /// A summary is a screenful: more lines than this are cut (and said to be).
    static let closeSummaryLines = 40
    static let closeSummaryBytes = 16 * 1024
    /// A folder with more hand-off files than this keeps the newest.
    static let handoffFilesKept = 20

    /// `workorder` with the hand-off files and close summary found in `folder`.
    static func addFolderFiles(_ workorder: Workorder, folder: String, shownFolder: String, log: ProblemLog) -> Workorder {
        var result = workorder
        let names = FileSystem.entries(folder)
        let handoffNames = names.filter { $0.hasPrefix("HANDOFF-") && $0.hasSuffix(".json") }.sorted().suffix(handoffFilesKept)
        result.handoffFiles = handoffNames.compactMap { name in
            let path = FileSystem.join(folder, name)
            guard FileSystem.isFile(path) else { return nil }
            return handoff(JSONFile.load(path, displayPath: shownFolder + "/" + name, log: log), file: name)
        }
        // communication.json's own hand-off is the current one; without it, the newest readable file's.
        if result.handoff == nil, let newest = result.handoffFiles.last(where: { $0.from != nil || $0.to != nil }) {
            result.handoff = newest.text
        }
        if names.contains(closeSummaryName) {
            result.closeSummary = closeSummary(FileSystem.join(folder, closeSummaryName))
        }
        return result
    }

    /// A hand-off file's fields, under the names seen in the workflow and its neighbours (a nested
    /// `handoff` object counts too). An unreadable file is still listed, by name.
    static func handoff(_ value: JSONValue?, file: String) -> WorkorderHandoff {
        var handoff = WorkorderHandoff(file: file)
        guard var object = value?.objectValue else { return handoff }
        if let nested = object["handoff"]?.objectValue {
            for member in nested.members where object[member.key] == nil { object[member.key] = member.value }
        }
        func first(_ keys: [String]) -> String? { keys.lazy.compactMap { scalar(object[$0]) }.first }
        handoff.from = first(["from", "from_agent", "source_agent", "handoff_from", "sender"])
        handoff.to = first(["to", "to_agent", "target_agent", "handoff_to", "next_agent", "recipient"])
        handoff.reason = first(["reason", "summary", "purpose", "context", "description", "message"])
        handoff.status = first(["status", "state"])
        handoff.at = first(["created_at", "at", "timestamp", "created", "date"])
        return handoff
    }

    /// The summary's lines as written (trailing blank lines dropped), cut at a screenful; nil when
    /// the file cannot be read or says nothing.
    static func closeSummary(_ path: String) -> [String]? {
        guard let bytes = try? FileSystem.read(path) else { return nil }
        let text = String(decoding: bytes.prefix(closeSummaryBytes), as: UTF8.self)
        var lines = TextLines.split(text).map(String.init)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
        guard !lines.isEmpty else { return nil }
        if lines.count > closeSummaryLines || bytes.count > closeSummaryBytes {
            lines = Array(lines.prefix(closeSummaryLines)) + ["(… cut; the whole summary is in \(closeSummaryName))"]
        }
        return lines
    }
}
