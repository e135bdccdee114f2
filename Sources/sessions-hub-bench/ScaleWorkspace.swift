import Foundation
import HubCore

/// A generated workspace at the scale DESIGN.md names: 1,000 stubs, 500 sessions, 5,000 agents
/// (half the sessions in the nested layout, with a file per agent).
enum ScaleWorkspace {
    /// Returns the number of JSON files written.
    @discardableResult
    static func write(to root: String, stubs: Int = 1000, sessions: Int = 500, agentsPerSession: Int = 10) throws -> Int {
        var files = 0
        let manager = FileManager.default
        func put(_ relative: String, _ text: String) throws {
            let path = root + "/" + relative
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            files += 1
        }
        let statuses = ["not_started", "in_progress", "complete", "blocked", "pending", "done"]
        for index in 0..<stubs {
            let agents = (0..<4).map { "\"agent-\($0)\"" }.joined(separator: ", ")
            try put("coderef/working/idea-\(index)/stub.json", """
            {"stub_id": "STUB-\(index)", "feature_name": "idea-\(index)", "description": "Generated idea number \(index) with a description long enough to be realistic for a stub file.", "created": "2026-11-01", "status": "\(["planning", "stub", "ready"][index % 3])", "priority": "\(["high", "medium", "low"][index % 3])", "agents_involved": ["assistant (orchestrator)", \(agents)], "scope": {"a": "first thing", "b": "second thing"}, "tags": ["x", "y"]}
            """)
        }
        for index in 0..<sessions {
            let folder = ".coderef/sessions/feature-\(index)-phase1"
            let agents = (0..<agentsPerSession).map { agent in
                #"{"agent_id": "agent-\#(agent)", "agent_path": "agent-\#(agent)", "output_file": "agent-\#(agent)-inventory.json", "status": "\#(statuses[(index + agent) % statuses.count])", "notes": ""}"#
            }.joined(separator: ",\n    ")
            try put(folder + "/communication.json", """
            {
              "workorder_id": "WO-FEATURE-\(index)-001",
              "feature_name": "feature-\(index)-phase1",
              "created": "2026-11-01T10:00:00Z",
              "status": "in_progress",
              "description": "Generated session \(index).",
              "orchestrator": {"agent_id": "assistant", "output_file": "assistant-inventory.json", "status": "in_progress", "notes": ""},
              "agents": [
                \(agents)
              ]
            }
            """)
            try put(folder + "/instructions.json", #"{"workorder_id": "WO-FEATURE-\#(index)-001", "agent_instructions": {"agent-0": {"steps": {"step_1": "do it"}}}}"#)
            if index % 2 == 0 {
                for agent in 0..<agentsPerSession {
                    try put(folder + "/agent-\(agent)/communication.json", #"{"agent_id": "agent-\#(agent)", "status": "\#(statuses[(index * 7 + agent) % statuses.count])", "tasks": [{"status": "complete"}, {"status": "pending"}]}"#)
                }
            }
        }
        return files
    }
}
