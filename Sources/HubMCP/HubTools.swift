import Foundation
import HubCore
import MCP

/// The hub's tools for agents. Every one calls the same core functions as the command line and the
/// screen (WorkspaceLookup, StatusReport, Evidence, OneLiner, StatusWriter, StubWriter,
/// SessionPlanner + SessionWriter); the workspace is read afresh for each call, so an agent always
/// sees what is on disk, and the screen sees what a tool wrote like any other change.
public struct HubTools: Sendable {
    public let layout: WorkspaceLayout
    public let settings: HubSettings
    /// The server's environment: `dispatch_agents` works when it runs inside tmux (`$TMUX`).
    public let environment: [String: String]

    public init(layout: WorkspaceLayout, settings: HubSettings, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.layout = layout
        self.settings = settings
        self.environment = environment
    }

    public static let definitions: [Tool] = [
        tool("list_stubs", "List the idea stubs: status, priority, agents, and the session started from each, if any.",
             ["filter": .object(["type": "string", "description": "only stubs whose name, id, status or agents contain this text"])]),
        tool("list_sessions", "List the sessions: derived status, agents complete n/m, and what needs attention (blocked, failed, stale, unverified, not picked up, ready to advance).",
             ["include_archived": .object(["type": "boolean", "description": "also list archived sessions (default false)"]),
              "limit": .object(["type": "integer", "description": "at most this many sessions (default 50, at most 500)"]),
              "cursor": .object(["type": "string", "description": "next_cursor from the previous page"])]),
        tool("get_session", "One session in full: its agents with status, note, age, outputs and tasks; its phases; the workorders its agents created.",
             ["session": .object(["type": "string", "description": "session name, folder, path or workorder id"])], required: ["session"]),
        tool("my_instructions", "For one agent of a session: its steps, its output file, where and how to report status, and its full one-liner.",
             ["session": .object(["type": "string", "description": "session name, folder, path or workorder id"]),
              "agent": .object(["type": "string", "description": "your agent id (or 'orchestrator')"])], required: ["session", "agent"]),
        tool("set_status", "Record an agent's status (and a note) in the session's files, under the file's lock; use this instead of editing communication.json.",
             ["session": .object(["type": "string", "description": "session name, folder, path or workorder id"]),
              "agent": .object(["type": "string", "description": "the agent id (or 'orchestrator')"]),
              "status": .object(["type": "string", "description": "not_started, in_progress, blocked, complete, failed, cancelled (a word the hub does not know is refused unless any_word)"]),
              "note": .object(["type": "string", "description": "why (blocked on what, what was done)"]),
              "any_word": .object(["type": "boolean", "description": "write a status word the hub does not know, as it is (default false)"])], required: ["session", "agent", "status"]),
        tool("triage", "Work off what needs the person (NEEDS YOU): snooze an agent's items until its evidence changes, dismiss one reason, mark its status (the locked set-status), or undo the newest verdict. Journalled in .coderef/sessions-hub/triage.jsonl; new evidence brings an item back.",
             ["action": .object(["type": "string", "enum": .array(["snooze", "dismiss", "mark", "undo"]), "description": "what to do"]),
              "session": .object(["type": "string", "description": "session name, folder, path or workorder id (not for undo)"]),
              "agent": .object(["type": "string", "description": "the agent id (omit: the session's own items)"]),
              "reason": .object(["type": "string", "description": "dismiss: which reason (default: the worst now)"]),
              "status": .object(["type": "string", "description": "mark: the status word to write (complete, in_progress...)"]),
              "note": .object(["type": "string", "description": "why (kept in the journal; with mark also the agent's notes)"])], required: ["action"]),
        tool("create_stub", "Write a new idea stub (coderef/working/<feature>/stub.json, the workflow's format); refuses a feature that already has one.",
             ["feature_name": .object(["type": "string", "description": "the feature's name (becomes the folder name)"]),
              "description": .object(["type": "string", "description": "what the idea is"]),
              "agents": .object(["type": "array", "items": .object(["type": "string"]), "description": "agent ids involved"]),
              "orchestrator": .object(["type": "string", "description": "the coordinating agent's id"]),
              "scope": .object(["type": "object", "additionalProperties": .object(["type": "string"]), "description": "{area: what to do}"]),
              "priority": .object(["type": "string", "description": "critical, high, medium or low"]),
              "phases": .object(["type": "array", "items": .object(["type": "string"]), "description": "session phases, e.g. 'Phase 1: Inventory'"])],
             required: ["feature_name", "description"]),
        tool("start_session", "Start a session from a stub: writes communication.json, instructions.json and README.md as one transaction and marks the stub promoted.",
             ["stub": .object(["type": "string", "description": "stub name, folder or id"]),
              "agents": .object(["type": "array", "items": .object(["type": "string"]), "description": "the agents, when the stub names none"]),
              "again": .object(["type": "boolean", "description": "start another phase 1 of a stub that already has a session (default false: refused)"])], required: ["stub"]),
        tool("advance_phase", "Start the next phase of a session (a sibling folder linked to this phase, same agents).",
             ["session": .object(["type": "string", "description": "session name, folder, path or workorder id"])], required: ["session"]),
        tool("archive", "Move a session folder into archived/ (or a stub's finished phases, and the stub once none is at work), as `sessions-hub archive` does; it stays readable and unarchive brings it back. Refused with a warning (work still at hand) unless force.",
             ["name": .object(["type": "string", "description": "session (name, folder, path, workorder id) or stub (feature name, folder, stub id)"]),
              "force": .object(["type": "boolean", "description": "archive even when the plan warns (default false)"])], required: ["name"]),
        tool("list_workorders", "List the workorder plans the agents made (in the workspace and their project folders): status, tasks n/m, phase, project, blockers, hand-offs, close summary, and the session and stub each belongs to.",
             ["filter": .object(["type": "string", "description": "only workorders whose id, project or status contain this text"])]),
        tool("dispatch_agents", "Start agents of a session in tmux windows and hand each its one-liner (pasted and submitted, or as an argument), with the commands of the user's config; the server must run inside tmux, or be given tmux_session. Without agents: those that have not started and whose dependencies are complete.",
             ["session": .object(["type": "string", "description": "session name, folder, path or workorder id"]),
              "agents": .object(["type": "array", "items": .object(["type": "string"]), "description": "agent ids (default: every ready one)"]),
              "again": .object(["type": "boolean", "description": "also dispatch agents that already run (default false: they are refused)"]),
              "tmux_session": .object(["type": "string", "description": "outside tmux: open the windows in this tmux session, started detached when it does not exist (another hub dispatching here over SSH passes one)"])], required: ["session"]),
        tool("send_to_agent", "Answer an agent where it runs in tmux: text is pasted and submitted (as a dispatch), or keys are pressed (tmux names: 1, y, Enter, Escape). Use it when get_session shows an agent's activity as waiting.",
             ["session": .object(["type": "string", "description": "session name, folder, path or workorder id"]),
              "agent": .object(["type": "string", "description": "the agent id"]),
              "text": .object(["type": "string", "description": "a reply to type and submit"]),
              "keys": .object(["type": "array", "items": .object(["type": "string"]), "description": "tmux key names to press, e.g. [\"1\"] to approve a permission prompt"])], required: ["session", "agent"]),
        tool("check_workspace", "What doctor finds in the workspace's evidence: stale aggregation, stored vs derived status, complete without output, dependency cycles, duplicate ids... each with its path and a one-line fix.",
             [:]),
    ]

    static func tool(_ name: String, _ description: String, _ properties: [String: Value], required: [String] = []) -> Tool {
        Tool(name: name, description: description, inputSchema: .object([
            "type": "object", "properties": .object(properties), "required": .array(required.map(Value.string)), "additionalProperties": false,
        ]), outputSchema: OutputSchemas.byTool[name])
    }

    /// Runs a tool; a failure is a result with `isError` and one sentence, never a dead server.
    public func call(_ name: String, arguments: [String: Value]?) -> CallTool.Result {
        guard let definition = HubTools.definitions.first(where: { $0.name == name }) else {
            return failure("unknown tool \(Quote.short(name))" + Suggest.phrase(name, among: HubTools.definitions.map(\.name))
                + " (tools: \(HubTools.definitions.map(\.name).joined(separator: ", ")))")
        }
        if let refusal = ArgumentCheck.refusal(arguments ?? [:], for: definition) { return failure(refusal) }
        let arguments = Arguments(values: arguments ?? [:])
        do {
            let result: JSONValue
            switch name {
            case "list_stubs": result = try listStubs(arguments)
            case "list_sessions": result = try listSessions(arguments)
            case "get_session": result = try getSession(arguments)
            case "my_instructions": result = try myInstructions(arguments)
            case "set_status": result = try setStatus(arguments)
            case "triage": result = try triage(arguments)
            case "create_stub": result = try createStub(arguments)
            case "start_session": result = try startSession(arguments)
            case "advance_phase": result = try advancePhase(arguments)
            case "archive": result = try archive(arguments)
            case "list_workorders":
                let snapshot = load()
                let filter = try arguments.optionalString("filter")?.lowercased() ?? ""
                let all = StatusReport.workordersJSON(snapshot)
                result = .object(JSONObject([("workorders", .array(filter.isEmpty ? all : all.filter { entry in
                    [entry["workorder_id"], entry["project"], entry["status"]].compactMap { $0?.stringValue?.lowercased() }.contains { $0.contains(filter) }
                }))]))
            case "dispatch_agents": result = try dispatchAgents(arguments)
            case "send_to_agent": result = try sendToAgent(arguments)
            case "check_workspace":
                let findings = WorkspaceAudit.run(load(), settings: settings, layout: layout)
                result = .object(JSONObject([("findings", WorkspaceAudit.json(findings)), ("errors", .int(findings.filter { $0.severity == .error }.count))]))
            default: throw ToolFailure("unknown tool '\(name)' (tools: \(HubTools.definitions.map(\.name).joined(separator: ", ")))")
            }
            return CallTool.Result(content: [.text(text: JSONPrinter.compact(result), annotations: nil, _meta: nil)], structuredContent: Optional<Value>.some(JSONBridge.value(result)), isError: false)
        } catch {
            return failure("\(error)")
        }
    }

    func failure(_ sentence: String) -> CallTool.Result {
        CallTool.Result(content: [.text(text: sentence, annotations: nil, _meta: nil)], isError: true)
    }

    /// The workspace as it is now, with what each agent itself is doing.
    func load() -> WorkspaceSnapshot {
        var snapshot = WorkspaceLoader(layout: layout).load()
        AgentActivity.attach(to: &snapshot, settings: settings, layout: layout, environment: environment)
        return snapshot
    }

    func lookup<T>(_ body: () throws(WorkspaceLookup.NotFound) -> T) throws -> T {
        do { return try body() } catch { throw ToolFailure(error.message) }
    }
}
