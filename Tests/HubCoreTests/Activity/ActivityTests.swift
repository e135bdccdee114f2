import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// The agents' own state: Claude Code's state files, hook payloads, their matching to agents, and
/// what the evidence makes of them.
@Suite struct ActivityTests {
    let now = Date(timeIntervalSince1970: 1_796_400_000)

    func state(_ json: String) throws -> ClaudeSessionState {
        try #require(ClaudeSessionState(try JSONParser.parse(Array(json.utf8)), configDirectory: "/home/me/.claude"))
    }

    @Test func claudeStateFilesSayWaitingIdleWorkingOrExited() throws {
        // As Claude Code 2.1.332 writes it (PLATFORM.md).
        let waiting = try state(#"{"pid":22256,"sessionId":"bf02","cwd":"/w/proj","procStart":"350564","tmux":"main:@0.%7","status":"waiting","waitingFor":"permission prompt","statusUpdatedAt":1796402166095}"#)
        #expect(waiting.pane == "%7")
        var expected = Activity(state: .waiting, detail: "permission prompt", source: .stateFile, since: Date(timeIntervalSince1970: 1796402166.095), pane: "%7")
        expected.transcript = "/home/me/.claude/projects/-w-proj/bf02.jsonl"
        #expect(waiting.activity(running: true) == expected)
        #expect(try state(#"{"pid":1,"status":"idle"}"#).activity(running: true).state == .idle)
        #expect(try state(#"{"pid":1,"status":"busy"}"#).activity(running: true).state == .working)
        #expect(waiting.activity(running: false).state == .exited, "a state file whose process is gone")
        #expect(waiting.transcript == "/home/me/.claude/projects/-w-proj/bf02.jsonl")
        #expect(ClaudeSessionState(try JSONParser.parse(Array(#"{"status":"idle"}"#.utf8)), configDirectory: "/x") == nil, "no pid: not a state file")
    }

    @Test func aProcessIsTheOneRecordedOnlyWithItsStartTime() {
        let me = getpid()
        let started = ProcessLiveness.startTime(me)
        #expect(started != nil)
        #expect(ProcessLiveness.isRunning(me, started: started))
        #expect(!ProcessLiveness.isRunning(me, started: "1"), "same pid, another start: a reused pid")
        #expect(!ProcessLiveness.isRunning(0, started: nil))
        // A child killed and not yet reaped is a zombie: it has ended.
        let child = fork()
        if child == 0 { pause(); _exit(0) }
        kill(child, SIGKILL)
        // Blocks until it has ended, and leaves it unreaped (WNOWAIT): a zombie, no polling.
        var info = siginfo_t()
        #expect(waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT) == 0)
        #expect(ProcessLiveness.statFields(child)?.first == "Z" && !ProcessLiveness.isRunning(child, started: nil))
        var status: Int32 = 0
        waitpid(child, &status, 0)
    }

    /// A running agent's process is followed by a pidfd: no timer while it runs, and its end wakes
    /// a poll on the watch's descriptors at once.
    @Test func aRunningAgentsEndWakesTheWatchWithoutATimer() throws {
        let workspace = try TemporaryWorkspace("activity-pidfd")
        let child = fork()
        if child == 0 { pause(); _exit(0) }
        defer { var status: Int32 = 0; kill(child, SIGKILL); waitpid(child, &status, 0) }
        try workspace.write("claude/sessions/\(child).json", #"{"pid": \#(child), "procStart": "\#(ProcessLiveness.startTime(child) ?? "")", "status": "busy", "sessionId": "s1", "cwd": "/w"}"#)
        let watch = ActivityWatch(environment: ["CLAUDE_CONFIG_DIR": workspace.path("claude"), "HOME": workspace.root])
        let before = watch.read(tmux: nil)
        #expect(before.claude.first?.running == true)
        guard watch.pollDescriptors.count == 2 else {
            // A sandbox that refuses pidfd_open: the liveness timer stands in, as it says.
            #expect(watch.nextCheck != nil)
            return
        }
        #expect(watch.nextCheck == nil, "followed by a pidfd: no timer")
        // Whatever the folder watch may have queued meanwhile is read first; the running process's
        // pidfd (the rest of the descriptors) must be quiet.
        _ = watch.drain()
        #expect(watch.pollDescriptors.count == 2, "still followed")
        var descriptors = watch.pollDescriptors
        _ = poll(&descriptors, nfds_t(descriptors.count), 0)
        #expect(descriptors.dropFirst().allSatisfy { $0.revents == 0 }, "nothing to wake for while it runs: \(descriptors.map(\.revents))")
        kill(child, SIGKILL)
        descriptors = watch.pollDescriptors
        #expect(poll(&descriptors, nfds_t(descriptors.count), 10_000) > 0, "its end wakes the poll")
        #expect(watch.drain())
        #expect(watch.read(tmux: nil).claude.first?.running == false, "read again: it has exited")
        #expect(watch.pollDescriptors.count == 1, "an ended process is no longer followed")
    }

    func hook(_ json: String, environment: [String: String] = [:]) throws -> HookRecord {
        try HookRecord(payload: Array(json.utf8), environment: environment, now: now)
    }

    @Test func hooksSayWhatTheAgentDoes() throws {
        #expect(try hook(#"{"session_id":"s1","hook_event_name":"PreToolUse","tool_name":"Bash","cwd":"/w/p"}"#).activity.phrase == "working: Bash")
        let asking = try hook(#"{"session_id":"s1","hook_event_name":"Notification","notification_type":"permission_prompt","message":"Claude needs your permission to use Bash"}"#)
        #expect(asking.state == .waiting && asking.detail == "permission: Claude needs your permission to use Bash")
        #expect(try hook(#"{"session_id":"s1","hook_event_name":"Stop"}"#).state == .idle)
        #expect(try hook(#"{"session_id":"s1","hook_event_name":"SessionEnd","reason":"exit"}"#).state == .exited)
        // Codex's notify JSON.
        #expect(try hook(#"{"type":"agent-turn-complete","thread-id":"t9","cwd":"/w/p"}"#).state == .idle)
        #expect(throws: HookRecord.Refusal.subAgent) { try hook(#"{"session_id":"s1","agent_id":"sub","hook_event_name":"Stop"}"#) }
        #expect(throws: HookRecord.Refusal.notJSON) { try hook("not json") }
        let dispatched = try hook(#"{"session_id":"s1","hook_event_name":"Stop"}"#, environment: ["SESSIONS_HUB_SESSION": "api-phase1", "SESSIONS_HUB_AGENT": "web", "TMUX_PANE": "%3"])
        #expect(dispatched.hubSession == "api-phase1" && dispatched.hubAgent == "web" && dispatched.pane == "%3")
    }

    @Test func hookRecordsRoundTripThroughTheirFolder() throws {
        let workspace = try TemporaryWorkspace("hook-records")
        let record = try hook(#"{"session_id":"../../evil\u001b","hook_event_name":"PreToolUse","tool_name":"Edit"}"#)
        try record.write(to: workspace.path("agents"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path("agents")).allSatisfy { !$0.contains("/") && !$0.hasPrefix(".") || $0.hasSuffix(".lock") })
        #expect(HookRecord.read(folder: workspace.path("agents")) == [record])
    }

    /// The demo's api-migration-phase1 with a dispatch record for web-client in pane %5.
    func demo() throws -> (TemporaryWorkspace, WorkspaceSnapshot, Session) {
        let workspace = try TemporaryWorkspace.demo("activity-match")
        var snapshot = workspace.load()
        let session = try #require(snapshot.sessions.first { $0.name == "api-migration-phase1" })
        snapshot.dispatches[session.path] = ["web-client": DispatchRecord(at: now, pane: "%5", window: "3", form: "short", outcome: "submitted")]
        return (workspace, snapshot, session)
    }

    @Test func signalsFindTheirAgentByPaneByNamesOrByFolder() throws {
        let (_, snapshot, session) = try demo()
        let byPane = AgentSignals(claude: [.init(state: try state(#"{"pid":10,"tmux":"x:@1.%5","status":"waiting","waitingFor":"permission prompt"}"#), running: true)])
        #expect(ActivityMatcher.match(snapshot, signals: byPane, folder: { _, _ in nil })[session.path]?["web-client"]?.state == .waiting)

        var named = try hook(#"{"session_id":"s","hook_event_name":"PreToolUse","tool_name":"Read"}"#, environment: ["SESSIONS_HUB_SESSION": "api-migration-phase1", "SESSIONS_HUB_AGENT": "docs-writer"])
        named.hubRoot = snapshot.root
        let byNames = ActivityMatcher.match(snapshot, signals: AgentSignals(hooks: [named]), folder: { _, _ in nil })
        #expect(byNames[session.path]?["docs-writer"]?.phrase == "working: Read")
        #expect(byNames.values.flatMap(\.values).count == 1, "nobody else")

        // Started by hand in its project folder, its one-liner copied first: matched by the folder.
        let byFolder = AgentSignals(claude: [.init(state: try state(#"{"pid":11,"cwd":"/projects/api","status":"idle"}"#), running: true)])
        let folder: (Session, AgentState) -> String? = { _, agent in agent.agentId == "mobile-app" ? "/projects/api" : nil }
        #expect(ActivityMatcher.match(snapshot, signals: byFolder, folder: folder).isEmpty, "never handed its work: not guessed")
        var handed = snapshot
        handed.handoffs[session.path] = ["mobile-app": now]
        let matched = ActivityMatcher.match(handed, signals: byFolder, folder: folder)
        #expect(matched.values.flatMap(\.values).count == 1)
        #expect(matched[session.path]?["mobile-app"]?.state == .idle)

        // A pane kept after its program ended says how it ended.
        let dead = AgentSignals(panes: ["%5": .init(dead: true, deadStatus: 1)])
        #expect(ActivityMatcher.match(snapshot, signals: dead, folder: { _, _ in nil })[session.path]?["web-client"]?.phrase == "exited: exit 1")
    }

    @Test func theStateFileWinsOverALateHook() throws {
        let (_, snapshot, session) = try demo()
        var stop = try hook(#"{"session_id":"c1","hook_event_name":"Stop"}"#)
        stop.pane = "%5"
        let signals = AgentSignals(claude: [.init(state: try state(#"{"pid":12,"sessionId":"c1","tmux":"x:@1.%5","status":"busy"}"#), running: true)], hooks: [stop])
        #expect(ActivityMatcher.match(snapshot, signals: signals, folder: { _, _ in nil })[session.path]?["web-client"]?.state == .working)
    }

    @Test func waitingComesFirstAndIdleOrExitedAgentsThatDidNotReportNeedYou() throws {
        let (_, base, session) = try demo()
        let agent = try #require(session.agents.first { $0.agentId == "web-client" })
        func items(_ activity: Activity, at time: Date) -> [AttentionItem] {
            var snapshot = base
            snapshot.activities = [session.path: ["web-client": activity]]
            return Evidence.attention(snapshot, now: time, policy: EvidencePolicy()).filter { $0.agent == "web-client" }
        }
        let waiting = items(Activity(state: .waiting, detail: "permission prompt", source: .stateFile, since: now), at: now)
        #expect(waiting.map(\.reason) == [.waiting] && waiting.first?.note == "permission prompt")
        #expect(AttentionReason.allCases.first == .waiting, "worst first: only the person can unblock it")
        let idle = Activity(state: .idle, source: .stateFile, since: now)
        #expect(!items(idle, at: now.addingTimeInterval(60)).contains { $0.reason == .idleUnreported }, "a turn that just ended")
        let late = items(idle, at: now.addingTimeInterval(180))
        #expect(late.map(\.reason) == [.idleUnreported] && late.first?.note?.contains("status says \(agent.status.word ?? "")") == true)
        #expect(items(Activity(state: .exited, detail: "exit 1", source: .pane, since: now), at: now).map(\.reason) == [.exited])
        var snapshot = base
        snapshot.activities = [session.path: ["web-client": Activity(state: .waiting, source: .hook, since: now)]]
        #expect(StatusLine.render(snapshot, now: now, policy: EvidencePolicy()).contains("1 waiting on you"))
    }

    @Test func tokensAreSummedFromTheTranscriptOncePerMessage() throws {
        let workspace = try TemporaryWorkspace("tokens")
        let lines = [
            #"{"type":"user","message":{"role":"user","content":"go"}}"#,
            #"{"type":"assistant","message":{"id":"m1","usage":{"input_tokens":100,"output_tokens":1,"cache_read_input_tokens":30}}}"#,
            #"{"type":"assistant","message":{"id":"m1","usage":{"input_tokens":100,"output_tokens":40,"cache_read_input_tokens":30}}}"#,
            #"{"type":"assistant","message":{"id":"m2","usage":{"input_tokens":120,"output_tokens":42,"cache_creation_input_tokens":5}}}"#,
            "not json",
        ]
        let path = try workspace.write("t.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(TokenUsage.of(transcript: path) == TokenUsage(input: 220, output: 82, cacheRead: 30, cacheCreation: 5))
        #expect(TokenUsage.of(transcript: workspace.path("missing.jsonl")) == nil)
        #expect(TokenUsage(input: 12_000, output: 300).short == "12.3k tokens")
    }

    /// A cost only with the person's prices: per million tokens, from `[tokens]`.
    @Test func aCostOnlyWithConfiguredPrices() throws {
        let workspace = try TemporaryWorkspace("token-prices")
        #expect(ConfigLoader.load(root: workspace.root, environment: [:]).0.tokenPrices == nil, "no prices by default")
        try workspace.write(".coderef/hub.toml", "[tokens]\ninput = 3\noutput = 15.0\ncache_read = 0.3\ncache_creation = -1\ncurrency = \"EUR\"\n")
        let (settings, problems) = ConfigLoader.load(root: workspace.root, environment: [:])
        let prices = try #require(settings.tokenPrices)
        #expect(prices == TokenPrices(input: 3, output: 15, cacheRead: 0.3, cacheCreation: 0, currency: "EUR"))
        #expect(problems.contains { $0.message.contains("tokens.cache_creation") }, "a negative price is a problem, not a cost")
        let used = TokenUsage(input: 1_000_000, output: 100_000, cacheRead: 2_000_000)
        #expect(abs(prices.cost(of: used) - 5.1) < 0.0001)
        #expect(prices.text(prices.cost(of: used)) == "5.10 EUR")
        #expect(TokenPrices(input: 3).text(0.004) == "<$0.01" && TokenPrices().text(12.5) == "$12.50")
        #expect(used.json(prices: prices)["cost"] == .number("5.1000") && used.json(prices: prices)["currency"] == .string("EUR"))
        #expect(used.json(prices: nil)["cost"] == nil)
    }

    @Test func hooksInstallOnceKeepTheRestAndUninstall() throws {
        let existing = Array("""
        {
          "model": "opus",
          "hooks": {
            "Stop": [{"hooks": [{"type": "command", "command": "notify-send done"}]}]
          }
        }
        """.utf8)
        let command = HookSettings.command(executable: "/usr/local/bin/sessions-hub")
        let installed = try #require(try HookSettings.merged(existing, path: "s.json", command: command, install: true))
        let value = try JSONParser.parse(installed)
        #expect(value["model"]?.stringValue == "opus")
        #expect(value["hooks"]?["Stop"]?.arrayValue?.count == 2, "the person's own Stop hook stays")
        for event in HookSettings.events {
            #expect(value["hooks"]?[event]?.arrayValue?.last?["hooks"]?.arrayValue?.first?["command"]?.stringValue == "'/usr/local/bin/sessions-hub' hook", "\(event)")
        }
        #expect(try HookSettings.merged(installed, path: "s.json", command: command, install: true) == nil, "a second install changes nothing")
        let removed = try #require(try HookSettings.merged(installed, path: "s.json", command: command, install: false))
        let after = try JSONParser.parse(removed)
        #expect(after["hooks"]?["Stop"]?.arrayValue?.count == 1 && after["model"]?.stringValue == "opus")
        #expect(after["hooks"]?["PreToolUse"]?.arrayValue?.isEmpty == true)
        #expect(throws: HookSettings.Failure.self) { try HookSettings.merged(Array("[1]".utf8), path: "s.json", command: command, install: true) }
    }
}
