import Foundation

/// Stubs written as Markdown (`coderef/stubs/STUB-<id>-<feature>.md`): a `# STUB-… — title` line,
/// then bullets `- **ID:**`, `**Feature:**`, `**Category:**`, `**Priority:**`, `**Status:**`,
/// `**Target project:**`, `**Created:**` (and `**Promoted to:**` once started), then free text,
/// which is the description. Promotion rewrites the status bullet in place (and adds the promoted-to
/// bullet after it), every other byte kept.
public enum MarkdownStub {
    /// Where they live, relative to the root.
    public static let folder = "coderef/stubs"

    /// `- **Key:** value` (a `*` bullet too; the colon inside or after the bold).
    static let bullet = try! NSRegularExpression(pattern: #"^\s*[-*]\s+\*\*([^*:]+):?\*\*:?\s*(.*?)\s*$"#)

    static func fields(_ text: String) -> (bullets: [String: String], title: String?, description: String?) {
        var bullets: [String: String] = [:]
        var title: String?
        var rest: [Substring] = []
        for line in TextLines.split(text) {
            let plain = String(line).trimmingCharacters(in: .whitespaces)
            if title == nil, plain.hasPrefix("# ") {
                let heading = plain.dropFirst(2)
                // `# STUB-ABC — The title` (an em dash, or a plain dash between spaces).
                let parts = heading.components(separatedBy: " — ").count > 1 ? heading.components(separatedBy: " — ") : heading.components(separatedBy: " - ")
                title = (parts.count > 1 ? parts.dropFirst().joined(separator: " — ") : String(heading)).trimmingCharacters(in: .whitespaces)
                continue
            }
            let range = NSRange(plain.startIndex..., in: plain)
            if let match = bullet.firstMatch(in: plain, range: range), let key = Range(match.range(at: 1), in: plain), let value = Range(match.range(at: 2), in: plain) {
                bullets[plain[key].trimmingCharacters(in: .whitespaces).lowercased()] = String(plain[value])
                continue
            }
            rest.append(line)
        }
        let description = rest.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return (bullets, title, description.isEmpty ? nil : description)
    }

    static func decode(_ text: String, absolutePath: String, displayPath: String, archived: Bool) -> Stub {
        let (bullets, title, description) = fields(text)
        let stem = WorkspacePaths.lastComponent(absolutePath).replacingOccurrences(of: ".md", with: "")
        func value(_ key: String) -> String? { bullets[key].flatMap { $0.isEmpty || $0 == "-" ? nil : $0.replacingOccurrences(of: "`", with: "") } }
        let feature = value("feature") ?? stem
        let agents = (value("agents") ?? value("agents involved")).map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
        let involved = agents.map(AgentMention.init)
        return Stub(
            featureName: feature, folderName: feature, path: displayPath, absolutePath: absolutePath,
            status: Status(value("status")), priority: value("priority")?.lowercased(), stubId: value("id") ?? value("stub id"),
            title: title, description: description, created: value("created"), category: value("category"),
            project: value("target project") ?? value("project"), sessionType: nil,
            agents: involved.filter { !$0.isOrchestrator }.map(\.id), orchestrator: involved.first(where: \.isOrchestrator)?.id,
            scope: [], phases: [], tags: [], breakingChanges: false, breakingChangesNote: nil,
            promotedTo: value("promoted to"), archived: archived
        )
    }

    /// Every Markdown stub of the workspace (`coderef/stubs/*.md`; `coderef/stubs/archived/*.md` archived).
    static func loadAll(layout: WorkspaceLayout, log: ProblemLog) -> [Stub] {
        var stubs: [Stub] = []
        for (folder, archived) in [(layout.absolute(folder), false), (layout.absolute(folder + "/archived"), true)] {
            for name in FileSystem.entries(folder).sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
                let path = FileSystem.join(folder, name)
                guard FileSystem.isFile(path) else { continue }
                let shown = layout.display(path)
                do {
                    let bytes = try FileSystem.read(path)
                    stubs.append(decode(String(decoding: bytes, as: UTF8.self), absolutePath: path, displayPath: shown, archived: archived))
                } catch {
                    log.add(shown, "cannot be read: \(error)")
                }
            }
        }
        return stubs
    }

    /// `S` on a Markdown stub: its status bullet says `promoted`, and a `Promoted to` bullet follows it
    /// (replaced when there is one); locked and in place, every other byte kept. A stub without a
    /// status bullet gets both after its last bullet (or its heading).
    public static func promote(_ path: String, to workorderId: String, root: String) throws {
        try AtomicFile.withLock(on: path, locks: HubStateFolder.locks(root: root)) {
            let text = String(decoding: try FileSystem.read(path), as: UTF8.self)
            var lines = TextLines.split(text).map(String.init)
            func key(_ line: String) -> String? {
                let plain = line.trimmingCharacters(in: .whitespaces)
                guard let match = bullet.firstMatch(in: plain, range: NSRange(plain.startIndex..., in: plain)), let range = Range(match.range(at: 1), in: plain) else { return nil }
                return plain[range].trimmingCharacters(in: .whitespaces).lowercased()
            }
            lines.removeAll { key($0) == "promoted to" }
            let promotedLine = "- **Promoted to:** \(workorderId)"
            if let status = lines.firstIndex(where: { key($0) == "status" }) {
                let indent = String(lines[status].prefix { $0 == " " || $0 == "\t" })
                let marker = lines[status].trimmingCharacters(in: .whitespaces).first == "*" ? "*" : "-"
                lines[status] = "\(indent)\(marker) **Status:** promoted"
                lines.insert("\(indent)\(marker) **Promoted to:** \(workorderId)", at: status + 1)
            } else {
                let after = (lines.lastIndex { key($0) != nil } ?? lines.firstIndex { $0.hasPrefix("# ") } ?? -1) + 1
                lines.insert(contentsOf: ["- **Status:** promoted", promotedLine], at: after)
            }
            // A file written on Windows keeps its CRLF endings.
            try AtomicFile.write(Array(lines.joined(separator: TextLines.ending(of: text)).utf8), to: path)
        }
    }
}
