import Foundation
import HubCore

/// The writing tools: each is the same transaction as its command-line twin.
extension HubTools {
    func setStatus(_ arguments: Arguments) throws -> JSONValue {
        let snapshot = load()
        let name = try arguments.string("session"), id = try arguments.string("agent"), word = try arguments.string("status")
        let note = try arguments.optionalString("note")
        let anyWord = try arguments.optionalBool("any_word") ?? false
        if let refusal = Status.refusal(for: word, anyWord: anyWord) { throw ToolFailure(refusal + (anyWord ? "" : "; any_word writes a word the hub does not know")) }
        let session = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.session(name, in: snapshot) }
        let request = PlanRequest(.setStatus(session: session, agent: id, word: word, note: note, anyWord: anyWord), snapshot: snapshot, layout: layout, settings: settings, now: Date())
        let change: StatusChange, applied: PlannedChange.Applied
        do throws(PlanFailure) {
            let planned = try request.plan().get()
            guard case .setStatus(let status) = planned else { throw PlanFailure("internal: set_status planned \(planned)") }
            change = status
            applied = try planned.apply(root: layout.root)
        } catch {
            throw ToolFailure(error.message)
        }
        return .object(JSONObject([
            ("session", .string(session.path)), ("agent", .string(change.agent.agentId)),
            ("from", optional(change.agent.status.word)), ("to", .string(change.word)),
            ("note", optional(note)), ("file", .string(applied.file ?? "")),
            ("warnings", .array(change.warnings.map(JSONValue.string))),
        ]))
    }

    /// The same verdicts as the screen's z/x/m/u and `sessions-hub triage`, through `TriageAction`.
    func triage(_ arguments: Arguments) throws -> JSONValue {
        let snapshot = load()
        let action = try arguments.string("action")
        let by = TriageAction.person(environment: environment).map { $0 + " (mcp)" } ?? "mcp"
        /// The operations layer plans and applies; the sentence a person reads comes back with this
        /// door's own undo, and a failure becomes the tool's error.
        func carryOut(_ kind: PlanRequest.Kind) throws -> JSONValue {
            func here(_ text: String) -> String {
                text.replacingOccurrences(of: "(u undoes)", with: "(the action undo takes it back)")
                    .replacingOccurrences(of: "; u undoes it", with: "; the action undo takes it back")
            }
            do {
                let applied = try PlanRequest(kind, snapshot: snapshot, layout: layout, settings: settings, now: Date()).plan().get().apply(root: layout.root)
                return .object(JSONObject([("action", .string(action)), ("sentence", .string(here(applied.sentence)))]))
            } catch {
                throw ToolFailure(here(error.message))
            }
        }
        if action == "undo" { return try carryOut(.undoTriage(by: by)) }
        let name = try arguments.string("session")
        let session = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.session(name, in: snapshot) }
        let request: TriageAction.Request
        switch action {
        case "snooze": request = .snooze
        case "dismiss":
            let reason = try arguments.optionalString("reason")
            if let reason, AttentionReason(rawValue: reason) == nil {
                throw ToolFailure("\(Quote.short(reason)) is not a reason (" + AttentionReason.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            request = .dismiss(reason.flatMap(AttentionReason.init(rawValue:)))
        case "mark": request = .mark(try arguments.string("status"))
        default: throw ToolFailure("\(Quote.short(action)) is not an action (snooze, dismiss, mark, undo)")
        }
        let note = try arguments.optionalString("note")
        return try carryOut(.triage(request, session: session, agent: try arguments.optionalString("agent"), note: note, by: by))
    }

    func createStub(_ arguments: Arguments) throws -> JSONValue {
        let request = StubWriter.Request(
            featureName: try arguments.string("feature_name"),
            description: try arguments.string("description"),
            agents: try arguments.optionalStrings("agents") ?? [],
            orchestrator: try arguments.optionalString("orchestrator"),
            scope: try arguments.optionalScope("scope") ?? [],
            priority: try arguments.optionalString("priority"),
            phases: try arguments.optionalStrings("phases") ?? []
        )
        let created: StubWriter.Created
        do {
            created = try StubWriter.create(request, layout: layout, snapshot: load())
        } catch {
            throw ToolFailure(error.description)
        }
        return .object(JSONObject([("path", .string(created.path)), ("stub_id", .string(created.stubId)), ("feature_name", .string(request.featureName))]))
    }

    func startSession(_ arguments: Arguments) throws -> JSONValue {
        let snapshot = load()
        let name = try arguments.string("stub")
        let agents = try arguments.optionalStrings("agents")
        let again = try arguments.optionalBool("again") ?? false
        let stub = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.stub(name, in: snapshot) }
        return try write(PlanRequest(.start(stub: stub, agents: agents, again: again), snapshot: snapshot, layout: layout, settings: settings, now: Date()))
    }

    func advancePhase(_ arguments: Arguments) throws -> JSONValue {
        let snapshot = load()
        let name = try arguments.string("session")
        let session = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.session(name, in: snapshot) }
        return try write(PlanRequest(.advance(session: session), snapshot: snapshot, layout: layout, settings: settings, now: Date()))
    }

    /// `archive`: a session (or a stub's finished phases) moved into archived/, as `A` and
    /// `sessions-hub archive` do (one plan, one apply). A plan that comes with a warning (work still
    /// at hand) is refused unless `force`.
    func archive(_ arguments: Arguments) throws -> JSONValue {
        let snapshot = load()
        let name = try arguments.string("name")
        let kind: PlanRequest.Kind
        if let session = try? WorkspaceLookup.session(name, in: snapshot) {
            kind = .archiveSession(session)
        } else if let stub = try? WorkspaceLookup.stub(name, in: snapshot) {
            kind = .archiveStub(stub)
        } else {
            throw ToolFailure("no session or stub named \(Quote.short(name))")
        }
        let plan: ArchivePlan
        switch PlanRequest(kind, snapshot: snapshot, layout: layout, settings: settings, now: Date()).plan() {
        case .success(.archive(let planned)): plan = planned
        case .success(let other): throw ToolFailure("internal: an archive planned \(other)")
        case .failure(let failure): throw ToolFailure(failure.message)
        }
        if !plan.warnings.isEmpty, try arguments.optionalBool("force") != true {
            throw ToolFailure(plan.warnings.joined(separator: "; ") + " (pass force: true to archive it anyway)")
        }
        do { try PlannedChange.archive(plan).apply(root: "") } catch { throw ToolFailure(error.description) }
        return .object(JSONObject([("moved", .array(plan.moves.map { move in
            .object(JSONObject([("from", .string(move.displayFrom)), ("to", .string(move.displayTo))]))
        })), ("notes", .array(plan.notes.map(JSONValue.string)))]))
    }

    /// The screen's and the CLI's planning and writing (PlanRequest, PlannedChange), and what it made.
    private func write(_ request: PlanRequest) throws -> JSONValue {
        let plan: SessionPlan
        switch request.plan() {
        case .success(.start(let planned)): plan = planned
        case .success(let other): throw ToolFailure("internal: a session start planned \(other)")
        case .failure(let failure): throw ToolFailure(failure.message)
        }
        do {
            try PlannedChange.start(plan).apply(root: layout.root)
        } catch {
            throw ToolFailure(error.description)
        }
        return .object(JSONObject([
            ("folder", .string(plan.displayFolder)), ("workorder_id", .string(plan.workorderId)), ("phase", .int(plan.phase)),
            ("orchestrator", .string(plan.orchestrator)), ("agents", .array(plan.agents.map(JSONValue.string))),
            ("warnings", .array(plan.warnings.map(JSONValue.string))),
        ]))
    }
}
