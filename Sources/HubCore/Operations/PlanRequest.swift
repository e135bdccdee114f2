import Foundation

/// The operations layer: every change a person or an agent asks of the workspace — start, new,
/// advance, archive, restore, set-status, close, triage verdicts and their undo — as a request,
/// planned by one function (`plan()`) into a `PlannedChange`, applied by one function
/// (`PlannedChange.apply`). The screen, the CLI and MCP only build requests and say the results.
/// Every value the planning needs is captured when it was asked for. Planning looks at the disk
/// (free folder names, what already exists), so the screen never plans inside its reducer: it hands
/// a request to its effect runner, which calls `plan()` off the event loop and sends the result back
/// as an action. (Dispatch and send drive tmux and wait on agents: they are planned by
/// `DispatchProposal.make` and carried out by `Dispatcher` / `AgentAnswer`, also one place each.)
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
        /// An agent's status word (and note), as `set-status`, MCP `set_status` write it;
        /// `anyWord`: a word the hub does not know is written as it is.
        case setStatus(session: Session, agent: String, word: String, note: String? = nil, anyWord: Bool = false)
        /// A finished session's own file says so (`C`, `doctor --fix`).
        case close(session: Session)
        /// A verdict on what needs the person (snooze, dismiss, mark) on an agent or (nil) the session.
        case triage(TriageAction.Request, session: Session, agent: String?, note: String? = nil, by: String?)
        /// The newest verdict not yet undone is taken back.
        case undoTriage(by: String?)
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
            case .setStatus(let session, let id, let word, let note, let anyWord):
                if let refusal = Status.refusal(for: word, anyWord: anyWord) {
                    return .failure(PlanFailure(refusal))
                }
                let agent = try WorkspaceLookup.agent(id, in: session)
                return .success(.setStatus(StatusChange(session: session, agent: agent, word: word.trimmingCharacters(in: .whitespaces), note: note,
                                                        warnings: StatusWriter.warnings(setting: word, on: agent))))
            case .close(let session):
                guard let close = SessionCloser.plan(session) else {
                    let why = !session.derivedStatus.isFinished
                        ? "not every agent is complete (\(session.agentsComplete)/\(session.agents.count))"
                        : "its file already says complete (or it has no communication.json of its own)"
                    return .failure(PlanFailure("\(WorkspacePaths.lastComponent(session.path)): nothing to close — \(why)"))
                }
                return .success(.close(close))
            case .triage(let request, let session, let agent, let note, let by):
                let agentId = try agent.map { id in try WorkspaceLookup.agent(id, in: session).agentId }
                return .success(.triage(TriageChange(request: request, session: session, agent: agentId, note: note, by: by,
                                                     snapshot: snapshot, policy: EvidencePolicy(settings), now: now)))
            case .undoTriage(let by):
                return .success(.undoTriage(snapshot: snapshot, by: by))
            }
        } catch let error as CustomStringConvertible {
            return .failure(PlanFailure(error.description))
        } catch {
            return .failure(PlanFailure("\(error)"))
        }
    }
}

/// Why a plan could not be made, or a change could not be applied: one sentence for a person.
public struct PlanFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// True when the change was right but writing it failed (the disk, a lock): a CLI exits 1, not 2.
    public var failed: Bool
    public init(_ message: String, failed: Bool = false) {
        self.message = message
        self.failed = failed
    }
    public var description: String { message }
}
