import HubCore

/// Finds what a person names on the command line: by name, folder, id or path, exact first, then
/// ignoring case. Not found or ambiguous is a usage error that says what exists.
enum Lookup {
    static func stub(_ name: String, in snapshot: WorkspaceSnapshot) throws -> Stub {
        let candidates = snapshot.stubs.filter { !$0.archived }
        let keys: [(Stub) -> [String]] = [{ [$0.featureName, $0.folderName, $0.path, WorkspacePaths.parent($0.path)] + ($0.stubId.map { [$0] } ?? []) }]
        if let found = match(name, candidates, keys: keys[0]) { return found }
        throw UsageError("no stub named '\(name)' (try 'sessions-hub status' for the list)")
    }

    static func session(_ name: String, in snapshot: WorkspaceSnapshot) throws -> Session {
        let keys: (Session) -> [String] = { [$0.name, $0.path, WorkspacePaths.lastComponent($0.path)] + ($0.workorderId.map { [$0] } ?? []) }
        if let found = match(name, snapshot.sessions, keys: keys) { return found }
        throw UsageError("no session named '\(name)' (try 'sessions-hub status' for the list)")
    }

    static func agent(_ id: String, in session: Session) throws -> AgentState {
        if id.lowercased() == "orchestrator", let orchestrator = session.orchestrator { return orchestrator }
        if let found = match(id, session.everyone, keys: { [$0.agentId] }) { return found }
        let known = session.everyone.map(\.agentId).joined(separator: ", ")
        throw UsageError("no agent '\(id)' in \(session.name) (agents: \(known.isEmpty ? "none" : known))")
    }

    private static func match<T>(_ name: String, _ items: [T], keys: (T) -> [String]) -> T? {
        let trimmed = name.hasSuffix("/") ? String(name.dropLast()) : name
        return items.first { keys($0).contains(trimmed) }
            ?? items.first { keys($0).contains { $0.lowercased() == trimmed.lowercased() } }
    }
}
