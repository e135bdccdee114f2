import HubCore

/// The command line's names for things: WorkspaceLookup, with "not found" as a usage error (exit 2).
enum Lookup {
    static func stub(_ name: String, in snapshot: WorkspaceSnapshot) throws -> Stub {
        do { return try WorkspaceLookup.stub(name, in: snapshot) } catch { throw UsageError(error.message) }
    }

    static func session(_ name: String, in snapshot: WorkspaceSnapshot) throws -> Session {
        do { return try WorkspaceLookup.session(name, in: snapshot) } catch { throw UsageError(error.message) }
    }

    static func agent(_ id: String, in session: Session) throws -> AgentState {
        do { return try WorkspaceLookup.agent(id, in: session) } catch { throw UsageError(error.message) }
    }
}
