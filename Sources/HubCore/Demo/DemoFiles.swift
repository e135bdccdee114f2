/// The demo workspace's files, relative path → text. Covers: a multi-agent stub with an orchestrator
/// and `scope`, a stub with breaking changes, a plain stub, a running session in the nested layout
/// with mixed statuses, and a finished phase-1 session with its phase-2 sibling.
enum DemoFiles {
    static let all: [(String, String)] = stubs + runningSession + finishedFeature + projects

    /// An agent's own project beside the sessions, holding the workorder it made (`w` lists it).
    static let projects: [(String, String)] = [
        ("api-server/coderef/workorder/api-v2-routes/plan.json", """
        {
          "META_DOCUMENTATION": {"workorder_id": "WO-API-V2-ROUTES-001", "feature_name": "api-v2-routes", "status": "implementing"},
          "current_phase": 2,
          "phase_status": "in_progress",
          "phase_transitions": [{"phase": 1, "to_status": "complete", "at": "2026-11-16T10:00:00Z"}],
          "UNIVERSAL_PLANNING_STRUCTURE": {
            "5_task_id_system": {"tasks": [
              {"id": "ROUTE-001", "description": "Serve /v2/users beside /v1/users", "status": "complete"},
              {"id": "ROUTE-002", "description": "Serve /v2/orders", "status": "complete"},
              {"id": "ROUTE-003", "description": "Deprecation headers on every /v1 route", "status": "pending"}
            ]}
          }
        }
        """),
        ("api-server/coderef/workorder-log.txt", "WO-API-V2-ROUTES-001 | api-server | v2 routes beside v1 | 2026-11-16T10:00:00Z\n"),
    ]

    static let stubs: [(String, String)] = [
        ("coderef/working/parallel-docs-audit/stub.json", """
        {
          "stub_id": "STUB-101",
          "feature_name": "parallel-docs-audit",
          "description": "Every agent audits the documentation of its own project against the shared standard, then the orchestrator merges the findings.",
          "created": "2026-11-16",
          "status": "ready",
          "priority": "high",
          "category": "documentation",
          "session_type": "multi-agent",
          "agents_involved": ["assistant (orchestrator)", "docs-writer", "api-server", "web-client"],
          "scope": {
            "inventory": "List every document in your project with its owner and last update",
            "gaps": "Name what the standard asks for that is missing",
            "fixes": "Propose the three most valuable fixes"
          },
          "session_phases": [
            "Phase 1: Inventory - Each agent audits their documentation",
            "Phase 2: Fixes - Apply the agreed fixes"
          ],
          "tags": ["docs", "audit"]
        }

        """),
        ("coderef/working/auth-token-rotation/stub.json", """
        {
          "stub_id": "STUB-102",
          "feature_name": "auth-token-rotation",
          "description": "Rotate API tokens every 24 hours; clients must refresh on 401.",
          "created": "2026-11-17",
          "status": "planning",
          "priority": "critical",
          "target_project": "api-server",
          "breaking_changes": true,
          "notes": "Old tokens stop working after the rollout 🔐"
        }

        """),
        ("coderef/working/dark-mode-toggle/stub.json", """
        {
          "stub_id": "STUB-103",
          "feature_name": "dark-mode-toggle",
          "description": "A settings switch for dark mode in the web client.",
          "created": "2026-11-18",
          "status": "stub",
          "priority": "low",
          "project": "design-system"
        }

        """),
        ("coderef/working/api-migration/stub.json", """
        {
          "stub_id": "STUB-098",
          "feature_name": "api-migration",
          "description": "Move every client from the v1 REST API to v2.",
          "created": "2026-11-10",
          "status": "promoted",
          "promoted_to": "WO-API-MIGRATION-001",
          "priority": "high",
          "session_type": "multi-agent",
          "agents_involved": ["assistant (orchestrator)", "api-server", "web-client", "mobile-app", "docs-writer"]
        }

        """),
        ("coderef/working/search-index-rebuild/stub.json", """
        {
          "stub_id": "STUB-090",
          "feature_name": "search-index-rebuild",
          "description": "Rebuild the search index with the new tokenizer.",
          "created": "2026-11-01",
          "status": "promoted",
          "promoted_to": "WO-SEARCH-INDEX-REBUILD-001",
          "priority": "medium",
          "agents_involved": ["assistant (orchestrator)", "search-service", "api-server"]
        }

        """),
    ]
}
