import Foundation

/// A change to plan (start, advance, archive), with every value the planning needs captured when it
/// was asked for. Planning looks at the disk (free folder names, what already exists), so the screen
/// never plans inside its reducer: it hands a request to its effect runner, which calls `plan()` off
/// the event loop and sends the result back as an action.
public struct PlanRequest: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A session from a stub; `agents` replaces the stub's own list (chosen in the picker);
        /// `again`: another phase 1 of a stub that has a session, asked for explicitly.
        case start(stub: Stub, agents: [String]?, again: Bool = false)
        /// The next phase of a session.
        case advance(session: Session)
        case archiveSession(Session)
        case archiveStub(Stub)
        case restoreSession(Session)
        case restoreStub(Stub)
        /// An ad-hoc session without a stub (`N`).
        case adHoc(name: String, agents: [String], orchestrator: String? = nil, description: String? = nil)
    }

    public var kind: Kind
    public var snapshot: WorkspaceSnapshot
    public var layout: WorkspaceLayout
    public var settings: HubSettings
    public var now: Date

    public init(_ kind: Kind, snapshot: WorkspaceSnapshot, layout: WorkspaceLayout, settings: HubSettings, now: Date) {
        self.kind = kind
        self.snapshot = snapshot
        self.layout = layout
        self.settings = settings
        self.now = now
    }

    /// What the plan would do, or one sentence saying why it cannot be done.
    public func plan() -> Result<PlannedChange, PlanFailure> {
        let planner = SessionPlanner(layout: layout, settings: settings, now: now)
        do {
            switch kind {
            case .start(let stub, let agents, let again):
                return .success(.start(try planner.plan(stub: stub, snapshot: snapshot, agents: agents, again: again)))
            case .advance(let session):
                return .success(.start(try planner.planNextPhase(after: session, snapshot: snapshot)))
            case .archiveSession(let session):
                return .success(.archive(try Archiver.plan(session: session, layout: layout)))
            case .archiveStub(let stub):
                return .success(.archive(try Archiver.plan(feature: stub, layout: layout, sessions: snapshot.sessions(for: stub))))
            case .restoreSession(let session):
                return .success(.archive(try Archiver.restorePlan(session: session, layout: layout)))
            case .restoreStub(let stub):
                return .success(.archive(try Archiver.restorePlan(stub: stub, layout: layout)))
            case .adHoc(let name, let agents, let orchestrator, let description):
                do {
                    return .success(.start(try planner.planAdHoc(name: name, agents: agents, orchestrator: orchestrator, description: description, snapshot: snapshot)))
                } catch .alreadyStarted(_, let existing) {
                    return .failure(PlanFailure("a session named \(name) exists (\(existing)): choose another name"))
                }
            }
        } catch let error as CustomStringConvertible {
            return .failure(PlanFailure(error.description))
        } catch {
            return .failure(PlanFailure("\(error)"))
        }
    }
}

/// A planned change, ready to confirm: a session (or phase) to write, or a folder to archive.
public enum PlannedChange: Equatable, Sendable {
    case start(SessionPlan)
    case archive(ArchivePlan)

    /// Carries the change out — the one place the screen, the CLI and MCP write it; the sentence
    /// says what was done (`created …`, `archived …`).
    @discardableResult
    public func apply(root: String) throws(PlanFailure) -> String {
        switch self {
        case .start(let plan):
            do { try SessionWriter.apply(plan, root: root) } catch { throw PlanFailure(error.description) }
            return "created \(plan.displayFolder)"
        case .archive(let plan):
            do { try Archiver.apply(plan) } catch { throw PlanFailure(String(describing: error)) }
            return (plan.restores ? "restored " : "archived ") + plan.what
        }
    }
}

/// Why a plan could not be made, or a change could not be applied: one sentence for a person.
public struct PlanFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
