/// The documents of a new session, in the workflow's own layout (FORMATS.md): communication.json,
/// instructions.json (one step per scope entry, then the output file, then the status report),
/// and a README.md with every agent's long one-liner, as the workflow's /create-session writes.
struct SessionDocuments {
    let stub: Stub
    let workorderId: String
    let sessionName: String
    let folder: String
    let orchestrator: String
    let agents: [String]
    let phaseSlug: String
    let created: String
    let agentPaths: [String: String]
    /// 1 from a stub; N+1 when advancing.
    var phase = 1
    /// The previous phase's session folder (absolute), when advancing.
    var previousFolder: String?

    func outputFile(_ agent: String) -> String { "\(SessionPlanner.fileSlug(agent))-\(phaseSlug).json" }
    func agentPath(_ agent: String) -> String { agentPaths[agent] ?? agent }
    var communicationPath: String { FileSystem.join(folder, "communication.json") }
    var instructionsPath: String { FileSystem.join(folder, "instructions.json") }
    var phaseLine: String? { stub.phases.indices.contains(phase - 1) ? stub.phases[phase - 1] : nil }
    var phaseTitle: String? { phaseLine.map(OneLiner.phaseTitle) }

    var orchestratorRole: String { "Orchestrator: hands each agent its one-liner, checks every output, merges the results into \(outputFile(orchestrator))" }

    func agentRole(_ agent: String) -> String {
        phaseTitle.map { "\($0) for \(agent)" } ?? "Phase \(phase) of \(stub.featureName) for \(agent)"
    }

    func communication() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("workorder_id", .string(workorderId)),
            ("feature_name", .string(sessionName)),
            ("created", .string(created)),
            ("status", .string("not_started")),
            ("description", .string(stub.description ?? stub.featureName)),
            ("instructions_file", .string(instructionsPath)),
        ]
        if let id = stub.stubId { members.append(("stub_id", .string(id))) }
        if let previousFolder { members.append(("phase_\(phase - 1)_reference", .string(previousFolder))) }
        members.append(("orchestrator", .object(JSONObject([
            ("agent_id", .string(orchestrator)),
            ("agent_path", .string(agentPath(orchestrator))),
            ("role", .string(orchestratorRole)),
            ("output_file", .string(outputFile(orchestrator))),
            ("status", .string("not_started")),
            ("notes", .string("")),
        ]))))
        members.append(("agents", .array(agents.map { agent in
            .object(JSONObject([
                ("agent_id", .string(agent)),
                ("agent_path", .string(agentPath(agent))),
                ("role", .string(agentRole(agent))),
                ("output_file", .string(outputFile(agent))),
                ("status", .string("not_started")),
                ("notes", .string("")),
            ]))
        })))
        // A cache the workflow's own tools read; the hub itself always recomputes progress.
        members.append(("aggregation", .object(JSONObject([
            ("total_agents", .int(agents.count)), ("completed", .int(0)), ("pending", .int(agents.count)), ("not_started", .int(agents.count)),
        ]))))
        if !stub.phases.isEmpty {
            let current = phase
            members.append(("phases", .object(JSONObject(stub.phases.enumerated().map { index, line in
                ("phase_\(index + 1)", .object(JSONObject([
                    ("name", .string(OneLiner.phaseTitle(line))),
                    ("description", .string(line)),
                    ("status", .string(index + 1 < current ? "complete" : "not_started")),
                    ("lead_agents", .array(agents.map(JSONValue.string))),
                    ("supporting_agents", .array([])),
                    ("dependencies", .array(index == 0 ? [] : [.string("phase_\(index)")])),
                    ("gate_criteria", .array([.string(index == 0 ? "Every agent has written its output file and set its status to complete" : "Phase \(index) complete")])),
                ])))
            }))))
        }
        return .object(JSONObject(members))
    }

    /// One step per scope entry (phase 1) or the phase's own description (later phases), then the
    /// output file, then the status report.
    func steps(for agent: String) -> [String] {
        var steps: [String] = []
        if let previousFolder {
            steps.append("Read what phase \(phase - 1) produced in \(previousFolder)")
            if let phaseLine { steps.append(phaseLine) }
        } else {
            steps = stub.scope.map { item in item.area.map { "\($0): \(item.text)" } ?? item.text }
        }
        if steps.isEmpty || (previousFolder != nil && phaseLine == nil), let description = stub.description { steps.append("Do your part of: \(description)") }
        steps.append("Write \(outputFile(agent)) in \(folder)")
        steps.append("Set your status to \"complete\" in \(communicationPath) (agents[] entry with agent_id \"\(agent)\")")
        return steps
    }

    var orchestratorSteps: [String] {
        [
            "Send each agent its one-liner (in sessions-hub: select the agent, press y; Y copies all)",
            "Watch \(communicationPath) until every agent's status is complete",
            "Read each agent's output file and check it against the scope",
            "Merge the findings into \(outputFile(orchestrator)) in \(folder)",
            "Set your own status (orchestrator.status) to \"complete\" in \(communicationPath)",
        ]
    }

    func numbered(_ steps: [String]) -> JSONValue {
        .object(JSONObject(steps.enumerated().map { ("step_\($0.offset + 1)", JSONValue.string($0.element)) }))
    }

    func instructions() -> JSONValue {
        .object(JSONObject([
            ("workorder_id", .string(workorderId)),
            ("task", .string(stub.title ?? stub.featureName)),
            ("description", .string(stub.description ?? stub.featureName)),
            ("session_phase", .string(phaseLine ?? "Phase \(phase)")),
            ("orchestrator_instructions", .object(JSONObject([("role", .string(orchestratorRole)), ("steps", numbered(orchestratorSteps))]))),
            ("agent_instructions", .object(JSONObject(agents.map { agent in
                (agent, .object(JSONObject([("role", .string(agentRole(agent))), ("steps", numbered(steps(for: agent)))])))
            }))),
            ("output_format", .object(JSONObject([
                ("file", .string("<agent_id>-\(phaseSlug).json")),
                ("location", .string(folder)),
                ("format", .string("json")),
            ]))),
        ]))
    }

    func facts(_ agent: String, isOrchestrator: Bool) -> OneLinerFacts {
        OneLinerFacts(
            workorderId: workorderId, phase: phase, phaseName: phaseTitle, folder: folder, agentId: agent,
            isOrchestrator: isOrchestrator, task: isOrchestrator ? orchestratorRole : (stub.description ?? agentRole(agent)),
            steps: isOrchestrator ? orchestratorSteps : steps(for: agent), instructionsFile: instructionsPath,
            outputFile: FileSystem.join(folder, outputFile(agent)), statusFile: communicationPath
        )
    }

    func oneLiners() -> [SessionPlan.AgentOneLiner] {
        [SessionPlan.AgentOneLiner(agent: orchestrator, text: OneLiner.long(facts(orchestrator, isOrchestrator: true)))]
            + agents.map { SessionPlan.AgentOneLiner(agent: $0, text: OneLiner.long(facts($0, isOrchestrator: false))) }
    }

    func readme(oneLiners: [SessionPlan.AgentOneLiner]) -> String {
        var lines = [
            "# \(workorderId): \(sessionName)", "",
            TerminalText.sanitize(stub.description ?? stub.featureName, keepNewlines: true), "",
            (previousFolder.map { "Phase \(phase), following `\($0)`; started by sessions-hub on \(created)." }
                ?? (stub.path.isEmpty ? "An ad-hoc session (no stub), started by sessions-hub on \(created)." : "Started from `\(stub.path)` by sessions-hub on \(created).")), "",
            "## Agents", "",
            "- **\(orchestrator)** (orchestrator): `\(outputFile(orchestrator))`",
        ]
        lines += agents.map { "- **\($0)**: `\(outputFile($0))`" }
        if !stub.phases.isEmpty {
            lines += ["", "## Phases", ""] + stub.phases.enumerated().map { "\($0.offset + 1). \($0.element)" }
        }
        lines += ["", "## One-liners", "", "Paste each block into that agent's session (`sessions-hub one-liner \(sessionName) <agent> --long` prints them too).", ""]
        for entry in oneLiners {
            lines += ["### \(entry.agent)", "", "```", entry.text, "```", ""]
        }
        // Everything in it came from someone's files: no controls reach a reader's terminal.
        return HostileNames.fileText(lines.joined(separator: "\n"), keepNewlines: true)
    }
}
