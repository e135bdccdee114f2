/// Where a workspace keeps things. Every location is configurable (flags now, config file later)
/// because real users keep stubs in one project and sessions in another. Relative locations are
/// relative to the root; absolute ones are used as they are.
public struct WorkspaceLayout: Equatable, Sendable {
    public var root: String
    public var stubDirectories: [String]
    public var archivedStubDirectories: [String]
    /// Several session folders may be read at once; each may hold an `archived/` folder.
    public var sessionDirectories: [String]
    public var workorderDirectories: [String]
    /// Folders that hold the agents' project folders (`[workspace] projects`, `--projects-dir`):
    /// searched a few levels deep for `coderef/workorder/*/plan.json`. Agents' own project folders
    /// (by `agent_path`, or its last component beside the workspace) are found without them.
    public var projectDirectories: [String] = []
    /// Name of the folder inside a sessions directory that holds archived sessions.
    public var archiveFolderName: String

    public static let defaultStubDirectories = ["coderef/working"]
    public static let defaultArchivedStubDirectories = ["coderef/archived"]
    public static let defaultSessionDirectories = [".coderef/sessions", "coderef/sessions"]
    public static let defaultWorkorderDirectories = ["coderef/workorder"]

    public init(
        root: String,
        stubDirectories: [String] = defaultStubDirectories,
        archivedStubDirectories: [String] = defaultArchivedStubDirectories,
        sessionDirectories: [String] = defaultSessionDirectories,
        workorderDirectories: [String] = defaultWorkorderDirectories,
        archiveFolderName: String = "archived"
    ) {
        self.root = WorkspacePaths.standardize(root)
        self.stubDirectories = stubDirectories
        self.archivedStubDirectories = archivedStubDirectories
        self.sessionDirectories = sessionDirectories
        self.workorderDirectories = workorderDirectories
        self.archiveFolderName = archiveFolderName
    }

    /// A configured location as an absolute path.
    public func absolute(_ location: String) -> String {
        location.hasPrefix("/") ? WorkspacePaths.standardize(location) : WorkspacePaths.standardize(FileSystem.join(root, location))
    }

    /// A path for people and for `--json`: relative to the root when inside it.
    public func display(_ absolutePath: String) -> String {
        WorkspacePaths.relative(absolutePath, to: root)
    }
}
