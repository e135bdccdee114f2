import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// [REMOTE] A remote's feed reaches the screen through the real loop (from its own thread, as an
/// action), never holds up a key, and keys on its rows become calls of its hub's tools.
@Suite struct RemoteScenarioTests {
    /// A far hub as the screen sees it: states pushed by the test, tool calls recorded and answered
    /// with what the test says (or, by default, what the demo workspace's hub would).
    final class FakeFeed: RemoteFeed, @unchecked Sendable {
        let name = "build"
        private let lock = NSLock()
        var changed: (@Sendable (RemoteView) -> Void)?
        private var recorded: [(String, JSONValue)] = []
        var answer: (String, JSONValue) -> Result<JSONValue, RemoteCallFailure> = { _, _ in .failure(RemoteCallFailure("no answer")) }

        var calls: [(tool: String, arguments: JSONValue)] { lock.withLock { recorded } }

        func start(_ changed: @escaping @Sendable (RemoteView) -> Void) {
            self.changed = changed
            changed(RemoteView(name: "build", reachable: false))
        }
        func stop() {}
        func call(_ tool: String, arguments: JSONValue, reply: @escaping @Sendable (Result<JSONValue, RemoteCallFailure>) -> Void) {
            lock.withLock { recorded.append((tool, arguments)) }
            let result = answer(tool, arguments)
            Thread { reply(result) }.start()
        }
        func attachCommand(pane: String) -> [String]? { ["/usr/bin/ssh", "-t", "build", "tmux attach-session -t '\(pane)'"] }
    }

    @Test func aRemotesStateShowsInTheStatusBarAsItChanges() throws {
        let feed = FakeFeed()
        let screen = ScreenHarness(try TemporaryWorkspace.demo("remote-feed"), remotes: [feed])
        #expect(screen.runUntil { $0.screen.contains("@build connecting…") })
        let summary = RemoteSummary(status: .object(JSONObject([("sessions", .array([]))])))
        Thread { feed.changed?(RemoteView(name: "build", reachable: true, since: Date(), summary: summary)) }.start()
        #expect(screen.runUntil { $0.screen.contains("@build ok") })
        Thread { feed.changed?(RemoteView(name: "build", reachable: false, since: Date(), error: "build: the link ended", summary: summary)) }.start()
        #expect(screen.runUntil { $0.screen.contains("@build unreachable") })
        screen.run(.moveDown)
        #expect(screen.state.selectedRow != nil, "keys still answered")
    }

    /// The far side is the demo workspace too: its summary and its sessions as its hub sends them.
    static func farHub(_ feed: FakeFeed, workspace: TemporaryWorkspace) throws {
        let snapshot = workspace.load()
        let summary = try #require(RemoteSummary(status: RemoteSummary.json(snapshot, now: Date(), policy: EvidencePolicy())))
        feed.answer = { tool, arguments in
            switch tool {
            case "get_session":
                guard let session = snapshot.sessions.first(where: { $0.path == arguments["session"]?.stringValue }) else { return .failure(RemoteCallFailure("build: no such session")) }
                return .success(StatusReport.sessionJSON(session) { agent in
                    .object(JSONObject([("agent_id", .string(agent.agentId)), ("status", .string(agent.status.word ?? "")), ("bucket", .string(agent.status.bucket.rawValue)),
                                        ("activity", .object(JSONObject([("state", .string("working")), ("pane", .string("%7"))])))]))
                })
            case "dispatch_agents":
                return .success(.object(JSONObject([("dispatched", .array([.object(JSONObject([("agent", .string("web-client")), ("outcome", .string("submitted")),
                                                                                               ("message", .string("web-client: submitted in window 3"))]))]))])))
            case "start_session":
                return .success(.object(JSONObject([("folder", .string("coderef/sessions/dark-mode-toggle-phase1"))])))
            default:
                return .failure(RemoteCallFailure("build: \(tool) refused"))
            }
        }
        Thread { feed.changed?(RemoteView(name: "build", reachable: true, since: Date(), summary: summary)) }.start()
    }

    /// The screen on the demo workspace, following `build` (the demo again), once its rows are in.
    static func screenFollowingAFarHub(_ label: String) throws -> (FakeFeed, TemporaryWorkspace, ScreenHarness) {
        let feed = FakeFeed()
        let workspace = try TemporaryWorkspace.demo(label)
        let screen = ScreenHarness(workspace, remotes: [feed])
        try farHub(feed, workspace: workspace)
        #expect(screen.runUntil { $0.state.remotes.first?.summary != nil })
        return (feed, workspace, screen)
    }

    /// Moves the selection to a far row by the keys, as a person would.
    func selectFar(_ screen: ScreenHarness, _ name: String, stub: Bool = false) {
        screen.run(.first)
        for _ in 0..<screen.state.list.rows.count {
            if case .remote(let remote, let item)? = screen.state.selectedListRow, let summary = screen.state.remotes[remote].summary {
                switch item {
                case .session(let index) where !stub && summary.sessions[index].name == name: return
                case .stub(let index) where stub && summary.stubs[index].name == name: return
                default: break
                }
            }
            screen.run(.moveDown)
        }
        Issue.record("no far row \(name)")
    }

    @Test func enterReadsAFarSessionsAgentsAndDOnOneDispatchesItThere() throws {
        let (feed, workspace, screen) = try Self.screenFollowingAFarHub("remote-dispatch")
        selectFar(screen, "api-migration-phase1")
        screen.run(.open)
        #expect(screen.runUntil { $0.screen.contains("web-client") && $0.screen.contains("working") }, "\(screen.screen)")
        #expect(feed.calls.first?.tool == "get_session" && feed.calls.first?.arguments["session"]?.stringValue == ".coderef/sessions/api-migration-phase1")
        screen.run(.moveDown, .moveDown)
        screen.run(.dispatch)
        guard case .confirmRemote(let call)? = screen.state.overlay else { Issue.record("d asks first: \(String(describing: screen.state.overlay))"); return }
        #expect(call.tool == "dispatch_agents" && call.arguments["agents"]?.arrayValue?.first?.stringValue == "web-client", "\(call.arguments)")
        #expect(call.arguments["tmux_session"]?.stringValue == RemoteCall.farTmuxSession, "a hub over ssh is outside tmux: it is given a session")
        #expect(screen.screen.contains("Runs dispatch_agents on @build"), "\(screen.screen)")
        screen.run(.confirm, in: .dialog)
        #expect(screen.runUntil { $0.state.message?.text == "@build: web-client: submitted in window 3" }, "\(String(describing: screen.state.message))")
        #expect(feed.calls.contains { $0.tool == "dispatch_agents" })
        // g on it: its pane there, through the feed's command (outside tmux the command is said).
        screen.run(.first)
        #expect(screen.runUntil { $0.state.message?.text.contains("run: /usr/bin/ssh -t build 'tmux attach-session -t '\\''%7'\\''") == true }, "\(String(describing: screen.state.message))")
        withExtendedLifetime(workspace) {}
    }

    @Test func sOnAFarStubStartsItThereAndARefusalIsSaid() throws {
        let (feed, workspace, screen) = try Self.screenFollowingAFarHub("remote-start")
        selectFar(screen, "dark-mode-toggle", stub: true)
        screen.run(.start)
        #expect(screen.state.overlay == nil && screen.state.message?.text.contains("names no agents") == true, "a far stub without agents is started there")
        selectFar(screen, "parallel-docs-audit", stub: true)
        screen.run(.start)
        guard case .confirmRemote(let call)? = screen.state.overlay else { Issue.record("S asks first"); return }
        #expect(call.tool == "start_session" && call.arguments["stub"]?.stringValue?.hasSuffix("parallel-docs-audit/stub.json") == true, "\(call)")
        screen.run(.confirm, in: .dialog)
        #expect(screen.runUntil { $0.state.message?.text == "started coderef/sessions/dark-mode-toggle-phase1 on @build" }, "\(feed.calls)")
        // A far refusal is said in its own words.
        screen.run(.archive)
        screen.run(.confirm, in: .dialog)
        #expect(screen.runUntil { $0.state.message?.text == "build: archive refused" && $0.state.message?.isError == true }, "\(String(describing: screen.state.message))")
        // Local files are not touched by a far operation.
        #expect(!FileManager.default.fileExists(atPath: workspace.root + "/coderef/sessions/dark-mode-toggle-phase1"))
    }
}
