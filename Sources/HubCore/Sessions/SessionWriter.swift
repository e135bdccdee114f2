import CHubSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Applies a `SessionPlan` as a transaction: every file is written into a temporary folder beside the
/// target, synced, and the folder is renamed into place without replacing anything (RENAME_NOREPLACE);
/// then the stub is marked promoted by a locked read-modify-write that keeps all its other bytes.
/// On any error nothing is left behind: the temporary folder is removed, and a session created
/// before the stub update failed is removed again.
public enum SessionWriter {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case exists(String)
        case outsideWorkspace(String)
        case io(String)
        case stubUpdate(String)

        public var description: String {
            switch self {
            case .exists(let path): return "a session already exists at \(path); nothing was written"
            case .outsideWorkspace(let path): return "refusing to write outside the workspace: \(path)"
            case .io(let why): return "could not create the session: \(why); nothing was written"
            case .stubUpdate(let why): return "could not mark the stub promoted (\(why)); the session was not created"
            }
        }
    }

    /// `checkpoint` is called with the name of each step before it runs; tests throw from it to
    /// prove that a failure at any point leaves nothing behind.
    public static func apply(_ plan: SessionPlan, root: String, checkpoint: (String) throws -> Void = { _ in }) throws(Failure) {
        // Inside the root after links: the folder's parent (the folder itself is new) and the stub.
        guard NameValidator.isInside(plan.folder, root: root), RootedPath.isInside(WorkspacePaths.parent(plan.folder), root: root),
              !plan.promotesStub || RootedPath.isInside(plan.stubAbsolutePath, root: root) else {
            throw .outsideWorkspace(plan.folder)
        }
        // The finished phase is closed first: if that cannot be written, nothing is.
        if let close = plan.closes {
            do {
                try checkpoint("close")
                try SessionCloser.apply(close, root: root)
            } catch {
                throw .io((error as? SessionCloser.Failure)?.description ?? "\(error)")
            }
        }
        let parent = WorkspacePaths.parent(plan.folder)
        let temporary = FileSystem.join(parent, LeftoverFiles.temporaryName(for: plan.sessionName))
        let manager = FileManager.default
        do {
            try checkpoint("mkdir")
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            guard !FileSystem.exists(plan.folder) else { throw Failure.exists(plan.displayFolder) }
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: false)
            for file in plan.files {
                try checkpoint("write \(file.name)")
                try AtomicFile.write(Array(file.text.utf8), to: FileSystem.join(temporary, file.name))
            }
            AtomicFile.syncDirectory(temporary)
            if plan.promotesStub {
                try checkpoint("journal")
                try StartJournal.open(plan, root: root)
            }
            try checkpoint("rename")
            try renameNoReplace(temporary, plan.folder, display: plan.displayFolder)
            AtomicFile.syncDirectory(parent)
        } catch {
            try? manager.removeItem(atPath: temporary)
            if plan.promotesStub { StartJournal.close(plan, root: root) }
            if let failure = error as? Failure { throw failure }
            throw .io(WriteErrorText.describe(error))
        }

        guard plan.promotesStub else { return }
        defer { StartJournal.close(plan, root: root) }
        do {
            try checkpoint("promote stub")
            try StubPromotion.promote(plan.stubAbsolutePath, to: plan.workorderId, root: root)
        } catch {
            try? manager.removeItem(atPath: plan.folder)
            throw .stubUpdate(WriteErrorText.describe(error))
        }
    }

    /// rename(2) that fails instead of replacing an existing target.
    static func renameNoReplace(_ from: String, _ to: String, display: String) throws {
        let result = hub_rename_noreplace(from, to)
        if result == 0 { return }
        let code = errno
        if code == EEXIST || code == ENOTEMPTY { throw Failure.exists(display) }
        if code == EINVAL || code == ENOSYS {
            // Filesystems without RENAME_NOREPLACE: check, then a plain rename (which still refuses a
            // non-empty folder).
            guard !FileSystem.exists(to) else { throw Failure.exists(display) }
            if rename(from, to) == 0 { return }
        }
        throw Failure.io(String(cString: strerror(errno)))
    }
}
