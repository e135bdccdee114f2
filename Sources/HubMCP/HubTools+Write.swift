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
        ]))
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
        let stub = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.stub(name, in: snapshot) }
        let plan: SessionPlan
        do {
            plan = try SessionPlanner(layout: layout, settings: settings, now: Date()).plan(stub: stub, snapshot: snapshot, agents: agents, again: false)
        } catch {
            throw ToolFailure(error.description)
        }
        return try write(plan)
    }

    func advancePhase(_ arguments: Arguments) throws -> JSONValue {
        let snapshot = load()
        let name = try arguments.string("session")
        let session = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.session(name, in: snapshot) }
        let plan: SessionPlan
        do {
            plan = try SessionPlanner(layout: layout, settings: settings, now: Date()).planNextPhase(after: session, snapshot: snapshot)
        } catch {
            throw ToolFailure(error.description)
        }
        return try write(plan)
    }

    /// SessionWriter's transaction, and what it made.
    private func write(_ plan: SessionPlan) throws -> JSONValue {
        do {
            try SessionWriter.apply(plan, root: layout.root)
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
