import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// State + action → state + effects, no terminal.
@Suite struct ReducerTests {
    func demoState(width: Int = 120, height: Int = 40) throws -> (TemporaryWorkspace, AppState) {
        let (workspace, snapshot) = try Fixtures.demo()
        return (workspace, Fixtures.state(snapshot, width: width, height: height))
    }

    func selectedName(_ state: AppState) -> String? {
        switch state.selectedListRow {
        case .stub(let index)?: return state.snapshot.stubs[index].featureName
        case .session(let index, _)?: return state.snapshot.sessions[index].name
        case .attention(let index)?: return "needs:" + state.snapshot.sessions[index].name
        default: return nil
        }
    }

    @Test func startsOnTheFirstSelectableRowAndSkipsHeaders() throws {
        var (_, state) = try demoState()
        // What needs the person comes first: the blocked mobile-app, the unverified orchestrator.
        #expect(state.list.rows.first == .header("NEEDS YOU", count: 2))
        #expect(selectedName(state) == "needs:api-migration-phase1")
        Fixtures.press(&state, .down, .down)
        #expect(selectedName(state) == "api-migration", "the ACTIVE header is skipped")
        Fixtures.press(&state, .down, .down)
        #expect(selectedName(state) == "auth-token-rotation", "the STUBS header is skipped")
        Fixtures.press(&state, .character("k"), .character("k"), .character("k"), .character("k"), .character("k"), .up)
        #expect(selectedName(state) == "needs:api-migration-phase1", "moving up stops at the first row")
        Fixtures.press(&state, .character("G"))
        #expect(selectedName(state) == "dark-mode-toggle")
        Fixtures.press(&state, .character("g"))
        #expect(selectedName(state) == "needs:api-migration-phase1")
    }

    @Test func enterOpensAStubsLatestSessionAndFocusesItsAgents() throws {
        var (_, state) = try demoState()
        Fixtures.press(&state, .down, .down, .down)
        #expect(selectedName(state) == "search-index-rebuild")
        Fixtures.press(&state, .enter)
        #expect(state.focus == .detail)
        #expect(state.detailSession?.name == "search-index-rebuild-phase2")
        #expect(state.selectedAgent?.isOrchestrator == true)
        Fixtures.press(&state, .down, .down, .down)
        #expect(state.selectedAgent?.agentId == "api-server", "stops at the last agent")
        Fixtures.press(&state, .escape)
        #expect(state.focus == .list)
        #expect(state.detailSession?.name == "search-index-rebuild-phase2", "the opened session stays until the selection moves")
        Fixtures.press(&state, .down)
        if case .stub = state.detail {} else { Issue.record("moving the selection shows the new row") }
    }

    @Test func enterOnAStubWithoutSessionSaysSo() throws {
        var (_, state) = try demoState()
        Fixtures.press(&state, .character("G"), .enter)
        #expect(state.focus == .list)
        #expect(state.message?.text.contains("has no session yet") == true)
        _ = Reducer.reduce(&state, .tick(Fixtures.now.addingTimeInterval(Reducer.messageLifetime + 1)))
        #expect(state.message == nil, "messages expire")
    }

    @Test func tabSwitchesPanes() throws {
        var (_, state) = try demoState()
        Fixtures.press(&state, .tab)
        #expect(state.focus == .detail)
        Fixtures.press(&state, .tab)
        #expect(state.focus == .list)
    }

    @Test func overlaysCaptureKeysAndCloseWithEscOrQ() throws {
        var (_, state) = try demoState()
        Fixtures.press(&state, .character("?"))
        #expect(state.overlay == .help(scroll: 0))
        Fixtures.press(&state, .down)
        #expect(state.overlay == .help(scroll: 1))
        #expect(selectedName(state) == "needs:api-migration-phase1", "keys under a dialog do not move the list")
        var effects = Reducer.reduce(&state, .key(.character("q")))
        #expect(state.overlay == nil && effects.isEmpty, "q closes the dialog, not the program")
        Fixtures.press(&state, .character("p"))
        #expect(state.overlay == .problems(scroll: 0))
        Fixtures.press(&state, .escape)
        #expect(state.overlay == nil)
        effects = Reducer.reduce(&state, .key(.character("q")))
        #expect(effects == [.quit])
        #expect(Reducer.reduce(&state, .key(.control("c"))) == [.quit])
        #expect(Reducer.reduce(&state, .terminate) == [.quit])
    }

    @Test func reloadAsksForASnapshotAndKeepsTheSelectionByIdentity() throws {
        var (workspace, state) = try demoState()
        Fixtures.press(&state, .down, .down, .down, .down, .down)
        #expect(selectedName(state) == "parallel-docs-audit")
        #expect(Reducer.reduce(&state, .key(.character("r"))) == [.reload])
        #expect(state.loading)
        // A new stub that sorts before the selection appears: the selection stays on the same stub.
        try workspace.write("coderef/working/aardvark/stub.json", #"{"feature_name": "aardvark", "status": "planning", "priority": "critical"}"#)
        _ = Reducer.reduce(&state, .snapshotLoaded(try Fixtures.snapshot(of: workspace.root)))
        #expect(!state.loading)
        #expect(selectedName(state) == "parallel-docs-audit")
        // The selected stub disappears: the selection moves to a neighbour, never off the list.
        try FileManager.default.removeItem(atPath: workspace.path("coderef/working/parallel-docs-audit"))
        _ = Reducer.reduce(&state, .snapshotLoaded(try Fixtures.snapshot(of: workspace.root)))
        #expect(state.selectedListRow?.isSelectable == true)
    }

    @Test func agentSelectionSurvivesAReload() throws {
        var (workspace, state) = try demoState()
        Fixtures.press(&state, .enter, .up)  // Enter selects mobile-app (the blocked agent NEEDS YOU names); web-client is above it
        #expect(state.selectedAgent?.agentId == "web-client")
        _ = Reducer.reduce(&state, .snapshotLoaded(try Fixtures.snapshot(of: workspace.root)))
        #expect(state.selectedAgent?.agentId == "web-client")
        #expect(state.focus == .detail)
    }

    @Test func selectionStaysVisibleWhenScrollingAndResizing() throws {
        let workspace = try TemporaryWorkspace("scroll")
        for index in 0..<60 { try workspace.write("coderef/working/idea-\(String(format: "%02d", index))/stub.json", #"{"status": "planning"}"#) }
        var state = Fixtures.state(try Fixtures.snapshot(of: workspace.root), width: 80, height: 20)
        let visible = ScreenLayout(size: state.size).listRows.height
        Fixtures.press(&state, .pageDown, .pageDown)
        let row = try #require(state.selectedRow)
        #expect(row >= state.listScroll && row < state.listScroll + visible)
        _ = Reducer.reduce(&state, .resize(Size(width: 80, height: 12)))
        let smaller = ScreenLayout(size: state.size).listRows.height
        #expect(row >= state.listScroll && row < state.listScroll + smaller)
        Fixtures.press(&state, .character("G"))
        #expect(state.listScroll == state.list.rows.count - smaller)
        Fixtures.press(&state, .character("g"))
        #expect(state.listScroll == 0, "the group header above the first row is shown")
    }

    @Test func unknownKeysSayWhatToDo() throws {
        var (_, state) = try demoState()
        Fixtures.press(&state, .character("Z"))
        #expect(state.message?.text.contains("? lists the keys") == true)
    }

    @Test func helpIsGeneratedFromTheKeymap() {
        // Every binding's keys and its whole text (wrapped under itself, never cut) are in the help.
        let lines = Overlays.helpLines(.standard, width: 60)
        let text = lines.map { $0.map(\.0).joined().trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let squeezed = text.split(separator: " ").joined(separator: " ")
        for binding in Keymap.standard.bindings {
            #expect(squeezed.contains(binding.help.split(separator: " ").joined(separator: " ")), "\(binding.help)")
            #expect(lines.contains { $0.first?.0.hasPrefix(binding.keys.map(\.description).joined(separator: " ")) == true })
        }
        #expect(lines.allSatisfy { DisplayWidth.of($0.map(\.0).joined()) <= 60 })
    }
}

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("日", 2), ("🚀", 2), ("✅", 2), ("é", 1), ("e\u{301}", 1), ("❤️", 1), ("⚠", 1), ("✓", 1), ("─", 1),
        ("한", 2), ("ｱ", 1), ("Ａ", 2),
    ])
    func widths(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func troublesomeClustersAreReplaced() {
        #expect(DisplayWidth.glyph("👨‍👩‍👧").text == "👨")
        #expect(DisplayWidth.glyph("🇯🇵").text == "JP")
        #expect(DisplayWidth.glyph("❤️").text == "❤")
        #expect(DisplayWidth.glyph("👍🏽").text == "👍")
        #expect(DisplayWidth.glyph("1️⃣").text == "1")
    }

    @Test func truncationNeverSplitsACharacter() {
        #expect(TextFit.pad("日本語テキスト", 7) == "日本語…")
        #expect(TextFit.pad("日本語テキスト", 6) == "日本… ")
        #expect(TextFit.pad("abc", 5) == "abc  ")
        #expect(TextFit.pad("abcdef", 4) == "abc…")
        #expect(TextFit.pad("🚀🚀🚀", 5) == "🚀🚀…")
        #expect(TextFit.pad("x\u{1B}[31my", 10) == "x[31my    ", "controls never reach the screen")
    }

    @Test func canvasOverwritesHalfOfAWideGlyphCleanly() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("日本語", x: 0, y: 0, role: .text)
        canvas.put("x", x: 1, y: 0, role: .text)
        let line = canvas.lines.first ?? ""
        #expect(line == " x本語", "got \(Array(line.unicodeScalars))")
        canvas.put("🚀", x: 5, y: 0, role: .text)
        #expect(canvas.lines.first == " x本語", "a wide glyph that does not fit is not drawn")
    }

    @Test func canvasRendersAtDegenerateSizes() {
        for (width, height) in [(0, 0), (1, 1), (20, 5)] {
            var canvas = Canvas(width: width, height: height)
            canvas.put("hello 日本", x: 0, y: 0, role: .text)
            canvas.fill(Rect(x: -3, y: -3, width: 100, height: 100), role: .selection)
            #expect(canvas.lines.count == height)
        }
    }

    @Test func wrapBreaksAtSpaces() {
        #expect(TextFit.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextFit.wrap("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
        #expect(TextFit.wrap("a\nb", width: 5) == ["a", "b"])
    }
}

@Suite struct MouseTests {
    @Test func clicksSelectRowsAndAgents() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot)
        let rows = ScreenLayout(size: state.size).listRows
        // Row 8 of the list is "parallel-docs-audit" (NEEDS YOU header, 2 sessions, ACTIVE header,
        // 2 stubs, STUBS header, auth-token-rotation, parallel-docs-audit).
        _ = Reducer.reduce(&state, .key(.click(x: rows.x + 3, y: rows.y + 8)))
        if case .stub(let stub) = state.detail { #expect(stub.featureName == "parallel-docs-audit") } else { Issue.record("a stub should be selected") }
        _ = Reducer.reduce(&state, .key(.click(x: rows.x + 3, y: rows.y + 0)))
        #expect(state.selectedRow == 8, "a header is not selectable")
        Fixtures.press(&state, .character("g"))
        let session = try #require(state.detailSession ?? { Fixtures.press(&state, .enter); return state.detailSession }())
        let agents = SessionDetailLayout(session: session, inner: ScreenLayout(size: state.size).detailInner).agents
        _ = Reducer.reduce(&state, .key(.click(x: agents.x + 4, y: agents.y + 2)))
        #expect(state.focus == .detail)
        #expect(state.agentIndex == 2)
    }

    @Test func theWheelScrollsThePaneUnderThePointer() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot)
        _ = Reducer.reduce(&state, .key(.wheelDown(x: 2, y: 5)))
        #expect(state.selectedRow == 5)
        Fixtures.press(&state, .character("?"))
        _ = Reducer.reduce(&state, .key(.wheelDown(x: 50, y: 10)))
        #expect(state.overlay == .help(scroll: 3))
    }
}

@Suite(.enabled(if: TestPaths.corpusExists)) struct FilterTests {
    @Test func typingNarrowsTheListAndEscapeClearsIt() throws {
        let workspace = try TemporaryWorkspace("filter")
        try workspace.copyContents(of: TestPaths.corpus)
        var state = Fixtures.state(try Fixtures.snapshot(of: workspace.root))
        let everything = state.list.rows.count
        Fixtures.press(&state, .character("/"), .character("c"), .character("s"), .character("v"))
        #expect(state.filtering && state.filter == "csv")
        #expect(state.list.rows.count < everything)
        #expect(Render.screen(state).description.contains("csv-ecosystem-sync"))
        Fixtures.press(&state, .enter)
        #expect(!state.filtering && state.filter == "csv", "Enter keeps the filter and returns to the list")
        Fixtures.press(&state, .character("/"), .character("z"), .character("z"), .character("z"))
        #expect(state.list.rows.isEmpty)
        #expect(Render.screen(state).description.contains("Nothing matches /csvzzz"))
        Fixtures.press(&state, .backspace, .backspace, .backspace, .escape)
        #expect(state.filter.isEmpty && !state.filtering)
        #expect(state.list.rows.count == everything)
    }

    @Test func wordsMatchIdsTagsAgentsAndStatus() throws {
        var state = Fixtures.state(try Fixtures.snapshot(of: TestPaths.corpus))
        state.setFilter("stub-094")
        #expect(state.list.rows.filter(\.isSelectable).count == 1)
        state.setFilter("papertrail complete")
        #expect(state.list.rows.contains { if case .session = $0 { return true } else { return false } })
    }
}

@Suite struct FileViewerTests {
    @Test func cAndIAskForTheRightFile() throws {
        let (workspace, snapshot) = try Fixtures.demo()
        var state = AppState(snapshot: snapshot, size: Size(width: 120, height: 40), now: Fixtures.now, context: AppContext(layout: WorkspaceLayout(root: workspace.root)))
        _ = Reducer.reduce(&state, .resize(state.size))
        Fixtures.press(&state, .enter, .up)  // Enter selects mobile-app (the blocked agent NEEDS YOU names); web-client is above it
        #expect(Reducer.reduce(&state, .key(.character("c"))) == [.readFile(path: workspace.path(".coderef/sessions/api-migration-phase1/web-client/communication.json"), title: ".coderef/sessions/api-migration-phase1/web-client/communication.json")])
        #expect(Reducer.reduce(&state, .key(.character("i"))) == [.readFile(path: workspace.path(".coderef/sessions/api-migration-phase1/instructions.json"), title: ".coderef/sessions/api-migration-phase1/instructions.json")])
        _ = Reducer.reduce(&state, .fileLoaded(title: "x.json", text: "{\n  \"a\": \"\u{1B}[31m\"\n}"))
        guard case .file(let view)? = state.overlay, view.scroll == 0 else { Issue.record("the viewer should be open"); return }
        #expect(view.lines == ["{", "  \"a\": \"[31m\"", "}"], "controls never reach the screen")
        Fixtures.press(&state, .down, .down, .down, .down)
        guard case .file(let scrolled)? = state.overlay else { Issue.record("still open"); return }
        #expect(scrolled.scroll == 2, "stops at the last line")
        Fixtures.press(&state, .escape)
        #expect(state.overlay == nil)
    }

    @Test func searchWrapAndEditInTheViewer() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot)
        let long = String(repeating: "word ", count: 60)
        let text = (0..<50).map { "line \($0)" }.joined(separator: "\n") + "\n" + long + "\nneedle here\nand a needle again"
        _ = Reducer.reduce(&state, .fileLoaded(title: "f.json", text: text, path: "/ws/f.json"))
        Fixtures.press(&state, .character("/"), .character("n"), .character("e"), .character("e"), .character("d"), .character("l"), .character("e"), .enter)
        guard case .file(let found)? = state.overlay else { Issue.record("the viewer should be open"); return }
        #expect(found.match == 51 && found.scroll == 51, "the first match")
        Fixtures.press(&state, .character("n"))
        guard case .file(let next)? = state.overlay else { return }
        #expect(next.match == 52)
        Fixtures.press(&state, .character("N"))
        guard case .file(let previous)? = state.overlay else { return }
        #expect(previous.match == 51)
        let screen = Render.screen(state).description
        #expect(screen.contains("needle here") && screen.contains("line 52 of 53"))
        // The long line wraps by default: it shows in full over several rows.
        Fixtures.press(&state, .character("g"))
        for _ in 0..<50 { Fixtures.press(&state, .down) }
        #expect(Render.screen(state).description.components(separatedBy: "word word").count > 20)
        Fixtures.press(&state, .character("w"), .right)
        guard case .file(let unwrapped)? = state.overlay else { return }
        #expect(!unwrapped.wrap && unwrapped.column == 8)
        #expect(Reducer.reduce(&state, .key(.character("e"))) == [.edit(path: "/ws/f.json")])
    }
}

/// The README's key table and the keymap that dispatches keys say the same keys.
@Suite struct ReadmeKeyTableTests {
    @Test func everyKeyInTheKeymapIsInTheReadmeAndBack() throws {
        let readme = try String(contentsOfFile: TestPaths.packageRoot + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "| key | does |"))
        let table = readme[start.upperBound...].prefix { _ in true }.split(separator: "\n").dropFirst().prefix { $0.hasPrefix("|") }
        var documented = Set<String>()
        for row in table {
            let first = row.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
            for piece in first.split(separator: "`").enumerated() where piece.offset % 2 == 1 { documented.insert(String(piece.element)) }
        }
        let bound = Set(Keymap.standard.bindings.filter { $0.scope == .list }.flatMap { $0.keys.map(\.description) })
        #expect(bound.subtracting(documented).isEmpty, "keys the README does not list: \(bound.subtracting(documented).sorted())")
        #expect(documented.subtracting(bound).isEmpty, "README keys nothing is bound to: \(documented.subtracting(bound).sorted())")

        // Dialogs, the picker and the viewer: their own table, keys and config names.
        let scopedStart = try #require(readme.range(of: "| where | key | does |"))
        let rows = readme[scopedStart.upperBound...].split(separator: "\n").dropFirst().prefix { $0.hasPrefix("|") }
        var scoped = Set<String>()
        var names = Set<String>()
        for row in rows {
            let cells = row.split(separator: "|", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 3, let scope = KeyScope(rawValue: cells[0]) else { continue }
            for text in [cells[1], cells[2]] {
                for piece in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() where piece.offset % 2 == 1 { scoped.insert(scope.rawValue + " " + piece.element) }
            }
            if let open = cells[2].lastIndex(of: "[") { names.formUnion(cells[2][cells[2].index(after: open)...].dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        }
        for binding in Keymap.standard.bindings where binding.scope != .list {
            for key in binding.keys { #expect(scoped.contains(binding.scope.rawValue + " " + key.description), "README does not list \(key) in \(binding.scope.rawValue)") }
            #expect(names.contains(binding.command.configName), "README does not name \(binding.command.configName)")
        }
    }
}
