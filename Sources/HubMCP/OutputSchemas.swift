import MCP

/// Each tool's `outputSchema`: the shape of its `structuredContent`, so an agent (or its client,
/// which checks results against it) knows what comes back without reading prose. Kept beside the
/// tools and checked against their real results by the tests.
enum OutputSchemas {
    static let string: Value = ["type": "string"]
    static let text: Value = ["type": ["string", "null"]]
    static let integer: Value = ["type": "integer"]
    static let count: Value = ["type": ["integer", "null"]]
    static let bool: Value = ["type": "boolean"]
    static let strings: Value = ["type": "array", "items": string]

    static func object(_ properties: [String: Value], required: [String]? = nil, nullable: Bool = false) -> Value {
        .object(["type": nullable ? ["object", "null"] : "object", "properties": .object(properties), "required": .array((required ?? properties.keys.sorted()).map(Value.string))])
    }

    static func array(_ items: Value) -> Value { ["type": "array", "items": items] }

    static let attention = object(["session": string, "agent": text, "reason": string, "note": text, "since": text], required: ["session", "reason"])

    static let activity = object(["state": ["type": "string", "enum": ["working", "waiting", "idle", "exited", "unknown"]], "detail": text, "source": string, "since": text, "pane": text],
                                 required: ["state", "source"], nullable: true)

    static let tokens = object(["input": integer, "output": integer, "cache_read": integer, "cache_creation": integer, "total": integer, "cost": ["type": "number"], "currency": string],
                               required: ["input", "output", "cache_read", "cache_creation", "total"], nullable: true)

    static let dispatchRecord = object(["at": string, "window": text, "pane": text, "form": string, "outcome": string], required: ["at", "form", "outcome"], nullable: true)

    static let commits = object(["count": integer, "added": integer, "removed": integer, "last": text, "since": string, "summary": string],
                                required: ["count", "added", "removed", "since", "summary"], nullable: true)

    static let agent = object([
        "agent_id": string, "status": text, "bucket": string, "tasks_done": count, "tasks_total": count, "output_file": text, "output_exists": bool,
        "note": text, "evidence": text, "evidence_detail": text, "dispatch": dispatchRecord, "activity": activity, "tokens": tokens, "commits": commits,
        "waiting_on": strings, "age_seconds": count, "workorders_created": strings,
        "tasks": array(object(["id": text, "description": text, "status": text])),
    ], required: ["agent_id", "bucket", "activity"])

    static let byTool: [String: Value] = [
        "list_stubs": object(["stubs": array(object([
            "feature_name": string, "stub_id": text, "path": string, "status": text, "priority": text, "orchestrator": text,
            "agents": strings, "session": text, "session_status": text,
        ], required: ["feature_name", "path", "agents"]))]),
        "list_sessions": object([
            "total": integer, "next_cursor": text,
            "sessions": array(object([
                "name": string, "path": string, "workorder_id": text, "phase": count, "derived_status": string, "status": string,
                "agents_complete": integer, "agents_total": integer, "archived": bool,
                "activity": ["type": "object", "additionalProperties": integer],
                "attention": array(object(["agent": text, "reason": string, "note": text, "since": text], required: ["reason"])),
            ], required: ["name", "path", "derived_status", "agents_complete", "agents_total", "attention"])),
        ]),
        "get_session": object([
            "name": string, "path": string, "feature": string, "workorder_id": text, "phase": count, "derived_status": string, "status": string,
            "agents_complete": integer, "agents_total": integer, "archived": bool, "orchestrator": ["anyOf": [agent, ["type": "null"]]],
            "agents": array(agent), "phases": array(object(["key": string, "name": text, "status": text], required: ["key"])),
            "timeline": strings, "attention": array(attention),
        ], required: ["name", "path", "derived_status", "agents", "attention"]),
        "my_instructions": object([
            "session": string, "workorder_id": text, "agent": string, "status": text, "role": text, "steps": strings,
            "instructions_file": text, "output_file": text, "report_status_in": text, "how_to_report": string, "one_liner": string,
        ], required: ["session", "agent", "steps", "how_to_report", "one_liner"]),
        "triage": object(["action": string, "sentence": string], required: ["action", "sentence"]),
        "set_status": object(["session": string, "agent": string, "from": text, "to": string, "note": text, "file": string, "warnings": strings], required: ["session", "agent", "to", "file"]),
        "create_stub": object(["path": string, "stub_id": string, "feature_name": string]),
        "start_session": sessionWritten,
        "advance_phase": sessionWritten,
        "archive": object(["moved": array(object(["from": string, "to": string], required: ["from", "to"])), "notes": strings], required: ["moved"]),
        "list_workorders": object(["workorders": array(object([
            "workorder_id": string, "path": string, "project": text, "session": text, "stub": text, "status": text, "bucket": string,
            "tasks_done": count, "tasks_total": count, "current_phase": text, "evidence": text, "evidence_detail": text, "changed": text,
            "blockers": strings, "handoff": text, "last_event": text, "closed_at": text, "communication_file": text, "archived": bool,
            "handoff_files": array(object(["file": string, "from": text, "to": text, "reason": text, "status": text, "at": text], required: ["file"])),
            "close_summary": text,
        ], required: ["workorder_id", "path", "bucket"]))]),
        "dispatch_agents": object(["session": string, "dispatched": array(object(["agent": string, "outcome": string, "message": string, "window": string], required: ["agent", "outcome", "message"]))]),
        "send_to_agent": object(["session": string, "agent": string, "pane": string, "outcome": string]),
        "check_workspace": object(["errors": integer, "findings": array(object(["severity": string, "check": string, "path": string, "message": string, "fix": string]))]),
    ]

    static let sessionWritten = object(["folder": string, "workorder_id": string, "phase": integer, "orchestrator": string, "agents": strings, "warnings": strings],
                                       required: ["folder", "workorder_id", "phase", "agents"])
}
