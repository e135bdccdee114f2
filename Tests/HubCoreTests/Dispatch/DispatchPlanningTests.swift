import Foundation
import Testing
import HubCore
import HubTestSupport

/// The decisions before anything runs: command words, waves, project folders, trust, targets.
@Suite struct DispatchPlanningTests {
    @Test func commandsSplitLikeAShellButPlaceholdersStayOneWord() throws {
        #expect(try CommandWords.split(#"claude --model "opus 4" 'it''s' a\ b"#) == ["claude", "--model", "opus 4", "its", "a b"])
        #expect(try CommandWords.split("  codex   exec  ") == ["codex", "exec"])
        #expect(throws: CommandWords.Invalid.unterminatedQuote("\"")) { try CommandWords.split(#"claude "open"#) }
        #expect(throws: CommandWords.Invalid.empty) { try CommandWords.split("   ") }
        // No shell: `;` and `$(...)` are plain characters inside words.
        #expect(try CommandWords.split("a; rm -rf $(x)") == ["a;", "rm", "-rf", "$(x)"])
        let words = CommandWords.substitute(["agent", "--cwd", "{path}", "--name={agent}"], ["path": "/my projects/x", "agent": "api"])
        #expect(words == ["agent", "--cwd", "/my projects/x", "--name=api"])
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(ContentDigest.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentDigest.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentDigest.sha256Hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(ContentDigest.sha256Hex([UInt8](repeating: 0x61, count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func session(_ agents: String, in workspace: TemporaryWorkspace) throws -> (WorkspaceSnapshot, Session) {
        try workspace.write("coderef/sessions/feature-phase1/communication.json", #"{"workorder_id": "WO-F-001", "orchestrator": {"agent_id": "lead", "status": "in_progress"}, "agents": [\#(agents)]}"#)
        let snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: workspace.root)).load()
        return (snapshot, try #require(snapshot.sessions.first))
    }

    @Test func wavesComeFromDependsOnOrTheFile() throws {
        let workspace = try TemporaryWorkspace("waves")
        let (_, session) = try session("""
        {"agent_id": "a", "status": "complete"}, {"agent_id": "b", "status": "not_started"},
        {"agent_id": "c", "status": "not_started", "depends_on": ["a", "b"]},
        {"agent_id": "d", "status": "not_started", "depends_on": ["a", "ghost"]},
        {"agent_id": "e", "status": "not_started", "execution_wave": 5}
        """, in: workspace)
        let waves = Waves(session)
        #expect(waves.waveOf == ["a": 1, "b": 1, "c": 2, "d": 2, "e": 5])
        #expect(waves.unknownDependencies == [Waves.Dependency(agent: "d", dependency: "ghost")])
        // Ready: not started, known dependencies complete (an unknown one does not hold it back).
        #expect(WaveFollower.ready(session, dispatched: []) == ["b", "d", "e"])
        #expect(WaveFollower.ready(session, dispatched: ["b"]) == ["d", "e"])
        #expect(Waves.waitingOn(session.agents[2], in: session) == ["b"])
    }

    @Test func aCycleIsFoundAndDoesNotHang() throws {
        let workspace = try TemporaryWorkspace("waves-cycle")
        let (_, session) = try session(#"{"agent_id": "a", "depends_on": ["b"]}, {"agent_id": "b", "depends_on": ["a"]}"#, in: workspace)
        let waves = Waves(session)
        #expect(!waves.cycle.isEmpty)
        #expect(Set(waves.waveOf.keys) == ["a", "b"])
    }

    @Test func projectFoldersAreFoundHereEvenFromAnotherMachinesPath() throws {
        let parent = try TemporaryWorkspace("projects")
        let root = parent.path("workspace")
        try FileManager.default.createDirectory(atPath: parent.path("assistant"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/coderef", withIntermediateDirectories: true)
        var windows = AgentState(agentId: "lead")
        windows.agentPath = #"C:\Users\me\Desktop\assistant"#
        #expect(ProjectFolders.resolve(windows, settings: HubSettings(), root: root) == parent.path("assistant"))
        var relative = AgentState(agentId: "x")
        relative.agentPath = "assistant"
        #expect(ProjectFolders.resolve(relative, settings: HubSettings(), root: root) == parent.path("assistant"))
        var missing = AgentState(agentId: "y")
        missing.agentPath = "/nowhere/at/all"
        #expect(ProjectFolders.resolve(missing, settings: HubSettings(), root: root) == nil)
        var settings = HubSettings()
        settings.agentPaths["y"] = parent.path("assistant")
        #expect(ProjectFolders.resolve(missing, settings: settings, root: root) == parent.path("assistant"))
    }

    @Test func targetsCarryTheCommandTheTextAndThePlaceholders() throws {
        let workspace = try TemporaryWorkspace("dispatch-plan")
        let (_, session) = try session(#"{"agent_id": "api", "status": "not_started"}, {"agent_id": "web", "status": "not_started"}"#, in: workspace)
        var settings = HubSettings()
        settings.dispatch.command = .init("agent --session {session} --wo {workorder}", source: "/home/me/.config/sessions-hub/config.toml")
        settings.dispatch.agents["web"] = .init(command: .init("codex"), prompt: .argument)
        let targets = try DispatchPlanner.plan(session: session, agentIds: ["api", "web"], settings: settings, root: workspace.root, trust: nil).get()
        #expect(targets[0].arguments == ["agent", "--session", "feature-phase1", "--wo", "WO-F-001"])
        #expect(targets[0].windowName == "api@feature-phase1" && targets[0].prompt == .paste)
        #expect(targets[0].text == OneLiner.short(session: session, agent: session.agents[0]))
        #expect(targets[1].arguments == ["codex", targets[1].text])
        #expect(targets[0].directory == workspace.root, "no project folder here: the workspace")
        // A project the workorder search found (any depth) is where an agent of that name starts.
        let deep = workspace.path("elsewhere/team/api")
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        let found = try DispatchPlanner.plan(session: session, agentIds: ["api"], settings: settings, root: workspace.root, trust: nil, projects: [deep]).get()
        #expect(found[0].directory == deep)
        if case .failure(.unknownAgent(let id, _)) = DispatchPlanner.plan(session: session, agentIds: ["nobody"], settings: settings, root: workspace.root, trust: nil) {
            #expect(id == "nobody")
        } else { Issue.record("an unknown agent is refused") }
    }

    @Test func aWorkspacesOwnCommandNeedsTrustAndAChangeRevokesIt() throws {
        let workspace = try TemporaryWorkspace("dispatch-trust")
        let (_, session) = try session(#"{"agent_id": "api", "status": "not_started"}"#, in: workspace)
        try workspace.write(".coderef/hub.toml", "[dispatch]\ncommand = \"evil --flag\"\n")
        let (settings, problems) = ConfigLoader.load(root: workspace.root, environment: [:])
        #expect(problems.isEmpty)
        #expect(settings.dispatch.command.text == "evil --flag")
        let store = TrustStore(file: workspace.path("user/trusted"))
        let refused = DispatchPlanner.plan(session: session, agentIds: ["api"], settings: settings, root: workspace.root, trust: store)
        #expect(refused == .failure(.untrusted(file: TrustStore.workspaceConfig(root: workspace.root))))
        try store.trust(TrustStore.workspaceConfig(root: workspace.root), digest: try #require(settings.workspaceConfigDigest))
        #expect((try? DispatchPlanner.plan(session: session, agentIds: ["api"], settings: settings, root: workspace.root, trust: store).get())?.first?.arguments == ["evil", "--flag"])
        try workspace.write(".coderef/hub.toml", "[dispatch]\ncommand = \"evil --other\"\n")
        let changed = ConfigLoader.load(root: workspace.root, environment: [:]).0
        #expect(!store.isTrusted(TrustStore.workspaceConfig(root: workspace.root), digest: changed.workspaceConfigDigest))
    }

    /// The file swapped between the read that parsed it and any later read: trust follows the bytes
    /// that were parsed, so the trusted file's hash never lets the other file's commands run.
    @Test func trustIsDecidedOnTheBytesThatWereParsed() throws {
        let workspace = try TemporaryWorkspace("dispatch-trust-swap")
        let (_, session) = try session(#"{"agent_id": "api", "status": "not_started"}"#, in: workspace)
        let file = TrustStore.workspaceConfig(root: workspace.root)
        let store = TrustStore(file: workspace.path("user/trusted"))
        try workspace.write(".coderef/hub.toml", "[dispatch]\ncommand = \"harmless\"\n")
        try store.trust(file, digest: try #require(ConfigLoader.load(root: workspace.root, environment: [:]).0.workspaceConfigDigest))
        try workspace.write(".coderef/hub.toml", "[dispatch]\ncommand = \"evil\"\n")
        let parsedEvil = ConfigLoader.load(root: workspace.root, environment: [:]).0
        // Swapped back to the trusted bytes before the check: the parsed (evil) settings stay refused.
        try workspace.write(".coderef/hub.toml", "[dispatch]\ncommand = \"harmless\"\n")
        #expect(DispatchPlanner.plan(session: session, agentIds: ["api"], settings: parsedEvil, root: workspace.root, trust: store) == .failure(.untrusted(file: file)))
    }

    @Test func dispatchConfigIsReadAndBadValuesAreProblems() throws {
        let workspace = try TemporaryWorkspace("dispatch-config")
        try workspace.write(".coderef/hub.toml", """
        [dispatch]
        prompt = "argument"
        ready_pattern = "> $"
        form = "long"
        where = "pane"
        ready_timeout_seconds = 12
        [agents.web]
        command = "gemini"
        prompt = "paste"
        [agents.bad]
        prompt = "shout"
        [dispatch.extra]
        """)
        let (settings, problems) = ConfigLoader.load(root: workspace.root, environment: [:])
        #expect(settings.dispatch.prompt == .argument && settings.dispatch.readyPattern == "> $" && settings.dispatch.longForm)
        #expect(settings.dispatch.place == .pane && settings.dispatch.readyTimeout == 12)
        #expect(settings.dispatch.command(for: "web").text == "gemini" && settings.dispatch.prompt(for: "web") == .paste)
        #expect(settings.dispatch.command(for: "other").text == "claude")
        #expect(problems.map(\.message).contains { $0.contains("agents.bad.prompt") })
    }

    @Test func aTrustQuestionIsRecognisedBeforeAnythingIsPasted() {
        #expect(Dispatcher.asksForTrust("Do you trust the files in this folder?\n> 1. Yes, proceed"))
        #expect(Dispatcher.asksForTrust("Trust this folder? (y/n)"))
        #expect(!Dispatcher.asksForTrust("> ready for your prompt"))
    }
}
