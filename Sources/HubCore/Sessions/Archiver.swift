import Foundation

/// `A` / `sessions-hub archive`: moves a finished session folder into its sessions folder's
/// `archived/`, or a stub's folder into the archived stubs folder — one rename that never replaces
/// anything, so nothing is copied, lost or half moved. Archived items stay readable (`status --json`
/// lists them with `"archived": true`) and leave the screen's list.
public struct ArchivePlan: Equatable, Sendable {
    /// One folder moved by a no-replace rename.
    public struct Move: Equatable, Sendable {
        public var from: String
        public var to: String
        public var displayFrom: String
        public var displayTo: String
    }

    public var what: String
    /// In order; a feature's finished phases first, then its stub.
    public var moves: [Move]
    /// Reasons to think twice: with one, the dialog defaults to No.
    public var warnings: [String]
    /// What the person should know and that is no risk (a phase still at work stays where it is).
    public var notes: [String] = []
    /// True when this brings an archived item back (`U`, `unarchive`).
    public var restores = false

    public init(what: String, from: String, to: String, displayFrom: String, displayTo: String, warnings: [String]) {
        self.init(what: what, moves: [Move(from: from, to: to, displayFrom: displayFrom, displayTo: displayTo)], warnings: warnings)
    }

    public init(what: String, moves: [Move], warnings: [String], notes: [String] = []) {
        self.what = what
        self.moves = moves
        self.warnings = warnings
        self.notes = notes
    }

    /// The first move's folders (the only ones when a single item moves).
    public var from: String { moves[0].from }
    public var to: String { moves[0].to }
    public var displayFrom: String { moves[0].displayFrom }
    public var displayTo: String { moves[0].displayTo }
}

public enum Archiver {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case alreadyArchived(String)
        case notArchived(String)
        case subSession(String)
        case exists(String)
        case outsideWorkspace(String)
        case io(String)
        case nothingFinished(String)

        public var description: String {
            switch self {
            case .alreadyArchived(let what): return "\(what) is already archived"
            case .notArchived(let what): return "\(what) is not archived"
            case .subSession(let what): return "\(what) is part of another session; archive its parent"
            case .exists(let path): return "\(path) already exists; nothing was moved"
            case .outsideWorkspace(let path): return "refusing to move outside the workspace: \(path)"
            case .io(let why): return "could not archive: \(why)"
            case .nothingFinished(let why): return why
            }
        }
    }

    public static func plan(session: Session, layout: WorkspaceLayout) throws(Failure) -> ArchivePlan {
        guard !session.archived else { throw .alreadyArchived(session.name) }
        guard session.parent == nil else { throw .subSession(session.name) }
        let to = FileSystem.join(FileSystem.join(WorkspacePaths.parent(session.absolutePath), layout.archiveFolderName), WorkspacePaths.lastComponent(session.absolutePath))
        var warnings: [String] = []
        if !session.derivedStatus.isFinished { warnings.append("the session is not complete (\(session.agentsComplete)/\(session.agents.count) agents)") }
        return try checked(ArchivePlan(what: session.name, from: session.absolutePath, to: to, displayFrom: session.path, displayTo: layout.display(to), warnings: warnings), layout: layout)
    }

    /// `A` on a feature's row: its finished phases move into their `archived/`, and the stub too
    /// once no phase is left at work (a phase at work stays, and so does the stub: a note, not a
    /// risk). A stub without sessions is archived as itself (with a warning when its status is open).
    public static func plan(feature stub: Stub, layout: WorkspaceLayout, sessions: [Session]) throws(Failure) -> ArchivePlan {
        let live = sessions.filter { !$0.archived && $0.parent == nil }.sorted { ($0.phase ?? 0, $0.path) < ($1.phase ?? 0, $1.path) }
        guard !live.isEmpty else { return try plan(stub: stub, layout: layout, sessions: sessions) }
        let finished = live.filter { $0.derivedStatus.isFinished }
        let atWork = live.filter { !$0.derivedStatus.isFinished }
        guard !finished.isEmpty else {
            let first = atWork[0]
            throw .nothingFinished("no phase of \(stub.featureName) is finished: \(first.name) is \(first.statusLabel) (\(first.agentsComplete)/\(first.agents.count) agents)")
        }
        var moves: [ArchivePlan.Move] = []
        for session in finished { moves += try plan(session: session, layout: layout).moves }
        var notes = atWork.map { "\($0.name) is \($0.statusLabel) (\($0.agentsComplete)/\($0.agents.count) agents): it stays, and so does the stub" }
        var warnings: [String] = []
        if atWork.isEmpty && !stub.archived {
            let stubPlan = try plan(stub: stub, layout: layout, sessions: [])
            moves += stubPlan.moves
            warnings += stubPlan.warnings
        } else if stub.archived {
            notes.append("the stub is already archived")
        }
        let what = finished.count == live.count ? stub.featureName : "\(finished.count) finished phase\(finished.count == 1 ? "" : "s") of \(stub.featureName)"
        return ArchivePlan(what: what, moves: moves, warnings: warnings, notes: notes)
    }

    /// `sessions`: the stub's sessions; a phase still under way is worth a warning before archiving.
    public static func plan(stub: Stub, layout: WorkspaceLayout, sessions: [Session] = []) throws(Failure) -> ArchivePlan {
        guard !stub.archived else { throw .alreadyArchived(stub.featureName) }
        if stub.absolutePath.hasSuffix(".md") { return try checked(markdownMove(stub, layout: layout, restoring: false), layout: layout) }
        let folder = WorkspacePaths.parent(stub.absolutePath)
        let archive = layout.absolute(layout.archivedStubDirectories.first ?? "coderef/archived")
        let to = FileSystem.join(archive, WorkspacePaths.lastComponent(folder))
        var warnings = stub.status.bucket.isFinished || stub.status.bucket == .failed || stub.status.word?.lowercased() == "promoted" ? [] : ["the stub's status is \(stub.status.word ?? "unknown")"]
        for session in sessions where !session.archived && !session.derivedStatus.isFinished {
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
        if stub.absolutePath.hasSuffix(".md") { return try checked(markdownMove(stub, layout: layout, restoring: true), layout: layout) }
        let folder = WorkspacePaths.parent(stub.absolutePath)
        let working = layout.absolute(layout.stubDirectories.first ?? "coderef/working")
        let to = FileSystem.join(working, WorkspacePaths.lastComponent(folder))
        var plan = ArchivePlan(what: stub.featureName, from: folder, to: to, displayFrom: layout.display(folder), displayTo: layout.display(to), warnings: [])
        plan.restores = true
        return try checked(plan, layout: layout)
    }

    /// A Markdown stub is a file, not a folder: it moves into `coderef/stubs/archived/` (and back).
    static func markdownMove(_ stub: Stub, layout: WorkspaceLayout, restoring: Bool) -> ArchivePlan {
        let name = WorkspacePaths.lastComponent(stub.absolutePath)
        let live = layout.absolute(MarkdownStub.folder), archive = FileSystem.join(live, "archived")
        let to = FileSystem.join(restoring ? live : archive, name)
        var plan = ArchivePlan(what: stub.featureName, from: stub.absolutePath, to: to, displayFrom: stub.path, displayTo: layout.display(to), warnings: [])
        if !restoring, !(stub.status.bucket.isFinished || stub.status.bucket == .failed || stub.status.word?.lowercased() == "promoted") {
            plan.warnings.append("the stub's status is \(stub.status.word ?? "unknown")")
        }
        plan.restores = restoring
        return plan
    }

    static func checked(_ plan: ArchivePlan, layout: WorkspaceLayout) throws(Failure) -> ArchivePlan {
        // The folder moves as it is (a link stays a link); where it comes from and goes to must be
        // inside the root after links.
        for move in plan.moves {
            guard NameValidator.isInside(move.from, root: layout.root), NameValidator.isInside(move.to, root: layout.root),
                  RootedPath.isInside(WorkspacePaths.parent(move.from), root: layout.root), RootedPath.isInside(WorkspacePaths.parent(move.to), root: layout.root) else {
                throw .outsideWorkspace(move.to)
            }
            guard !FileSystem.exists(move.to) else { throw .exists(move.displayTo) }
        }
        return plan
    }

    /// Each move in order; the first that fails stops the rest and says what had moved.
    public static func apply(_ plan: ArchivePlan) throws {
        for (index, move) in plan.moves.enumerated() {
            do {
                try apply(move)
            } catch let failure as Failure where index > 0 {
                let moved = plan.moves[..<index].map(\.displayFrom).joined(separator: ", ")
                throw Failure.io("\(failure.description) (moved before it: \(moved))")
            }
        }
    }

    static func apply(_ move: ArchivePlan.Move) throws {
        do {
            try FileManager.default.createDirectory(atPath: WorkspacePaths.parent(move.to), withIntermediateDirectories: true)
            try SessionWriter.renameNoReplace(move.from, move.to, display: move.displayTo)
        } catch let failure as SessionWriter.Failure {
            if case .exists = failure { throw Failure.exists(move.displayTo) }
            throw Failure.io(failure.description)
        } catch {
            throw Failure.io(WriteErrorText.describe(error))
        }
        AtomicFile.syncDirectory(WorkspacePaths.parent(move.to))
        AtomicFile.syncDirectory(WorkspacePaths.parent(move.from))
    }
}
