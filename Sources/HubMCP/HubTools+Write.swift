import Foundation
import HubCore

/// The writing tools: each is the same transaction as its command-line twin.
extension HubTools {
    func setStatus(_ arguments: Arguments) throws -> JSONValue {
        let snapshot = load()
        let name = try arguments.string("session"), id = try arguments.string("agent"), word = try arguments.string("status")
        let note = try arguments.optionalString("note")
        if let refusal = Status.refusal(for: word, anyWord: try arguments.optionalBool("any_word") ?? false) { throw ToolFailure(refusal) }
        let session = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.session(name, in: snapshot) }
        let agent = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.agent(id, in: session) }
        let file: String
        do {
            file = try StatusWriter.set(word, agent: agent, in: session, root: layout.root, note: note)
        } catch {
            throw ToolFailure("\(error)")
        }
        return .object(JSONObject([
            ("session", .string(session.path)), ("agent", .string(agent.agentId)),
            ("from", optional(agent.status.word)), ("to", .string(word.trimmingCharacters(in: .whitespaces))),
            ("note", optional(note)), ("file", .string(file)),
            ("warnings", .array(StatusWriter.warnings(setting: word, on: agent).map(JSONValue.string))),
        ]))
    }

    /// The same verdicts as the screen's z/x/m/u and `sessions-hub triage`, through `TriageAction`.
    func triage(_ arguments: Arguments) throws -> JSONValue {
        let snapshot = load()
        let action = try arguments.string("action")
        let by = TriageAction.person(environment: environment).map { $0 + " (mcp)" } ?? "mcp"
        /// The sentence a person reads, with this door's own undo; a failure becomes the tool's error.
        func carryOut(_ body: () throws(TriageAction.Failure) -> String) throws -> JSONValue {
            func here(_ text: String) -> String {
                text.replacingOccurrences(of: "(u undoes)", with: "(the action undo takes it back)")
                    .replacingOccurrences(of: "; u undoes it", with: "; the action undo takes it back")
            }
            do {
                return .object(JSONObject([("action", .string(action)), ("sentence", .string(here(try body())))]))
            } catch {
                throw ToolFailure(here(error.message))
            }
        }
        if action == "undo" {
            return try carryOut { () throws(TriageAction.Failure) -> String in try TriageAction.undo(snapshot: snapshot, by: by, root: layout.root) }
        }
        let name = try arguments.string("session")
        let session = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.session(name, in: snapshot) }
        var agentId: String?
        if let id = try arguments.optionalString("agent") {
            agentId = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.agent(id, in: session) }.agentId
        }
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
        return try carryOut { () throws(TriageAction.Failure) -> String in
            try TriageAction.apply(request, session: session, agent: agentId, note: note, by: by,
                                   snapshot: snapshot, policy: EvidencePolicy(settings), root: layout.root).sentence
        }
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

    /// The screen's and the CLI's planning and writing (PlanRequest, PlannedChange), and what it made.
    private func write(_ request: PlanRequest) throws -> JSONValue {
        let plan: SessionPlan
        switch request.plan() {
        case .success(.start(let planned)): plan = planned
        case .success(.archive): throw ToolFailure("internal: a session start planned an archive")
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
