import Foundation

/// A session whose agents are all complete, said in its own file: the session's `status` and the
/// `phases{}` entry it was working on become `complete` (with `completed_at`). Agents write their
/// own statuses and rarely the session's, so a finished session's file keeps saying `in_progress`
/// to every other reader of the workspace; the hub offers to close it (`C`, `advance`, `doctor --fix`).
public struct SessionClose: Equatable, Sendable {
    /// The session's folder and its communication.json, relative to the root.
    public var sessionPath: String
    public var file: String
    /// The session's own status word as written (nil: none), and whether it is set to complete.
    public var oldStatus: String?
    public var writesStatus: Bool
    /// The `phases{}` entries whose status is set to complete, with their old words.
    public var phases: [PhaseChange]

    public struct PhaseChange: Equatable, Sendable {
        public var key: String
        public var old: String?
    }

    /// One line for a person: `status in_progress → complete, phases.phase_1 in_progress → complete`.
    public var summary: String {
        var parts: [String] = []
        if writesStatus { parts.append("status \(oldStatus ?? "(none)") → complete") }
        parts += phases.map { "phases.\($0.key) \($0.old ?? "(none)") → complete" }
        return parts.joined(separator: ", ")
    }
}

public enum SessionCloser {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case write(String)
        public var description: String {
            switch self {
            case .write(let why): return why
            }
        }
    }

    /// What closing would write, or nil when there is nothing to write: not every agent is complete,
    /// the session has no file of its own, or its file already says so.
    public static func plan(_ session: Session) -> SessionClose? {
        guard session.derivedStatus == .complete, !session.agents.isEmpty, !session.archived,
              let file = session.communicationFile, WorkspacePaths.parent(file) == session.path,
              WorkspacePaths.lastComponent(file) == "communication.json" else { return nil }
        let writesStatus = session.storedStatus?.bucket != .complete
        let phases = openPhases(session).map { SessionClose.PhaseChange(key: $0.key, old: $0.status.word) }
        guard writesStatus || !phases.isEmpty else { return nil }
        return SessionClose(sessionPath: session.path, file: file, oldStatus: session.storedStatus?.word, writesStatus: writesStatus, phases: phases)
    }

    /// The `phases{}` entries the session was working on and that do not say complete: the one
    /// named for its own phase (`phase_2` in a phase-2 session) and any in progress. Later phases
    /// that have not started are left alone (their agents have not begun them).
    static func openPhases(_ session: Session) -> [SessionPhase] {
        let own = "phase_\(session.phase ?? 1)"
        return session.phases.filter { phase in
            phase.status.bucket != .complete && (phase.key == own || phase.status.bucket == .inProgress)
        }
    }

    /// Writes the plan: a locked in-place edit of the session's communication.json that changes
    /// only those values (a `status` that is not a string, or a phase that is not an object, is
    /// left as it is). Returns the file written, relative to the root.
    @discardableResult
    public static func apply(_ close: SessionClose, root: String, now: Date = Date()) throws(Failure) -> String {
        let path = FileSystem.join(root, close.file)
        do { try RootedPath.inside(path, root: root) } catch { throw .write(error.description) }
        let stamp = ISO8601DateFormatter().string(from: now)
        do {
            try AtomicFile.update(path, locks: HubStateFolder.locks(root: root)) { document in
                if close.writesStatus, document.value(at: ["status"]).map({ $0.stringValue != nil }) ?? true {
                    try document.set(["status"], to: .string("complete"))
                    if document.value(at: ["completed_at"]) == nil { try document.set(["completed_at"], to: .string(stamp)) }
                }
                for phase in close.phases where document.value(at: ["phases", .key(phase.key)])?.objectValue != nil {
                    try document.set(["phases", .key(phase.key), "status"], to: .string("complete"))
                    if document.value(at: ["phases", .key(phase.key), "completed_at"]) == nil {
                        try document.set(["phases", .key(phase.key), "completed_at"], to: .string(stamp))
                    }
                }
            }
        } catch {
            throw .write("could not close \(close.sessionPath) in \(close.file): \(WriteErrorText.describe(error)); nothing was changed")
        }
        return close.file
    }
}
