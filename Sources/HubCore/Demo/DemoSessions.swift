extension DemoFiles {
    /// A session in progress, nested layout: each agent has its own folder and communication.json.
    static let runningSession: [(String, String)] = [
        (".coderef/sessions/api-migration-phase1/communication.json", """
        {
          "workorder_id": "WO-API-MIGRATION-001",
          "feature_name": "api-migration-phase1",
          "created": "2026-11-18T09:30:00Z",
          "status": "in_progress",
          "description": "Move every client from the v1 REST API to v2.",
          "instructions_file": "instructions.json",
          "orchestrator": {
            "agent_id": "assistant",
            "agent_path": "assistant",
            "role": "Coordinates the migration and merges the reports",
            "output_file": "assistant-migration.json",
            "status": "in_progress",
            "notes": ""
          },
          "agents": [
            {"agent_id": "api-server", "agent_path": "api-server", "output_file": "api-server-migration.json", "status": "not_started", "notes": ""},
            {"agent_id": "web-client", "agent_path": "web-client", "output_file": "web-client-migration.json", "status": "not_started", "notes": ""},
            {"agent_id": "mobile-app", "agent_path": "mobile-app", "output_file": "mobile-app-migration.json", "status": "not_started", "notes": ""},
            {"agent_id": "docs-writer", "agent_path": "docs-writer", "output_file": "docs-writer-migration.json", "status": "not_started", "notes": ""}
          ],
          "aggregation": {"total_agents": 4, "completed": 0, "pending": 4, "not_started": 4}
        }

        """),
        (".coderef/sessions/api-migration-phase1/instructions.json", """
        {
          "workorder_id": "WO-API-MIGRATION-001",
          "task": "Move every client from the v1 REST API to v2",
          "session_phase": "Phase 1: Migration",
          "orchestrator_instructions": {
            "role": "Coordinator",
            "steps": {"step_1": "Send each agent its one-liner", "step_2": "Merge the agents' reports"}
          },
          "agent_instructions": {
            "api-server_agent": {"role": "Server", "steps": {"step_1": "Serve v2 next to v1", "step_2": "Write api-server-migration.json", "step_3": "Set your status to complete in communication.json"}},
            "web-client_agent": {"role": "Web", "steps": {"step_1": "Switch calls to v2", "step_2": "Write web-client-migration.json", "step_3": "Set your status to complete in communication.json"}},
            "mobile-app_agent": {"role": "Mobile", "steps": {"step_1": "Switch calls to v2", "step_2": "Write mobile-app-migration.json", "step_3": "Set your status to complete in communication.json"}},
            "docs-writer_agent": {"role": "Docs", "steps": {"step_1": "Document v2", "step_2": "Write docs-writer-migration.json", "step_3": "Set your status to complete in communication.json"}}
          }
        }

        """),
        (".coderef/sessions/api-migration-phase1/api-server/communication.json", """
        {
          "agent_id": "api-server",
          "parent_session": "WO-API-MIGRATION-001",
          "phase": 1,
          "status": "complete",
          "started_at": "2026-11-18T09:40:00Z",
          "completed_at": "2026-11-18T10:20:00Z",
          "tasks": [
            {"task_id": "task_1", "description": "Serve v2 next to v1", "status": "complete"},
            {"task_id": "task_2", "description": "Write the report", "status": "complete"}
          ],
          "outputs": {"workorders_created": ["WO-API-V2-ROUTES-001 (api-server/coderef/workorder/api-v2-routes/)"], "primary_output": "../api-server-migration.json"}
        }

        """),
        (".coderef/sessions/api-migration-phase1/api-server-migration.json", """
        {"agent_id": "api-server", "summary": "v2 served beside v1; 14 routes moved"}

        """),
        (".coderef/sessions/api-migration-phase1/web-client/communication.json", """
        {
          "agent_id": "web-client",
          "parent_session": "WO-API-MIGRATION-001",
          "phase": 1,
          "status": "in_progress",
          "started_at": "2026-11-18T10:58:00Z",
          "tasks": [
            {"task_id": "task_1", "description": "Switch calls to v2", "status": "complete"},
            {"task_id": "task_2", "description": "Remove the v1 client", "status": "in_progress"},
            {"task_id": "task_3", "description": "Write the report", "status": "pending"}
          ]
        }

        """),
        (".coderef/sessions/api-migration-phase1/mobile-app/communication.json", """
        {
          "agent_id": "mobile-app",
          "parent_session": "WO-API-MIGRATION-001",
          "phase": 1,
          "status": "blocked",
          "notes": "Waiting for the v2 auth endpoint",
          "tasks": [
            {"task_id": "task_1", "description": "Switch calls to v2", "status": "blocked"},
            {"task_id": "task_2", "description": "Write the report", "status": "pending"}
          ]
        }

        """),
    ]

    /// A feature whose phase 1 is finished and whose phase 2 has started (sibling folders).
    static let finishedFeature: [(String, String)] = [
        (".coderef/sessions/search-index-rebuild-phase1/communication.json", """
        {
          "workorder_id": "WO-SEARCH-INDEX-REBUILD-001",
          "feature_name": "search-index-rebuild-phase1",
          "created": "2026-11-02",
          "status": "complete",
          "description": "Rebuild the search index with the new tokenizer.",
          "instructions_file": "instructions.json",
          "orchestrator": {"agent_id": "assistant", "role": "Coordinator", "output_file": "assistant-inventory.json", "status": "complete", "notes": ""},
          "agents": [
            {"agent_id": "search-service", "output_file": "search-service-inventory.json", "status": "complete", "notes": "", "completed_at": "2026-11-04T12:00:00Z"},
            {"agent_id": "api-server", "output_file": "api-server-inventory.json", "status": "complete", "notes": "", "completed_at": "2026-11-04T15:30:00Z"}
          ],
          "phases": {
            "phase_1": {"name": "Inventory", "status": "complete", "lead_agents": ["search-service"], "supporting_agents": ["api-server"], "dependencies": [], "gate_criteria": ["Both inventories written"]},
            "phase_2": {"name": "Rebuild", "status": "in_progress", "lead_agents": ["search-service"], "supporting_agents": [], "dependencies": ["phase_1"], "gate_criteria": ["Index rebuilt", "Queries verified"]}
          }
        }

        """),
        (".coderef/sessions/search-index-rebuild-phase1/search-service-inventory.json", """
        {"agent_id": "search-service", "documents": 120431, "tokenizer": "v2"}

        """),
        (".coderef/sessions/search-index-rebuild-phase1/api-server-inventory.json", """
        {"agent_id": "api-server", "endpoints_using_search": 7}

        """),
        (".coderef/sessions/search-index-rebuild-phase2/communication.json", """
        {
          "workorder_id": "WO-SEARCH-INDEX-REBUILD-002",
          "feature_name": "search-index-rebuild-phase2",
          "created": "2026-11-05",
          "status": "not_started",
          "description": "Rebuild the index and verify queries.",
          "phase_1_reference": "../search-index-rebuild-phase1",
          "orchestrator": {"agent_id": "assistant", "output_file": "assistant-rebuild.json", "status": "in_progress", "notes": ""},
          "agents": [
            {"agent_id": "search-service", "output_file": "search-service-rebuild.json", "status": "in_progress", "notes": ""},
            {"agent_id": "api-server", "output_file": "api-server-rebuild.json", "status": "not_started", "notes": ""}
          ]
        }

        """),
    ]
}
