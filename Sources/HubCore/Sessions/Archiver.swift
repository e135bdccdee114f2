import Foundation

/// `A` / `sessions-hub archive`: moves a finished session folder into its sessions folder's
/// `archived/`, or a stub's folder into the archived stubs folder — one rename that never replaces
/// anything, so nothing is copied, lost or half moved. Archived items stay readable (`status --json`
/// lists them with `"archived": true`) and leave the screen's list.
public struct ArchivePlan: Equatable, Sendable {
    public var what: String
    public var from: String
    public var to: String
    public var displayFrom: String
    public var displayTo: String
    public var warnings: [String]
    /// True when this brings an archived item back (`U`, `unarchive`).
    public var restores = false
}

public enum Archiver {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case alreadyArchived(String)
        case notArchived(String)
        case subSession(String)
        case exists(String)
        case outsideWorkspace(String)
        case io(String)

        public var description: String {
            switch self {
            case .alreadyArchived(let what): return "\(what) is already archived"
            case .notArchived(let what): return "\(what) is not archived"
            case .subSession(let what): return "\(what) is part of another session; archive its parent"
            case .exists(let path): return "\(path) already exists; nothing was moved"
            case .outsideWorkspace(let path): return "refusing to move outside the workspace: \(path)"
            case .io(let why): return "could not archive: \(why)"
            }
        }
    }

    public static func plan(session: Session, layout: WorkspaceLayout) throws(Failure) -> ArchivePlan {
        guard !session.archived else { throw .alreadyArchived(session.name) }
        guard session.parent == nil else { throw .subSession(session.name) }
        let to = FileSystem.join(FileSystem.join(WorkspacePaths.parent(session.absolutePath), layout.archiveFolderName), WorkspacePaths.lastComponent(session.absolutePath))
        var warnings: [String] = []
        if session.derivedStatus != .complete { warnings.append("the session is not complete (\(session.agentsComplete)/\(session.agents.count) agents)") }
        return try checked(ArchivePlan(what: session.name, from: session.absolutePath, to: to, displayFrom: session.path, displayTo: layout.display(to), warnings: warnings), layout: layout)
    }

    /// `sessions`: the stub's sessions; a phase still under way is worth a warning before archiving.
    public static func plan(stub: Stub, layout: WorkspaceLayout, sessions: [Session] = []) throws(Failure) -> ArchivePlan {
        guard !stub.archived else { throw .alreadyArchived(stub.featureName) }
        let folder = WorkspacePaths.parent(stub.absolutePath)
        let archive = layout.absolute(layout.archivedStubDirectories.first ?? "coderef/archived")
        let to = FileSystem.join(archive, WorkspacePaths.lastComponent(folder))
        var warnings = stub.status.bucket == .complete || stub.status.bucket == .failed || stub.status.word?.lowercased() == "promoted" ? [] : ["the stub's status is \(stub.status.word ?? "unknown")"]
        for session in sessions where !session.archived && session.derivedStatus != .complete {
            warnings.append("\(session.name) is still \(session.statusLabel) (\(session.agentsComplete)/\(session.agents.count) agents); archiving the stub leaves it where it is")
        }
        return try checked(ArchivePlan(what: stub.featureName, from: folder, to: to, displayFrom: layout.display(folder), displayTo: layout.display(to), warnings: warnings), layout: layout)
    }

    /// `U` / `sessions-hub unarchive`: the same no-replace rename, back out of `archived/`.
    public static func restorePlan(session: Session, layout: WorkspaceLayout) throws(Failure) -> ArchivePlan {
        guard session.archived else { throw .notArchived(session.name) }
        let archive = WorkspacePaths.parent(session.absolutePath)
        let to = FileSystem.join(WorkspacePaths.parent(archive), WorkspacePaths.lastComponent(session.absolutePath))
        var plan = ArchivePlan(what: session.name, from: session.absolutePath, to: to, displayFrom: session.path, displayTo: layout.display(to), warnings: [])
        plan.restores = true
        return try checked(plan, layout: layout)
    }

    public static func restorePlan(stub: Stub, layout: WorkspaceLayout) throws(Failure) -> ArchivePlan {
        guard stub.archived else { throw .notArchived(stub.featureName) }
        let folder = WorkspacePaths.parent(stub.absolutePath)
        let working = layout.absolute(layout.stubDirectories.first ?? "coderef/working")
        let to = FileSystem.join(working, WorkspacePaths.lastComponent(folder))
        var plan = ArchivePlan(what: stub.featureName, from: folder, to: to, displayFrom: layout.display(folder), displayTo: layout.display(to), warnings: [])
        plan.restores = true
        return try checked(plan, layout: layout)
    }

    static func checked(_ plan: ArchivePlan, layout: WorkspaceLayout) throws(Failure) -> ArchivePlan {
        // The folder moves as it is (a link stays a link); where it comes from and goes to must be
        // inside the root after links.
        guard NameValidator.isInside(plan.from, root: layout.root), NameValidator.isInside(plan.to, root: layout.root),
              RootedPath.isInside(WorkspacePaths.parent(plan.from), root: layout.root), RootedPath.isInside(WorkspacePaths.parent(plan.to), root: layout.root) else {
            throw .outsideWorkspace(plan.to)
        }
        guard !FileSystem.exists(plan.to) else { throw .exists(plan.displayTo) }
        return plan
    }

    public static func apply(_ plan: ArchivePlan) throws {
        do {
            try FileManager.default.createDirectory(atPath: WorkspacePaths.parent(plan.to), withIntermediateDirectories: true)
            try SessionWriter.renameNoReplace(plan.from, plan.to, display: plan.displayTo)
        } catch let failure as SessionWriter.Failure {
            if case .exists = failure { throw Failure.exists(plan.displayTo) }
            throw Failure.io(failure.description)
        } catch {
            throw Failure.io(WriteErrorText.describe(error))
        }
        AtomicFile.syncDirectory(WorkspacePaths.parent(plan.to))
        AtomicFile.syncDirectory(WorkspacePaths.parent(plan.from))
    }
}
