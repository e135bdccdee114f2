import Foundation
import HubCore

/// The reading tools: stubs, sessions, one session, an agent's instructions.
extension HubTools {
    func listStubs(_ arguments: Arguments) throws -> JSONValue {
        let snapshot = load()
        let filter = try arguments.optionalString("filter")?.lowercased()
        let stubs = snapshot.stubs.filter { stub in
            guard !stub.archived else { return false }
            guard let filter, !filter.isEmpty else { return true }
            return ([stub.featureName, stub.stubId, stub.status.word, stub.priority] + stub.allAgents).compactMap { $0?.lowercased() }.contains { $0.contains(filter) }
        }
        let index = StubSessions(snapshot)
        return .object(JSONObject([("stubs", .array(stubs.map { stub in
            let latest = index.sessions(for: stub).max { ($0.phase ?? 0) < ($1.phase ?? 0) }
            return .object(JSONObject([
                ("feature_name", .string(stub.featureName)), ("stub_id", optional(stub.stubId)), ("path", .string(stub.path)),
                ("status", optional(stub.status.word)), ("priority", optional(stub.priority)),
                ("orchestrator", optional(stub.orchestrator)), ("agents", .array(stub.agents.map(JSONValue.string))),
                ("session", optional(latest?.path)), ("session_status", optional(latest?.derivedStatus.rawValue)),
            ]))
        }))]))
    }

    func listSessions(_ arguments: Arguments) throws -> JSONValue {
        let snapshot = load()
        let archived = try arguments.optionalBool("include_archived") ?? false
        let board = AttentionBoard(snapshot, now: Date(), policy: EvidencePolicy(settings))
        let all = snapshot.sessions.filter { archived || !$0.archived }
        // A page at a time: an agent's tool output is capped, and 500 sessions are a megabyte.
        let limit = max(1, min(500, try arguments.optionalInt("limit") ?? 50))
        let start = try arguments.optionalString("cursor").map { text -> Int in
            guard let offset = Int(text), offset >= 0, offset <= all.count else { throw ToolFailure("cursor \(Quote.short(text)) is not one this tool gave") }
            return offset
        } ?? 0
        let sessions = all[start..<min(all.count, start + limit)]
        let next = start + sessions.count < all.count ? JSONValue.string(String(start + sessions.count)) : .null
        return .object(JSONObject([("total", .int(all.count)), ("next_cursor", next), ("sessions", .array(sessions.map { session in
            .object(JSONObject([
                ("name", .string(session.name)), ("path", .string(session.path)), ("workorder_id", optional(session.workorderId)),
                ("phase", session.phase.map(JSONValue.int) ?? .null), ("derived_status", .string(session.derivedStatus.rawValue)),
                ("status", .string(session.statusLabel)), ("agents_complete", .int(session.agentsComplete)), ("agents_total", .int(session.agents.count)),
                ("archived", .bool(session.archived)),
                ("activity", .object(JSONObject(Activity.State.allCases.compactMap { state in
                    let count = (snapshot.activities[session.path] ?? [:]).values.filter { $0.state == state }.count
                    return count == 0 ? nil : (state.rawValue, JSONValue.int(count))
                }))),
                // Compact: each item without the session it is listed under (get_session has them whole).
                ("attention", .array((board.bySession[session.path] ?? []).map { item in
                    var object = StatusReport.attentionJSON(item).objectValue ?? JSONObject()
                    object["session"] = nil
                    return .object(object)
                })),
            ]))
        }))]))
    }

    func getSession(_ arguments: Arguments) throws -> JSONValue {
        let snapshot = load()
        let name = try arguments.string("session")
        let session = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.session(name, in: snapshot) }
        let now = Date(), policy = EvidencePolicy(settings)
        let context = EvidenceContext(snapshot)
        func agentJSON(_ agent: AgentState) -> JSONValue {
            let evidence = Evidence.assess(agent, in: session, snapshot: snapshot, now: now, policy: policy)
            var object = StatusReport.agentJSON(agent, evidence: evidence, dispatch: snapshot.dispatches[session.path]?[agent.agentId], activity: snapshot.activity(of: agent, in: session),
                                                  tokens: snapshot.tokens[session.path]?[agent.agentId], prices: settings.tokenPrices, commits: snapshot.commits[session.path]?[agent.agentId]).objectValue ?? JSONObject()
            object["waiting_on"] = .array(Waves.waitingOn(agent, in: session).map(JSONValue.string))
            object["age_seconds"] = evidence.changedAt.map { JSONValue.int(Int(now.timeIntervalSince($0))) } ?? .null
            object["tasks"] = .array(agent.tasks.map { task in
                .object(JSONObject([("id", optional(task.id)), ("description", optional(task.description)), ("status", optional(task.status.word))]))
            })
            object["workorders_created"] = .array(agent.workordersCreated.map { .string($0.workorderId) })
            return .object(object)
        }
        var members = (StatusReport.sessionJSON(session, agent: agentJSON).objectValue ?? JSONObject()).members.map { ($0.key, $0.value) }
        members.append(("status", .string(session.statusLabel)))
        members.append(("phases", .array(session.phases.map { phase in
            .object(JSONObject([("key", .string(phase.key)), ("name", optional(phase.name)), ("status", optional(phase.status.word))]))
        })))
        members.append(("timeline", .array(snapshot.timeline(of: session).map { JSONValue.string($0.path) })))
        members.append(("attention", .array(Evidence.attention(for: session, snapshot: snapshot, context: context, now: now, policy: policy).map(StatusReport.attentionJSON))))
        return .object(JSONObject(members))
    }

    func myInstructions(_ arguments: Arguments) throws -> JSONValue {
        let snapshot = load()
        let name = try arguments.string("session"), id = try arguments.string("agent")
        let session = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.session(name, in: snapshot) }
        let agent = try lookup { () throws(WorkspaceLookup.NotFound) in try WorkspaceLookup.agent(id, in: session) }
        let steps = agent.instructionSteps.isEmpty
            ? (agent.isOrchestrator ? session.instructions?.orchestratorSteps : session.instructions?.steps(for: agent.agentId)) ?? []
            : agent.instructionSteps
        let report = agent.nestedFile ?? session.communicationFile
        return .object(JSONObject([
            ("session", .string(session.path)), ("workorder_id", optional(session.workorderId)), ("agent", .string(agent.agentId)),
            ("status", optional(agent.status.word)), ("role", optional(agent.role)),
            ("steps", .array(steps.map(JSONValue.string))),
            ("instructions_file", optional(agent.instructionsFile ?? session.instructions?.path)),
            ("output_file", optional(agent.outputResolved.map(layout.display) ?? agent.outputFile)),
            ("report_status_in", optional(report)),
            ("how_to_report", .string("call set_status with session '\(session.name)' and agent '\(agent.agentId)' (or run: sessions-hub set-status \(session.name) \(agent.agentId) complete)")),
            ("one_liner", .string(OneLiner.long(session: session, agent: agent))),
        ]))
    }

    func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
}
