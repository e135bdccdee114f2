import Foundation

/// A planned change, ready to confirm: a session (or phase) to write, a folder to archive, a status
/// to write, a session to close, a verdict to record.
public enum PlannedChange: Equatable, Sendable {
    case start(SessionPlan)
    case archive(ArchivePlan)
    case setStatus(StatusChange)
    case close(SessionClose)
    case triage(TriageChange)
    case undoTriage(snapshot: WorkspaceSnapshot, by: String?)

    /// What applying a change did: the sentence a person reads, and the file it wrote when there is
    /// one such file (a status, a close).
    public struct Applied: Equatable, Sendable {
        public var sentence: String
        public var file: String?
    }

    /// Carries the change out — the one place the screen, the CLI and MCP write it.
    @discardableResult
    public func apply(root: String) throws(PlanFailure) -> Applied {
        switch self {
        case .start(let plan):
            do { try SessionWriter.apply(plan, root: root) } catch { throw PlanFailure(error.description, failed: true) }
            return Applied(sentence: "created \(plan.displayFolder)")
        case .archive(let plan):
            do { try Archiver.apply(plan) } catch { throw PlanFailure(String(describing: error), failed: true) }
            return Applied(sentence: (plan.restores ? "restored " : "archived ") + plan.what)
        case .setStatus(let change):
            let file: String
            do { file = try StatusWriter.set(change.word, agent: change.agent, in: change.session, root: root, note: change.note) } catch {
                throw PlanFailure(String(describing: error), failed: !(error is StatusWriter.Failure) || Self.isWriteFailure(error))
            }
            return Applied(sentence: "\(change.agent.agentId): \(change.agent.status.word ?? "?") → \(change.word) (\(file))", file: file)
        case .close(let close):
            do {
                let file = try SessionCloser.apply(close, root: root)
                return Applied(sentence: "closed \(WorkspacePaths.lastComponent(close.sessionPath)) in \(file): \(close.summary)", file: file)
            } catch { throw PlanFailure(error.description, failed: true) }
        case .triage(let change):
            do {
                let done = try TriageAction.apply(change.request, session: change.session, agent: change.agent, note: change.note, by: change.by,
                                                  snapshot: change.snapshot, policy: change.policy, root: root, now: change.now)
                return Applied(sentence: done.sentence)
            } catch { throw PlanFailure(error.message) }
        case .undoTriage(let snapshot, let by):
            do { return Applied(sentence: try TriageAction.undo(snapshot: snapshot, by: by, root: root)) } catch { throw PlanFailure(error.message) }
        }
    }

    private static func isWriteFailure(_ error: any Error) -> Bool {
        if case .write? = error as? StatusWriter.Failure { return true }
        return false
    }
}

/// An agent's status to write, with what the evidence will say of it (`warnings`), said before.
public struct StatusChange: Equatable, Sendable {
    public var session: Session
    public var agent: AgentState
    public var word: String
    public var note: String?
    public var warnings: [String]
}

/// A triage verdict to record, with the snapshot and policy it was judged against.
public struct TriageChange: Equatable, Sendable {
    public var request: TriageAction.Request
    public var session: Session
    public var agent: String?
    public var note: String?
    public var by: String?
    public var snapshot: WorkspaceSnapshot
    public var policy: EvidencePolicy
    public var now: Date
}
