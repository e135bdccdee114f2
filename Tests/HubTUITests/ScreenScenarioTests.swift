import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// The real event loop, in-process: keys in, effects run by the runtime (planning, writing, reloads
/// on their own threads), the screen read back. These replace reducer tests that needed real paths.
@Suite struct ScreenScenarioTests {
    func demo(size: Size = Size(width: 120, height: 40)) throws -> ScreenHarness {
        let workspace = try TemporaryWorkspace.demo("scenario")
        return ScreenHarness(workspace, size: size)
    }

    @Test func theFirstFrameComesBeforeTheWorkspaceIsReadThenTheListFillsIn() throws {
        let workspace = try TemporaryWorkspace.demo("scenario-first")
        let terminal = MemoryTerminal(size: Size(width: 100, height: 30))
        let layout = WorkspaceLayout(root: workspace.root)
        let app = ScreenApp(terminal: terminal, live: LiveWorkspace(loader: WorkspaceLoader(layout: layout), loadNow: false), context: AppContext(layout: layout), environment: [:])
        #expect(app.state.loading)
        _ = app.step(timeout: 0)
        #expect(terminal.frames.first?.description.contains("loading…") == true, "the first frame says it is loading")
        let deadline = Date().addingTimeInterval(10)
        while app.state.loading && Date() < deadline { _ = app.step(timeout: 5) }
        #expect(!app.state.loading)
        #expect(terminal.lastFrame?.description.contains("api-migration") == true)
        _ = app.step(timeout: 0)
    }

    @Test func sPlansOffTheLoopAsksAndEnterWritesTheSession() throws {
        let screen = try demo()
        screen.select("parallel-docs-audit")
        screen.run(.start)
        guard case .confirmStart(let plan)? = screen.state.overlay else { Issue.record("expected the confirm dialog, got \(String(describing: screen.state.overlay))"); return }
        #expect(plan.workorderId == "WO-PARALLEL-DOCS-AUDIT-001")
        #expect(plan.agents == ["docs-writer", "api-server", "web-client"])
        #expect(screen.screen.contains("Start a session?") && screen.screen.contains(".coderef/sessions/parallel-docs-audit-phase1/"))
        screen.run(.confirm, in: .dialog)
        #expect(screen.runUntil { $0.state.detailSession?.name == "parallel-docs-audit-phase1" })
        #expect(FileManager.default.fileExists(atPath: screen.workspace.path(".coderef/sessions/parallel-docs-audit-phase1/communication.json")))
        #expect(try screen.workspace.read("coderef/working/parallel-docs-audit/stub.json").contains("\"promoted\""))
        #expect(screen.state.focus == .detail)
    }

    @Test func aAsksToStartTheNextPhase() throws {
        let screen = try demo()
        screen.select("search-index-rebuild")
        screen.run(.open, .advance)
        guard case .confirmStart(let plan)? = screen.state.overlay else { Issue.record("expected the confirm dialog, got \(String(describing: screen.state.overlay))"); return }
        #expect(plan.sessionName == "search-index-rebuild-phase3")
        #expect(screen.screen.contains("Start phase 3?"))
        screen.run(.cancel, in: .dialog)
        #expect(screen.state.overlay == nil)
        #expect(!FileManager.default.fileExists(atPath: screen.workspace.path(".coderef/sessions/search-index-rebuild-phase3")))
    }

    @Test func capitalAAsksThenArchivesAndTheListFollows() throws {
        let screen = try demo()
        screen.run(.last, .archive)
        guard case .confirmArchive(let plan)? = screen.state.overlay else { Issue.record("expected the archive dialog"); return }
        #expect(plan.displayTo == "coderef/archived/dark-mode-toggle")
        #expect(screen.screen.contains("Archive dark-mode-toggle?"))
        screen.confirmEvenAfterAWarning()
        #expect(screen.runUntil { $0.state.message?.text == "archived dark-mode-toggle" })
        #expect(FileManager.default.fileExists(atPath: screen.workspace.path("coderef/archived/dark-mode-toggle/stub.json")))
        #expect(screen.runUntil { !$0.screen.contains("dark-mode-toggle") })
    }

    @Test func anAgentsChangeFromAnotherWriterReachesTheScreenWithNoKeyPressed() throws {
        let screen = try demo()
        screen.run(.open)
        let session = try #require(screen.state.detailSession)
        let agent = try #require(session.agents.first { $0.status.bucket != .blocked })
        // The agent's own nested file when it has one (its word wins), else the session's file.
        let file = screen.workspace.path(agent.nestedFile ?? (session.path + "/communication.json"))
        var document = try JSONDocument(text: String(contentsOfFile: file, encoding: .utf8))
        if agent.nestedFile != nil {
            try document.set("status", to: .string("blocked"))
        } else {
            let index = try #require(document.root["agents"]?.arrayValue?.firstIndex { $0["agent_id"]?.stringValue == agent.agentId })
            try document.set(["agents", .index(index), "status"], to: .string("blocked"))
        }
        try document.text.write(toFile: file + ".tmp", atomically: false, encoding: .utf8)
        rename(file + ".tmp", file)
        #expect(screen.runUntil { $0.state.detailSession?.agents.first { $0.agentId == agent.agentId }?.status.word == "blocked" })
        #expect(screen.state.flashes[AppState.flashKey(session.path, agent.agentId)] != nil, "the changed row is highlighted")
        // The workspace thread recorded the change in the hub's history, and kept its time without
        // reading the file back (the write's own stamp).
        #expect(screen.runUntil { _ in StatusHistory.load(root: screen.workspace.root).contains { $0.agent == agent.agentId && $0.to == "blocked" } })
        #expect(screen.runUntil { $0.state.snapshot.statusChanges[session.path]?[agent.agentId] != nil })
        #expect(screen.state.snapshot.historyStamp == StatusHistory.stamp(root: screen.workspace.root))
    }

    @Test func aKeyIsAnsweredWhileAFullReloadIsStillRunning() throws {
        let workspace = try TemporaryWorkspace("scenario-large")
        for index in 0..<600 {
            let agents = (0..<8).map { #"{"agent_id": "agent-\#($0)", "status": "in_progress"}"# }.joined(separator: ", ")
            _ = try workspace.write(".coderef/sessions/feature-\(index)-phase1/communication.json", #"{"workorder_id": "WO-F-\#(index)", "agents": [\#(agents)]}"#)
            _ = try workspace.write("coderef/working/idea-\(index)/stub.json", #"{"feature_name": "idea-\#(index)", "status": "planning"}"#)
        }
        let screen = ScreenHarness(workspace)
        screen.terminal.send(.character("r"), .character("?"))
        _ = screen.app.step(timeout: 100)
        // The reload runs on the workspace thread; the loop handled `?` in the same turn.
        #expect(screen.state.overlay == .help(scroll: 0))
        #expect(!screen.app.isIdle, "the reload is still in flight (600 sessions take longer than one loop turn)")
        screen.terminal.send(.escape, .character("q"))
        let status = screen.app.step(timeout: 100)
        #expect(status == 0, "q quits at once, mid-reload")
    }
}

/// The reducer is pure: it never reads or writes the disk. The same keys on the same snapshot give
/// the same state and effects whether or not the workspace still exists.
@Suite struct ReducerPurityTests {
    @Test func theReducerGivesTheSameAnswerWithTheWorkspaceGone() throws {
        let workspace = try TemporaryWorkspace.demo("purity")
        let snapshot = workspace.load()
        let keys: [Key] = [.down, .enter, .character("a"), .escape, .character("A"), .escape, .tab, .character("g"),
                           .character("S"), .enter, .escape, .character("c"), .character("i"), .character("y"), .character("G"), .character("A")]
        func run() -> (AppState, [[Effect]]) {
            var state = AppState(snapshot: snapshot, size: Size(width: 120, height: 40), now: Fixtures.now, context: AppContext(layout: WorkspaceLayout(root: workspace.root)))
            var effects: [[Effect]] = []
            for key in keys { effects.append(Reducer.reduce(&state, .key(key))) }
            return (state, effects)
        }
        let (before, beforeEffects) = run()
        try FileManager.default.removeItem(atPath: workspace.root)
        let (after, afterEffects) = run()
        #expect(before == after)
        #expect(beforeEffects == afterEffects)
        #expect(beforeEffects.joined().contains { if case .plan = $0 { return true } else { return false } }, "S, a and A ask for plans")
    }
}

/// No surprising defaults: S on a started stub, a on a stub row, where new sessions go.
@Suite struct NoSurprisesTests {
    @Test func sOnAStartedStubOffersToOpenItAndEnterNeverStartsADuplicate() throws {
        let screen = try ScreenHarness.demo("no-dup")
        let workspace = screen.workspace
        screen.select("api-migration")
        screen.run(.start)
        guard case .alreadyStarted(_, let session)? = screen.state.overlay else { Issue.record("expected the already-started dialog, got \(String(describing: screen.state.overlay))"); return }
        #expect(session == ".coderef/sessions/api-migration-phase1")
        #expect(screen.screen.contains("already has a session"))
        screen.run(.confirm, in: .dialog)
        #expect(screen.state.overlay == nil)
        #expect(screen.state.detailSession?.path == session, "Enter opened the existing session")
        #expect(!FileManager.default.fileExists(atPath: workspace.path(".coderef/sessions/api-migration-2-phase1")), "and started nothing")
        screen.run(.back)
        screen.select("api-migration")
        screen.run(.start)
        screen.run(.startAnother, in: .dialog)
        guard case .confirmStart(let plan)? = screen.state.overlay else { Issue.record("+ should plan another phase 1"); return }
        #expect(plan.sessionName == "api-migration-2-phase1")
    }

    @Test func aOnAStubRowAdvancesItsLatestSession() throws {
        let screen = try ScreenHarness.demo("a-on-stub")
        screen.select("search-index-rebuild")
        screen.run(.advance)
        guard case .confirmStart(let plan)? = screen.state.overlay else { Issue.record("expected the next-phase dialog, got \(String(describing: screen.state.overlay))"); return }
        #expect(plan.sessionName == "search-index-rebuild-phase3")
    }

    @Test func newSessionsGoWhereTheWorkspacesSessionsLive() throws {
        let workspace = try TemporaryWorkspace("usual-dir")
        _ = try workspace.write("coderef/sessions/old-phase1/communication.json", #"{"agents": [{"agent_id": "a", "status": "complete"}]}"#)
        _ = try workspace.write("coderef/working/new/stub.json", #"{"feature_name": "new", "status": "planning", "agents_involved": ["a"]}"#)
        let snapshot = workspace.load()
        let layout = WorkspaceLayout(root: workspace.root)
        #expect(SessionPlanner.usualSessionsDirectory(layout, snapshot: snapshot) == "coderef/sessions")
        let stub = try #require(snapshot.stubs.first)
        let plan = try SessionPlanner(layout: layout, settings: HubSettings(), now: Fixtures.now).plan(stub: stub, snapshot: snapshot)
        #expect(plan.displayFolder == "coderef/sessions/new-phase1")
        var settings = HubSettings()
        settings.newSessionsDirectory = ".coderef/sessions"
        let configured = try SessionPlanner(layout: layout, settings: settings, now: Fixtures.now).plan(stub: stub, snapshot: snapshot)
        #expect(configured.displayFolder == ".coderef/sessions/new-phase1", "the config still decides")
    }
}

/// Archive both ways, on screen: A moves a stub away, H lists it, U brings it back.
@Suite struct UnarchiveScenarioTests {
    @Test func archiveThenListArchivedThenRestore() throws {
        let screen = try ScreenHarness.demo("unarchive")
        let workspace = screen.workspace
        screen.select("dark-mode-toggle")
        screen.run(.archive)
        screen.confirmEvenAfterAWarning()
        #expect(screen.runUntil { $0.state.message?.text == "archived dark-mode-toggle" })
        #expect(screen.runUntil { !$0.screen.contains("dark-mode-toggle") })
        screen.run(.toggleArchived)
        #expect(screen.screen.contains("ARCHIVED (1)"))
        screen.run(.last, .unarchive)
        guard case .confirmArchive(let plan)? = screen.state.overlay else { Issue.record("expected the restore dialog, got \(String(describing: screen.state.overlay))"); return }
        #expect(plan.restores && plan.displayTo == "coderef/working/dark-mode-toggle")
        #expect(screen.screen.contains("Restore dark-mode-toggle?"))
        screen.confirmEvenAfterAWarning()
        #expect(screen.runUntil { $0.state.message?.text == "restored dark-mode-toggle" })
        #expect(FileManager.default.fileExists(atPath: workspace.path("coderef/working/dark-mode-toggle/stub.json")))
    }
}

@Suite struct ArchiveWarningTests {
    /// `A` on a feature whose only phase is at work: nothing is finished, nothing moves, and it says why.
    @Test func aFeatureWithNothingFinishedIsNotArchived() throws {
        let screen = try ScreenHarness.demo("archive-warn")
        screen.select("api-migration")
        screen.run(.archive)
        #expect(screen.runUntil { if case .error(let text)? = $0.state.overlay { return text.contains("no phase of api-migration is finished") } else { return false } })
        #expect(FileManager.default.fileExists(atPath: screen.workspace.path(".coderef/sessions/api-migration-phase1/communication.json")))
    }

    /// `A` on a feature row: its finished phases move, the phase at work and the stub stay (a note,
    /// not a warning: Enter goes ahead); the timeline still shows the archived phase, greyed.
    @Test func aFeatureRowArchivesItsFinishedPhases() throws {
        let screen = try ScreenHarness.demo("archive-feature")
        let phases = screen.state.snapshot.sessions.filter { $0.feature == "search-index-rebuild" && !$0.archived }
        let finished = phases.filter { $0.derivedStatus == .complete }.map(\.name)
        let atWork = phases.filter { $0.derivedStatus != .complete }.map(\.name)
        try #require(!finished.isEmpty && !atWork.isEmpty, "the demo's search-index-rebuild has a finished phase and one at work")
        screen.select("search-index-rebuild")
        screen.run(.archive)
        #expect(screen.runUntil { if case .confirmArchive = $0.state.overlay { return true } else { return false } })
        guard case .confirmArchive(let plan)? = screen.state.overlay else { return }
        #expect(plan.moves.map { WorkspacePaths.lastComponent($0.displayFrom) } == finished)
        #expect(plan.warnings.isEmpty && plan.notes.contains { $0.contains("it stays, and so does the stub") })
        #expect(screen.screen.contains("Enter/y archive"))
        screen.run(.confirm, in: .dialog)
        #expect(screen.runUntil { $0.state.message?.text.hasPrefix("archived") == true })
        for name in finished {
            #expect(screen.runUntil { $0.state.snapshot.sessions.contains { $0.name == name && $0.archived } })
        }
        #expect(FileManager.default.fileExists(atPath: screen.workspace.path("coderef/working/search-index-rebuild/stub.json")), "the stub stays")
        // The timeline keeps the archived phase, greyed and marked.
        screen.select("search-index-rebuild")
        screen.run(.timeline)
        #expect(screen.screen.contains("archived"))
    }

    /// A move that comes with a warning: Enter cancels, only y archives.
    @Test func aWarningMakesEnterCancel() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot)
        let plan = ArchivePlan(what: "x", from: "/demo/coderef/working/x", to: "/demo/coderef/archived/x", displayFrom: "coderef/working/x",
                               displayTo: "coderef/archived/x", warnings: ["the stub's status is planned"])
        state.overlay = .confirmArchive(plan)
        #expect(Render.screen(state).description.contains("y archive   Enter/Esc/n cancel"))
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(state.overlay == nil && state.message?.text == "nothing was moved")
        state.overlay = .confirmArchive(plan)
        #expect(Reducer.reduce(&state, .key(.character("y"))) == [.archive(plan)])
    }
}

/// A failure a person would want to hear about is said, not swallowed.
@Suite struct SaidNotSwallowedTests {
    @Test func aHandOffThatCannotBeRecordedIsSaid() throws {
        let workspace = try TemporaryWorkspace.demo("handoff-unrecorded")
        // The hub's own folder cannot be made: a file stands where it would be.
        try? FileManager.default.removeItem(atPath: workspace.path(".coderef/sessions-hub"))
        try workspace.write(".coderef/sessions-hub", "not a folder")
        let screen = ScreenHarness(workspace, size: Size(width: 120, height: 40))
        #expect(screen.runUntil { $0.state.list.rows.contains { if case .attention = $0 { return true } else { return false } } })
        screen.run(.yank)
        #expect(screen.runUntil { $0.state.message?.text.contains("the hand-off could not be recorded") == true })
    }
}

/// [FORMATS] A Markdown stub works on screen as a stub.json does: S starts it, and the screen sees
/// it promoted (its folder is watched).
@Suite struct MarkdownStubScreenTests {
    @Test func sStartsAMarkdownStubAndTheScreenSeesItPromoted() throws {
        let workspace = try TemporaryWorkspace("markdown-stub-screen")
        try workspace.write("coderef/stubs/STUB-K7Q2-dark-mode.md", """
        # STUB-K7Q2 — Dark mode
        - **ID:** STUB-K7Q2
        - **Feature:** dark-mode
        - **Status:** planned
        - **Agents:** web-client, docs-writer

        Follow the system theme.
        """)
        let screen = ScreenHarness(workspace, size: Size(width: 120, height: 40))
        #expect(screen.runUntil { $0.state.snapshot.stubs.contains { $0.featureName == "dark-mode" } })
        screen.select("dark-mode")
        screen.run(.start)
        #expect(screen.runUntil { if case .confirmStart = $0.state.overlay { return true } else { return false } })
        screen.run(.confirm, in: .dialog)
        #expect(screen.runUntil { $0.state.snapshot.stubs.first?.status.word == "promoted" && !$0.state.snapshot.sessions.isEmpty })
        #expect(try workspace.read("coderef/stubs/STUB-K7Q2-dark-mode.md").contains("- **Promoted to:** WO-DARK-MODE-001"))
    }
}

/// A person's [keys] reach the scenarios: with start and confirm moved to other keys, the same
/// scenario runs by the new keys, and the old ones no longer start anything.
@Suite struct ConfiguredKeysScenarioTests {
    @Test func aStartByRemappedKeys() throws {
        var settings = HubSettings()
        settings.keyOverrides = ["start": ["f5"], "confirm": ["f6"]]
        settings.keyOverridesSource = "test"
        let screen = ScreenHarness(try TemporaryWorkspace.demo("remapped-keys"), settings: settings)
        screen.select("parallel-docs-audit")
        screen.press(.character("S"))
        #expect(screen.state.overlay == nil, "S is no longer start")
        screen.run(.start)
        guard case .confirmStart? = screen.state.overlay else { Issue.record("F5 should start, got \(String(describing: screen.state.overlay))"); return }
        #expect(screen.screen.contains("F6"), "the dialog's footer names the configured key")
        screen.run(.confirm, in: .dialog)
        #expect(screen.runUntil { $0.state.detailSession?.name == "parallel-docs-audit-phase1" })
    }
}
