import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// [TRIAGE]'s reasons that tell the right story (conflict, unreadable naming the agent, a deliverable
/// that is not JSON, the next wave ready) and ages that read the same in every copy of a workspace.
@Suite struct ReasonsTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let policy = EvidencePolicy()

    func items(_ workspace: TemporaryWorkspace) -> [AttentionItem] {
        Evidence.attention(workspace.load(), now: now, policy: policy)
    }

    @Test func anOrchestratorsNewerEditOfTheSessionFileIsAConflictShowingBothClaims() throws {
        let workspace = try TemporaryWorkspace("reasons-conflict")
        try workspace.write("coderef/sessions/feat-phase1/communication.json", #"""
        {"agents": [{"agent_id": "api", "status": "complete", "completed_at": "2026-11-20T10:00:00Z"},
                    {"agent_id": "web", "status": "not_started"}]}
        """#)
        // api's own file is older and says in progress; web's own file moved on (the usual case:
        // the agent's file wins, no conflict).
        try workspace.write("coderef/sessions/feat-phase1/api/communication.json", #"{"agent_id": "api", "status": "in_progress", "updated_at": "2026-11-18T09:12:00Z"}"#)
        try workspace.write("coderef/sessions/feat-phase1/web/communication.json", #"{"agent_id": "web", "status": "in_progress", "updated_at": "2026-11-21T09:00:00Z"}"#)
        let found = items(workspace)
        let conflict = try #require(found.first { $0.agent == "api" })
        #expect(conflict.reason == .conflict)
        #expect(conflict.note == "session file says complete (2026-11-20 10:00), its own file says in_progress (2026-11-18 09:12)")
        #expect(!found.contains { $0.agent == "web" && $0.reason == .conflict })
    }

    @Test func aBrokenAgentFileNamesTheAgentAndItsFileNotTheSession() throws {
        let workspace = try TemporaryWorkspace("reasons-unreadable")
        try workspace.write("coderef/sessions/feat-phase1/communication.json", #"{"agents": [{"agent_id": "api", "status": "in_progress"}, {"agent_id": "web", "status": "in_progress"}]}"#)
        try workspace.write("coderef/sessions/feat-phase1/instructions.json", #"{"agents": {"api": ["build it"]}}"#)
        try workspace.write("coderef/sessions/feat-phase1/web/communication.json", #"{"agent_id": "web", "status": "in_pro"#)
        try workspace.write("coderef/sessions/feat-phase1/api/communication.json", #"{"agent_id": "api", "status": "in_progress"}"#)
        try workspace.write("coderef/sessions/feat-phase1/api/instructions.json", #"{"tasks": [1, 2"#)
        let found = items(workspace).filter { $0.reason == .unreadable }
        #expect(found.count == 2)
        #expect(found.contains { $0.agent == "web" && $0.note?.hasPrefix("web/communication.json cannot be read") == true })
        #expect(found.contains { $0.agent == "api" && $0.note == "api/instructions.json cannot be read" })
        #expect(!found.contains { $0.note?.hasPrefix("instructions.json") == true })
    }

    @Test func aCompleteAgentWhoseDeliverableIsNotJSONIsUnverifiedNotAnUnreadableSession() throws {
        let workspace = try TemporaryWorkspace("reasons-output")
        try workspace.write("coderef/sessions/feat-phase1/communication.json", #"{"agents": [{"agent_id": "api", "status": "complete", "output_file": "api-report.json"}]}"#)
        try workspace.write("coderef/sessions/feat-phase1/api-report.json", "{\"findings\": [1, 2,")
        let snapshot = workspace.load()
        let found = Evidence.attention(snapshot, now: now, policy: policy)
        #expect(found.count == 1)
        #expect(found.first?.reason == .unverified && found.first?.agent == "api")
        #expect(found.first?.note == "output is not valid JSON")
        // Still listed among the problems (doctor, p), as the agent's output.
        #expect(snapshot.problems.contains { $0.path.hasSuffix("api-report.json") && $0.message.hasPrefix("the output of api:") && !$0.isUnreadableFile })
    }

    @Test func aLaterWaveReadyAfterTheHubsDispatchIsAReasonNotADialog() throws {
        let workspace = try TemporaryWorkspace("reasons-wave")
        try workspace.write("coderef/sessions/feat-phase1/communication.json", #"""
        {"agents": [{"agent_id": "first", "status": "complete"}, {"agent_id": "second", "status": "complete"},
                    {"agent_id": "last", "status": "not_started", "depends_on": ["first", "second"]}]}
        """#)
        var snapshot = workspace.load()
        #expect(!Evidence.attention(snapshot, now: now, policy: policy).contains { $0.reason == .waveReady })
        let path = try #require(snapshot.sessions.first?.path)
        for id in ["first", "second"] {
            snapshot.dispatches[path, default: [:]][id] = DispatchRecord(at: now, pane: "%1", window: "1", form: "short", outcome: "submitted")
        }
        let wave = try #require(Evidence.attention(snapshot, now: now, policy: policy).first { $0.reason == .waveReady })
        #expect(wave.note == "wave 2 ready: last (D)" && wave.agent == nil)
        // Once it is dispatched too, the reason is gone.
        snapshot.dispatches[path]?["last"] = DispatchRecord(at: now, pane: "%2", window: "2", form: "short", outcome: "submitted")
        #expect(!Evidence.attention(snapshot, now: now, policy: policy).contains { $0.reason == .waveReady })
    }

    @Test func agesComeFromTimesWrittenInTheFilesSoACopyReadsTheSame() throws {
        let original = try TemporaryWorkspace("reasons-times-a")
        try original.write("coderef/sessions/feat-phase1/communication.json", #"{"agents": [{"agent_id": "api", "status": "in_progress"}]}"#)
        try original.write("coderef/sessions/feat-phase1/api/communication.json", #"{"agent_id": "api", "status": "in_progress", "updated_at": "2026-11-18T09:12:00Z"}"#)
        try original.write("coderef/sessions/feat-phase1/api/out.json", "{}")
        let copy = try TemporaryWorkspace("reasons-times-b")
        try copy.copyContents(of: original.root)
        // The copy's files are new (as after rsync without -t); the original's are a year old.
        let old = Date(timeIntervalSince1970: 1_760_000_000)
        for file in ["communication.json", "api/communication.json", "api/out.json"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: original.path("coderef/sessions/feat-phase1/" + file))
        }
        let a = try #require(original.load().sessions.first?.agents.first)
        let b = try #require(copy.load().sessions.first?.agents.first)
        #expect(a.lastChange == Timestamp.parse("2026-11-18T09:12:00Z"))
        #expect(b.lastChange == a.lastChange)
    }

    @Test(.enabled(if: ToolRunner.which("git", environment: ProcessInfo.processInfo.environment) != nil))
    func aGitCloneReadsTheCommitsTimesNotTheCheckoutsTimes() throws {
        let original = try TemporaryWorkspace("reasons-git-a")
        try original.write("coderef/sessions/feat-phase1/communication.json", #"{"agents": [{"agent_id": "api", "status": "in_progress"}, {"agent_id": "web", "status": "in_progress"}]}"#)
        try original.write("coderef/sessions/feat-phase1/api/communication.json", #"{"agent_id": "api", "status": "in_progress"}"#)
        try original.write("coderef/sessions/feat-phase1/web/communication.json", #"{"agent_id": "web", "status": "in_progress"}"#)
        let git = try #require(ToolRunner.which("git", environment: ProcessInfo.processInfo.environment))
        var environment = ProcessInfo.processInfo.environment
        for key in ["GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"] { environment[key] = "2026-11-01T08:00:00Z" }
        for (key, value) in ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e"] { environment[key] = value }
        for arguments in [["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "one"]] {
            #expect(try ProcessRunner.run(git, ["-C", original.root] + arguments, environment: environment).status == 0)
        }
        let clone = try TemporaryWorkspace("reasons-git-b")
        try FileManager.default.removeItem(atPath: clone.root)
        #expect(try ProcessRunner.run(git, ["clone", "-q", original.root, clone.root], environment: environment).status == 0)
        // Edited in the clone since the commit: that file's own time counts.
        try clone.write("coderef/sessions/feat-phase1/web/communication.json", #"{"agent_id": "web", "status": "in_progress", "note": "more"}"#)
        let agents = try #require(clone.load().sessions.first?.agents)
        let committed = try #require(Timestamp.parse("2026-11-01T08:00:00Z"))
        #expect(agents.first { $0.agentId == "api" }?.lastChange == committed)
        let web = try #require(agents.first { $0.agentId == "web" }?.lastChange)
        #expect(web > committed.addingTimeInterval(3600))
        // The original reads the commit's time too (its files are the commit's bytes).
        #expect(original.load().sessions.first?.agents.first { $0.agentId == "api" }?.lastChange == committed)
    }

    /// A workorder plan that says complete with tasks open is unverified, like an agent; its time
    /// is the newest it writes about itself, so a copy with new modification times reads the same.
    @Test func aCompleteWorkorderWithOpenTasksIsUnverifiedAndDatedByWhatItWrites() throws {
        let original = try TemporaryWorkspace("reasons-workorder-a")
        let plan = """
        {"workorder_id": "WO-SHIP-001", "status": "complete",
         "phase_transitions": [{"phase": 1, "to_status": "in_progress", "at": "2026-11-02T10:00:00Z"}, {"phase": 1, "to_status": "complete", "at": "2026-11-03T16:30:00Z"}],
         "5_task_id_system": {"tasks": [{"task_id": "T1", "status": "complete"}, {"task_id": "T2", "status": "pending"}, {"task_id": "T3", "status": "in_progress"}]}}
        """
        try original.write("coderef/workorder/ship/plan.json", plan)
        try original.write("coderef/workorder/done/plan.json", #"{"workorder_id": "WO-DONE-001", "status": "complete", "5_task_id_system": {"tasks": [{"task_id": "T1", "status": "complete"}]}}"#)
        let copy = try TemporaryWorkspace("reasons-workorder-b")
        try copy.copyContents(of: original.root)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: original.path("coderef/workorder/ship/plan.json"))
        let a = try #require(original.load().workorders.first { $0.workorderId == "WO-SHIP-001" })
        let b = try #require(copy.load().workorders.first { $0.workorderId == "WO-SHIP-001" })
        #expect(a.unverified == "says complete, 2 of 3 tasks open")
        #expect(a.modified == Timestamp.parse("2026-11-03T16:30:00Z") && b.modified == a.modified)
        #expect(original.load().workorders.first { $0.workorderId == "WO-DONE-001" }?.unverified == nil, "every task done: nothing to doubt")
        let json = StatusReport.workordersJSON(original.load()).first { $0["workorder_id"]?.stringValue == "WO-SHIP-001" }
        #expect(json?["evidence"]?.stringValue == "unverified" && json?["evidence_detail"]?.stringValue == "says complete, 2 of 3 tasks open")
    }
}
