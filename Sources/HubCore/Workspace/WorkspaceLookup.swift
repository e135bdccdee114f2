/// Finds what a person or an agent names: a stub, a session or an agent, by name, folder, id or
/// path, exact first, then ignoring case. Not found is an error that says what to try. Shared by the
/// command line and the MCP server, so both answer to the same names.
public enum WorkspaceLookup {
    public struct NotFound: Error, Equatable, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    public static func stub(_ name: String, in snapshot: WorkspaceSnapshot) throws(NotFound) -> Stub {
        let candidates = snapshot.stubs.filter { !$0.archived }
        let keys: (Stub) -> [String] = { [$0.featureName, $0.folderName, $0.path, WorkspacePaths.parent($0.path)] + ($0.stubId.map { [$0] } ?? []) }
        if let found = match(name, candidates, keys: keys) { return found }
        let hint = Suggest.phrase(name, among: candidates.flatMap { [$0.featureName, $0.folderName] })
        throw NotFound("no stub named \(Quote.short(name))" + (hint.isEmpty ? " (try 'sessions-hub status' for the list)" : TerminalText.sanitize(hint)))
    }

    /// An archived stub (for `unarchive`).
    public static func archivedStub(_ name: String, in snapshot: WorkspaceSnapshot) throws(NotFound) -> Stub {
        let keys: (Stub) -> [String] = { [$0.featureName, $0.folderName, $0.path, WorkspacePaths.parent($0.path)] + ($0.stubId.map { [$0] } ?? []) }
        if let found = match(name, snapshot.stubs.filter(\.archived), keys: keys) { return found }
        throw NotFound("no archived stub named \(Quote.short(name))")
    }

    public static func session(_ name: String, in snapshot: WorkspaceSnapshot) throws(NotFound) -> Session {
        let keys: (Session) -> [String] = { [$0.name, $0.path, WorkspacePaths.lastComponent($0.path)] + ($0.workorderId.map { [$0] } ?? []) }
        if let found = match(name, snapshot.sessions, keys: keys) { return found }
        let hint = Suggest.phrase(name, among: snapshot.sessions.filter { !$0.archived }.flatMap { [$0.name] + ($0.workorderId.map { [$0] } ?? []) })
        throw NotFound("no session named \(Quote.short(name))" + (hint.isEmpty ? " (try 'sessions-hub status' for the list)" : TerminalText.sanitize(hint)))
    }

    public static func agent(_ id: String, in session: Session) throws(NotFound) -> AgentState {
        if id.lowercased() == "orchestrator", let orchestrator = session.orchestrator { return orchestrator }
        if let found = match(id, session.everyone, keys: { [$0.agentId] }) { return found }
        let known = session.everyone.map(\.agentId).joined(separator: ", ")
        let hint = Suggest.phrase(id, among: session.everyone.map(\.agentId))
        throw NotFound("no agent \(Quote.short(id)) in \(TerminalText.sanitize(session.name)) (agents: \(known.isEmpty ? "none" : TerminalText.sanitize(known)))" + TerminalText.sanitize(hint))
    }

    private static func match<T>(_ name: String, _ items: [T], keys: (T) -> [String]) -> T? {
        let trimmed = name.hasSuffix("/") ? String(name.dropLast()) : name
        return items.first { keys($0).contains(trimmed) }
            ?? items.first { keys($0).contains { $0.lowercased() == trimmed.lowercased() } }
    }
}
