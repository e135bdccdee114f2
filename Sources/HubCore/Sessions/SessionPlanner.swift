import Foundation

/// Turns a stub into a `SessionPlan`. Pure: the snapshot, layout, settings and clock come in; the
/// documents to write come out. Nothing touches the disk.
public struct SessionPlanner: Sendable {
    public var layout: WorkspaceLayout
    public var settings: HubSettings
    public var now: Date

    public init(layout: WorkspaceLayout, settings: HubSettings, now: Date) {
        self.layout = layout
        self.settings = settings
        self.now = now
    }

    /// `agents` replaces the stub's own list (for stubs that name none); `again` allows a stub that
    /// already has a session to start another phase 1 in the next free folder.
    public func plan(stub: Stub, snapshot: WorkspaceSnapshot, agents chosen: [String]? = nil, again: Bool = false) throws(PlanError) -> SessionPlan {
        let named = stub.agents.isEmpty ? projectAgents(stub, snapshot: snapshot) : stub.agents
        let agents = unique(chosen ?? named).filter { $0 != (stub.orchestrator ?? settings.defaultOrchestrator) }
        let orchestrator = stub.orchestrator ?? settings.defaultOrchestrator
        guard !agents.isEmpty else { throw .noAgents(stub.featureName) }
        try validateNames(feature: stub.featureName, ids: [orchestrator] + agents)

        // The one rule for every front door: a stub with a session (not archived) starts another
        // phase 1 only when asked (`again`: the screen's `+`, `--again`, MCP's `again`); a stub that
        // only says promoted, or whose sessions are archived, starts with a warning.
        var warnings: [String] = []
        let index = StubSessions(snapshot)
        let existing = index.sessions(for: stub, archived: false)
        if let first = existing.first {
            guard again else { throw .alreadyStarted(stub.featureName, existing: first.path) }
            warnings.append("\(stub.featureName) already has \(existing.count) session(s); this starts another phase 1")
        } else if case let archived = index.sessions(for: stub).count, archived > 0 {
            warnings.append("\(stub.featureName) has \(archived) archived session(s); this starts a new phase 1")
        } else if stub.status.word?.lowercased() == "promoted" {
            warnings.append("the stub is already promoted" + (stub.promotedTo.map { " to \($0)" } ?? "") + " but no session of it is here")
        }

        let sessionsDirectory = layout.absolute(settings.newSessionsDirectory ?? SessionPlanner.usualSessionsDirectory(layout, snapshot: snapshot))
        let taken = Set(snapshot.sessions.map { WorkspacePaths.lastComponent($0.path) }).union(FileSystem.entries(sessionsDirectory))
        var name = "\(stub.featureName)-phase1"
        var attempt = 2
        while taken.contains(name) {
            name = "\(stub.featureName)-\(attempt)-phase1"
            attempt += 1
        }
        if name != "\(stub.featureName)-phase1" { warnings.append("\(stub.featureName)-phase1 exists; using \(name)") }
        let folder = WorkspacePaths.standardize(FileSystem.join(sessionsDirectory, name))
        guard NameValidator.isInside(folder, root: layout.root) else { throw .outsideWorkspace(folder) }

        let documents = SessionDocuments(
            stub: stub, workorderId: SessionPlanner.workorderId(feature: stub.featureName, snapshot: snapshot),
            sessionName: name, folder: folder, orchestrator: orchestrator, agents: agents,
            phaseSlug: SessionPlanner.phaseSlug(stub.phases.first), created: SessionPlanner.timestamp(now),
            agentPaths: ProjectFolders.paths(for: [orchestrator] + agents, snapshot: snapshot, settings: settings, layout: layout)
        )
        return assemble(documents, warnings: warnings)
    }

    /// Where new sessions go when the config does not say: the sessions folder that already holds
    /// the most sessions (a workspace whose sessions all live in `coderef/sessions/` gets its new
    /// ones there too, not in the hidden `.coderef/sessions/`); the first configured one otherwise.
    public static func usualSessionsDirectory(_ layout: WorkspaceLayout, snapshot: WorkspaceSnapshot) -> String {
        let directories = layout.sessionDirectories
        var best = directories.first ?? ".coderef/sessions"
        var bestCount = 0
        for directory in directories {
            let prefix = layout.display(layout.absolute(directory)) + "/"
            let count = snapshot.sessions.reduce(0) { $0 + ($1.path.hasPrefix(prefix) && !$1.archived ? 1 : 0) }
            if count > bestCount {
                best = directory
                bestCount = count
            }
        }
        return best
    }

    /// Every name that becomes part of a path (the feature, each agent's file-name slug) is checked.
    func validateNames(feature: String, ids: [String]) throws(PlanError) {
        do { try NameValidator.validate(feature) } catch { throw .invalidName(feature, error) }
        for id in ids {
            // The id itself is written into the session's files and README (controls refused, as
            // for feature names); its slug becomes a file name.
            do {
                try HostileNames.validateAgentId(id)
                try NameValidator.validate(SessionPlanner.fileSlug(id))
            } catch {
                throw .invalidName(TerminalText.sanitize(id), error)
            }
        }
    }

    /// The plan for a new session's documents: the files, the one-liners, and what the dialog shows.
    /// A later phase (with a previous folder) leaves the stub alone.
    func assemble(_ documents: SessionDocuments, warnings: [String]) -> SessionPlan {
        let oneLiners = documents.oneLiners()
        var plan = SessionPlan(
            stubPath: documents.stub.path, stubAbsolutePath: documents.stub.absolutePath, featureName: documents.stub.featureName,
            workorderId: documents.workorderId, sessionName: documents.sessionName, folder: documents.folder,
            displayFolder: layout.display(documents.folder), orchestrator: documents.orchestrator, agents: documents.agents,
            unresolvedAgents: ([documents.orchestrator] + documents.agents).filter { documents.agentPaths[$0] == nil },
            phases: documents.stub.phases,
            files: [
                SessionPlan.File(name: "communication.json", text: JSONPrinter.pretty(documents.communication()) + "\n"),
                SessionPlan.File(name: "instructions.json", text: JSONPrinter.pretty(documents.instructions()) + "\n"),
                SessionPlan.File(name: "README.md", text: documents.readme(oneLiners: oneLiners)),
            ],
            warnings: warnings, oneLiners: oneLiners
        )
        plan.phase = documents.phase
        plan.promotesStub = documents.previousFolder == nil
        return plan
    }

    /// A stub without `agents_involved`: the known agent whose id is its `target_project`/`project`.
    public func projectAgents(_ stub: Stub, snapshot: WorkspaceSnapshot) -> [String] {
        guard let project = stub.project?.lowercased() else { return [] }
        return settings.knownAgents(in: snapshot).filter { $0.lowercased() == project }
    }

    /// `WO-<WORDS>-<NNN>`: the feature's words in capitals, numbered past every id in the workspace
    /// that has the same words.
    public static func workorderId(feature: String, snapshot: WorkspaceSnapshot) -> String {
        let mapped: [Character] = feature.uppercased().map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber) ? character : "-"
        }
        var words: [String] = String(mapped).split(separator: "-", omittingEmptySubsequences: true).map(String.init)
        if words.isEmpty { words = ["SESSION"] }
        let stem = "WO-" + words.prefix(6).joined(separator: "-")
        var ids = snapshot.sessions.compactMap(\.workorderId) + snapshot.workorders.map(\.workorderId)
        ids += snapshot.stubs.compactMap(\.promotedTo) + snapshot.workorderLog.map(\.workorderId)
        var highest = 0
        for id in ids {
            let upper = id.uppercased()
            guard upper.hasPrefix(stem + "-") else { continue }
            let rest = upper.dropFirst(stem.count + 1)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            let after = rest.dropFirst(digits.count)
            guard !digits.isEmpty, after.isEmpty || after.hasPrefix("-") else { continue }
            highest = max(highest, Int(digits) ?? 0)
        }
        let number = String(highest + 1)
        return stem + "-" + String(repeating: "0", count: max(0, 3 - number.count)) + number
    }

    /// `Phase 1: Inventory - Each agent audits...` → `inventory`; no phases → `phase1`.
    public static func phaseSlug(_ phase: String?) -> String {
        guard let phase else { return "phase1" }
        let slug = fileSlug(OneLiner.phaseTitle(phase).lowercased())
        return slug.isEmpty ? "phase1" : slug
    }

    /// A name safe inside a file name: letters, digits, `-`, `_`, `.`; anything else becomes `-`.
    public static func fileSlug(_ text: String) -> String {
        let mapped = text.map { ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") ? $0 : "-" }
        let collapsed = String(mapped).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return collapsed.replacingOccurrences(of: "..", with: ".").trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
