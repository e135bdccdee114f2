/// An idea waiting to become a session: `coderef/working/<feature>/stub.json`.
/// The fields the hub understands, lifted out of the file. No copy of the document is kept (at 10,000
/// stubs that doubled the memory); a writer reads the file it edits again.
public struct Stub: Equatable, Sendable {
    /// `feature_name`, or the folder name when the file has none.
    public var featureName: String
    /// The folder that holds stub.json (may differ from featureName).
    public var folderName: String
    /// stub.json, relative to the workspace root.
    public var path: String
    public var absolutePath: String
    public var status: Status
    public var priority: String?
    public var stubId: String?
    public var title: String?
    public var description: String?
    public var created: String?
    public var category: String?
    /// `target_project`, else `project`.
    public var project: String?
    public var sessionType: String?
    /// Agents named in `agents_involved`, without the orchestrator.
    public var agents: [String]
    /// The entry marked `(orchestrator)` in `agents_involved`.
    public var orchestrator: String?
    public var scope: [ScopeItem]
    /// `session_phases`, as written.
    public var phases: [String]
    public var tags: [String]
    /// True when `breaking_changes` is `true` or a non-empty text.
    public var breakingChanges: Bool
    public var breakingChangesNote: String?
    public var promotedTo: String?
    public var archived: Bool

    /// Every agent id the stub names, orchestrator first.
    public var allAgents: [String] { (orchestrator.map { [$0] } ?? []) + agents }
}

/// One entry of a stub's `scope`: an area and what to do there (the area is nil for list/string scopes).
public struct ScopeItem: Equatable, Sendable {
    public var area: String?
    public var text: String

    public init(area: String?, text: String) {
        self.area = area
        self.text = text
    }
}
