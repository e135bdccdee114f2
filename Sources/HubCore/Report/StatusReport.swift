import Foundation

/// `sessions-hub status --json`: the snapshot as one JSON object, for scripts, agents and our tests.
/// Keys are stable (see README "status --json"); paths are relative to the root.
public enum StatusReport {
    public static func json(_ snapshot: WorkspaceSnapshot, now: Date = Date(), policy: EvidencePolicy = EvidencePolicy(), prices: TokenPrices? = nil) -> JSONValue {
        let agentCount = snapshot.sessions.reduce(0) { $0 + $1.agents.count }
        let context = EvidenceContext(snapshot)
        var attention: [AttentionItem] = []
        func sessionJSON(_ session: Session) -> JSONValue {
            // Each agent is assessed once, for its own entry and for the session's attention.
            let everyone = session.everyone
            let assessed = everyone.map { Evidence.assess($0, in: session, snapshot: snapshot, now: now, policy: policy) }
            attention += Evidence.attention(for: session, snapshot: snapshot, context: context, now: now, policy: policy, assessed: assessed)
            let byId = Dictionary(zip(everyone.map(\.agentId), assessed), uniquingKeysWith: { first, _ in first })
            let json = StatusReport.sessionJSON(session) { agent in
                agentJSON(agent, evidence: byId[agent.agentId] ?? Evidence.assess(agent, in: session, snapshot: snapshot, now: now, policy: policy),
                          dispatch: snapshot.dispatches[session.path]?[agent.agentId], activity: snapshot.activity(of: agent, in: session),
                          tokens: snapshot.tokens[session.path]?[agent.agentId], prices: prices, commits: snapshot.commits[session.path]?[agent.agentId])
            }
            // The session's tokens: the sum of its agents' (null when no transcript is known).
            let used = snapshot.tokens[session.path].map { $0.values.reduce(TokenUsage(), +) }
            guard case .object(let object) = json else { return json }
            return .object(JSONObject(object.members.map { ($0.key, $0.value) } + [("tokens", used?.json(prices: prices) ?? .null)]))
        }
        let sessions = snapshot.sessions.map(sessionJSON)
        attention.sort(by: AttentionItem.worstFirst)
        // What the person snoozed or dismissed: kept out of `attention`, with who, when and why.
        let dismissed = snapshot.sessions.filter { snapshot.triage[$0.path] != nil }.flatMap { session in
            Evidence.setAside(for: session, snapshot: snapshot, context: context, now: now, policy: policy)
        }.map { entry -> JSONValue in
            guard case .object(var object) = attentionJSON(entry.item) else { return .null }
            object["verdict"] = .string(entry.verdict.kind.rawValue)
            object["by"] = entry.verdict.by.map(JSONValue.string) ?? .null
            object["at"] = .string(Timestamp.format(entry.verdict.at))
            object["why"] = entry.verdict.note.map(JSONValue.string) ?? .null
            return .object(object)
        }
        return .object(JSONObject([
            ("root", .string(snapshot.root)),
            ("counts", .object(JSONObject([
                ("stubs", .int(snapshot.stubs.count)),
                ("sessions", .int(snapshot.sessions.count)),
                ("agents", .int(agentCount)),
                ("workorders", .int(snapshot.workorders.count)),
                ("problems", .int(snapshot.problems.count)),
            ]))),
            ("stubs", .array(snapshot.stubs.map(stubJSON))),
            ("sessions", .array(sessions)),
            ("features", .array(snapshot.features.map { feature in
                .object(JSONObject([("feature", .string(feature.feature)), ("sessions", .array(feature.sessionPaths.map(JSONValue.string)))]))
            })),
            ("workorders", .array(workordersJSON(snapshot))),
            ("workorder_log", .array(snapshot.workorderLog.map { entry in
                .object(JSONObject([
                    ("workorder_id", .string(entry.workorderId)),
                    ("project", optional(entry.project)),
                    ("description", optional(entry.description)),
                    ("timestamp", optional(entry.timestamp)),
                    ("path", .string(entry.path)),
                ]))
            })),
            ("problems", .array(snapshot.problems.map { problem in
                .object(JSONObject([("path", .string(problem.path)), ("message", .string(problem.message))]))
            })),
            ("attention", .array(attention.map(attentionJSON))),
            ("dismissed", .array(dismissed)),
        ]))
    }

    /// `{"session", "agent", "reason", "note", "since"}` (README "status --json").
    public static func attentionJSON(_ item: AttentionItem) -> JSONValue {
        .object(JSONObject([
            ("session", .string(item.session)),
            ("agent", optional(item.agent)),
            ("reason", .string(item.reason.rawValue)),
            ("note", optional(item.note)),
            ("since", optional(item.since.map(Timestamp.format))),
        ]))
    }

    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    static func optional(_ number: Int?) -> JSONValue { number.map(JSONValue.int) ?? .null }

    static func stubJSON(_ stub: Stub) -> JSONValue {
        .object(JSONObject([
            ("feature_name", .string(stub.featureName)),
            ("path", .string(stub.path)),
            ("status", optional(stub.status.word)),
            ("bucket", .string(stub.status.bucket.rawValue)),
            ("agents", .int(stub.agents.count)),
            ("orchestrator", optional(stub.orchestrator)),
            ("breaking_changes", .bool(stub.breakingChanges)),
            ("priority", optional(stub.priority)),
            ("stub_id", optional(stub.stubId)),
            ("promoted_to", optional(stub.promotedTo)),
            ("archived", .bool(stub.archived)),
        ]))
    }

    /// `{"state", "detail", "source", "since", "pane"}`, or null when nothing is known.
    public static func activityJSON(_ activity: Activity?) -> JSONValue {
        guard let activity else { return .null }
        return .object(JSONObject([
            ("state", .string(activity.state.rawValue)), ("detail", optional(activity.detail)), ("source", .string(activity.source.rawValue)),
            ("since", optional(activity.since.map(Timestamp.format))), ("pane", optional(activity.pane)),
        ]))
    }

    public static func agentJSON(_ agent: AgentState, evidence: AgentEvidence, dispatch: DispatchRecord? = nil, activity: Activity? = nil, tokens: TokenUsage? = nil, prices: TokenPrices? = nil,
                                 commits: ProjectCommits? = nil) -> JSONValue {
        .object(JSONObject([
            ("agent_id", .string(agent.agentId)),
            ("status", optional(agent.status.word)),
            ("bucket", .string(agent.status.bucket.rawValue)),
            ("tasks_done", optional(agent.tasksDone)),
            ("tasks_total", optional(agent.tasksTotal)),
            ("output_file", optional(agent.outputFile)),
            ("output_exists", .bool(agent.outputExists)),
            ("nested_file", optional(agent.nestedFile)),
            ("changed_at", optional(evidence.changedAt.map(Timestamp.format))),
            ("note", optional(agent.notes)),
            ("evidence", optional(evidence.flag?.rawValue)),
            ("evidence_detail", optional(evidence.detail)),
            ("dispatch", dispatch.map { record in
                .object(JSONObject([("at", .string(Timestamp.format(record.at))), ("window", optional(record.window)), ("pane", optional(record.pane)),
                                    ("form", .string(record.form)), ("outcome", .string(record.outcome))]))
            } ?? .null),
            ("activity", activityJSON(activity)),
            ("tokens", tokens?.json(prices: prices) ?? .null),
            ("commits", commits.map { made in
                .object(JSONObject([("count", .int(made.count)), ("added", .int(made.added)), ("removed", .int(made.removed)),
                                    ("last", optional(made.last.map(Timestamp.format))), ("since", .string(made.since)), ("summary", .string(made.summary))]))
            } ?? .null),
        ]))
    }

    public static func sessionJSON(_ session: Session, agent agentJSON: (AgentState) -> JSONValue) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(session.name)),
            ("path", .string(session.path)),
            ("feature", .string(session.feature)),
            ("workorder_id", optional(session.workorderId)),
            ("phase", optional(session.phase)),
            ("layout", .string(session.layout.rawValue)),
            ("stored_status", optional(session.storedStatus?.word)),
            ("derived_status", .string(session.derivedStatus.rawValue)),
            ("waiting_on_orchestrator", .bool(session.waitingOnOrchestrator)),
            ("status_disagrees", .bool(session.storedStatusDisagrees)),
            ("agents_complete", .int(session.agentsComplete)),
            ("agents_total", .int(session.agents.count)),
            ("orchestrator", session.orchestrator.map(agentJSON) ?? .null),
            ("agents", .array(session.agents.map(agentJSON))),
            ("archived", .bool(session.archived)),
        ]
        if let parent = session.parent { members.append(("parent", .string(parent))) }
        return .object(JSONObject(members))
    }

    /// Every workorder with its project, session and stub (status --json's `workorders`, the MCP tool).
    public static func workordersJSON(_ snapshot: WorkspaceSnapshot) -> [JSONValue] {
        let links = WorkorderLinks(snapshot)
        return snapshot.workorders.map { workorderJSON($0, session: links.session[$0.path], stub: links.stub[$0.path]) }
    }

    static func handoffJSON(_ handoff: WorkorderHandoff) -> JSONValue {
        .object(JSONObject([
            ("file", .string(handoff.file)), ("from", optional(handoff.from)), ("to", optional(handoff.to)),
            ("reason", optional(handoff.reason)), ("status", optional(handoff.status)), ("at", optional(handoff.at)),
        ]))
    }

    static func workorderJSON(_ workorder: Workorder, session: String?, stub: String?) -> JSONValue {
        .object(JSONObject([
            ("workorder_id", .string(workorder.workorderId)),
            ("path", .string(workorder.path)),
            ("project", optional(workorder.project)),
            ("session", optional(session)),
            ("stub", optional(stub)),
            ("status", optional(workorder.status.word)),
            ("bucket", .string(workorder.status.bucket.rawValue)),
            ("tasks_done", optional(workorder.tasksDone)),
            ("tasks_total", optional(workorder.tasksTotal)),
            ("current_phase", optional(workorder.currentPhase)),
            ("phase_status", optional(workorder.phaseStatus)),
            ("last_transition", optional(workorder.lastTransition)),
            ("parent_stub_id", optional(workorder.parentStubId)),
            ("evidence", workorder.blockers.isEmpty ? (workorder.unverified == nil ? .null : .string(AttentionReason.unverified.rawValue)) : .string(AttentionReason.blocked.rawValue)),
            ("evidence_detail", optional(workorder.blockers.first ?? workorder.unverified ?? workorder.disagreement)),
            ("blockers", .array(workorder.blockers.map(JSONValue.string))),
            ("handoff", optional(workorder.handoff)),
            ("last_event", optional(workorder.lastEvents.last)),
            ("handoff_files", .array(workorder.handoffFiles.map(handoffJSON))),
            ("close_summary", workorder.closeSummary.map { .string($0.joined(separator: "\n")) } ?? .null),
            ("closed_at", optional(workorder.closedAt)),
            ("communication_file", optional(workorder.communicationFile)),
            ("archived", .bool(workorder.archived)),
            ("changed", workorder.modified.map { .string(Timestamp.format($0)) } ?? .null),
        ]))
    }
}
