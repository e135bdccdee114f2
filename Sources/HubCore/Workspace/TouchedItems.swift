/// What an incremental reload re-read: the session and stub folders the changed paths fall in
/// (display paths), and whether items appeared or disappeared. The screen uses it to diff, re-place
/// and highlight only these; `nil` in a `WorkspaceReload` means everything was read again.
public struct TouchedItems: Equatable, Sendable {
    /// Session folders re-read (a session's own path; its sub-sessions are below it).
    public var sessionFolders: Set<String> = []
    /// Stub folders re-read (a stub's path is `<folder>/stub.json` or one level deeper).
    public var stubFolders: Set<String> = []
    public var handoffs = false
    /// Sessions or stubs were added or removed: positions moved, so lists must be rebuilt.
    public var structureChanged = false

    public init(sessionFolders: Set<String> = [], stubFolders: Set<String> = [], handoffs: Bool = false, structureChanged: Bool = false) {
        self.sessionFolders = sessionFolders
        self.stubFolders = stubFolders
        self.handoffs = handoffs
        self.structureChanged = structureChanged
    }

    public var isEmpty: Bool { sessionFolders.isEmpty && stubFolders.isEmpty && !handoffs }

    /// Both reloads' folders together (for a burst delivered as one update).
    public func merged(with other: TouchedItems) -> TouchedItems {
        TouchedItems(sessionFolders: sessionFolders.union(other.sessionFolders), stubFolders: stubFolders.union(other.stubFolders),
                     handoffs: handoffs || other.handoffs, structureChanged: structureChanged || other.structureChanged)
    }

    /// Indices of the sessions these folders hold in `sessions` (sorted by path).
    public func sessionIndices(in sessions: [Session]) -> [Int] {
        sessionFolders.flatMap { sessions.indices(inFolder: $0) }
    }

    /// Indices of the stubs these folders hold in `stubs` (sorted by path).
    public func stubIndices(in stubs: [Stub]) -> [Int] {
        stubFolders.flatMap { stubs.indices(inFolder: $0) }
    }
}
