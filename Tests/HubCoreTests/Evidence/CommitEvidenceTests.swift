import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// The agent's project commits since its hand-off are evidence: counted with their lines, they make
/// its age, so an agent that commits is never stale and one that committed was picked up.
@Suite(.enabled(if: ToolRunner.which("git", environment: ProcessInfo.processInfo.environment) != nil, "needs git"))
struct CommitEvidenceTests {
    let handedOff = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z

    func commit(_ project: TemporaryWorkspace, _ file: String, _ text: String, at date: Date, git: String) throws {
        try project.write(file, text)
        var environment = ProcessInfo.processInfo.environment
        for key in ["GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"] { environment[key] = "@\(Int(date.timeIntervalSince1970)) +0000" }
        for (key, value) in ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e"] { environment[key] = value }
        for arguments in [["add", "-A"], ["commit", "-q", "-m", "work on \(file)"]] {
            #expect(try ProcessRunner.run(git, ["-C", project.root] + arguments, environment: environment).status == 0)
        }
    }

    @Test func commitsSinceTheHandOffCountAndMakeTheAgentsAge() throws {
        let git = try #require(ToolRunner.which("git", environment: ProcessInfo.processInfo.environment))
        let project = try TemporaryWorkspace("commits-project")
        #expect(try ProcessRunner.run(git, ["-C", project.root, "init", "-q"]).status == 0)
        try commit(project, "old.txt", "before\n", at: handedOff.addingTimeInterval(-86_400), git: git)
        try commit(project, "api.swift", "a\nb\nc\n", at: handedOff.addingTimeInterval(600), git: git)
        try commit(project, "old.txt", "after\n", at: handedOff.addingTimeInterval(1_800), git: git)

        let workspace = try TemporaryWorkspace("commits-workspace")
        try workspace.write("coderef/sessions/feat-phase1/communication.json", """
        {"workorder_id": "WO-FEAT-001", "agents": [
          {"agent_id": "api", "agent_path": "\(project.root)", "status": "in_progress", "updated_at": "2026-11-18T11:00:00Z"},
          {"agent_id": "web", "agent_path": "\(project.root)", "status": "not_started"},
          {"agent_id": "idle", "status": "in_progress"}
        ]}
        """)
        var snapshot = workspace.load()
        let path = try #require(snapshot.sessions.first?.path)
        snapshot.handoffs[path] = ["api": handedOff, "web": handedOff, "idle": handedOff]
        let layout = WorkspaceLayout(root: workspace.root)
        let folder = AgentActivity.folderResolver(settings: HubSettings(), layout: layout, environment: ProcessInfo.processInfo.environment)
        snapshot.commits = CommitEvidence.read(snapshot, folder: folder, environment: ProcessInfo.processInfo.environment)

        let api = try #require(snapshot.commits[path]?["api"])
        #expect(api.count == 2 && api.added == 4 && api.removed == 1, "two commits after the hand-off: 3 lines added, 1 changed")
        #expect(api.last == handedOff.addingTimeInterval(1_800) && api.summary == "2 commits, +4/−1 since hand-off")
        #expect(snapshot.commits[path]?["idle"] == nil, "no project folder of its own: the workspace's commits are not its")

        // An hour after its file last changed it would be stale; its last commit is half an hour old.
        let session = try #require(snapshot.sessions.first)
        let now = handedOff.addingTimeInterval(1_800 + 1_800)
        var policy = EvidencePolicy()
        policy.staleAfter = 3_600
        let agent = try #require(session.agents.first { $0.agentId == "api" })
        #expect(Evidence.changedAt(agent, in: session, snapshot: snapshot) == api.last)
        #expect(Evidence.assess(agent, in: session, snapshot: snapshot, now: now, policy: policy).flag == nil)
        var without = snapshot
        without.commits = [:]
        #expect(Evidence.assess(agent, in: session, snapshot: without, now: now, policy: policy).flag == .stale, "without its commits it would be")
        // web never changed its file, but its project moved after the hand-off: it was picked up.
        let web = try #require(session.agents.first { $0.agentId == "web" })
        #expect(Evidence.assess(web, in: session, snapshot: snapshot, now: handedOff.addingTimeInterval(86_400), policy: policy).flag != .notPickedUp)
        // status --json says so.
        let report = StatusReport.json(snapshot, now: now, policy: policy)
        let agents = report["sessions"]?.arrayValue?.first?["agents"]?.arrayValue ?? []
        #expect(agents.first { $0["agent_id"]?.stringValue == "api" }?["commits"]?["summary"]?.stringValue == "2 commits, +4/−1 since hand-off")
    }
}
