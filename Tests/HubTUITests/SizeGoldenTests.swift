import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// The main views (list, session, agent, file viewer, help) at the sizes people really use. Golden
/// text and styles at the two sizes the goldens keep (the smallest the screen draws, and 80×24); at
/// the others, what must hold at any size: borders that nothing overwrites, agent ids whole, every
/// row exactly the terminal's width (nothing cut in the middle of a wide character).
@Suite struct SizeGoldenTests {
    static let goldenSizes: [(Int, Int)] = [(40, 10), (80, 24)]
    static let otherSizes: [(Int, Int)] = [(60, 20), (100, 30), (150, 45), (250, 70)]

    /// The five views at a size, by name, from the demo (the session is api-migration's).
    func mainViews(width: Int, height: Int) throws -> [(String, Canvas)] {
        let (workspace, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot, width: width, height: height)
        var views: [(String, Canvas)] = [("list", Render.screen(state))]
        Fixtures.press(&state, .enter, .up)  // Enter selects mobile-app (the blocked agent NEEDS YOU names); web-client is above it
        #expect(state.focus == .detail && state.selectedAgent?.agentId == "web-client")
        views.append(("session", Render.screen(state)))
        Fixtures.press(&state, .enter)
        _ = Reducer.reduce(&state, .agentDetailLoaded(session: state.detailSession!.path, agent: "web-client", history: [], preview: ["{", #"  "ok": true"#, "}"]))
        views.append(("agent", Render.screen(state)))
        Fixtures.press(&state, .escape)
        let effects = Reducer.reduce(&state, .key(.character("i")))
        guard case .readFile(let path, let title)? = effects.first else { Issue.record("i read no file: \(effects)"); return views }
        _ = Reducer.reduce(&state, .fileLoaded(title: title, text: try String(contentsOfFile: workspace.root + path.dropFirst(snapshot.root.count), encoding: .utf8), path: path))
        views.append(("viewer", Render.screen(state)))
        Fixtures.press(&state, .escape, .character("?"))
        views.append(("help", Render.screen(state)))
        return views
    }

    @Test(arguments: goldenSizes)
    func goldens(width: Int, height: Int) throws {
        for (view, canvas) in try mainViews(width: width, height: height) {
            expectWhole(canvas, name: "\(view) \(width)x\(height)")
            if view == "list" || view == "session" { expectBordersIntact(canvas, name: "\(view) \(width)x\(height)") }
            GoldenFile.check(canvas, "size-\(width)x\(height)-\(view)")
        }
    }

    @Test(arguments: otherSizes)
    func propertiesAtOtherSizes(width: Int, height: Int) throws {
        let views = Dictionary(uniqueKeysWithValues: try mainViews(width: width, height: height))
        for (view, canvas) in views.sorted(by: { $0.key < $1.key }) { expectWhole(canvas, name: "\(view) \(width)x\(height)") }
        for view in ["list", "session"] { if let canvas = views[view] { expectBordersIntact(canvas, name: "\(view) \(width)x\(height)") } }
        // Agent ids stay readable at every size (they once all read `codere…` at 60 columns).
        let session = try #require(views["session"]).description
        for id in ["web-client", "mobile-app", "api-server"] { #expect(session.contains(id), "\(id) whole at \(width)x\(height)") }
        // The help overlay is a box inside the screen: its title and its closing key are both in view.
        let help = try #require(views["help"]).description
        #expect(help.contains("Keys") && help.contains("Esc close"))
    }

    /// Every row is the terminal's width in cells, and no character was cut: no replacement
    /// character, no control character.
    func expectWhole(_ canvas: Canvas, name: String) {
        for (y, line) in canvas.lines.enumerated() {
            #expect(DisplayWidth.of(line) == canvas.width, "\(name) row \(y) is \(DisplayWidth.of(line)) cells, not \(canvas.width)")
            #expect(!line.unicodeScalars.contains { $0 == "\u{FFFD}" || TerminalText.isControl($0) }, "\(name) row \(y): \(line)")
        }
    }

    /// The views this session added, at an everyday size: the timeline, the workorders (list and a
    /// plan), the ad-hoc session form and the dispatch dialog.
    @Test func lifecycleViews() throws {
        let (workspace, snapshot) = try Fixtures.demo()
        var state = AppState(snapshot: snapshot, size: Size(width: 100, height: 30), now: Fixtures.now,
                             context: AppContext(layout: WorkspaceLayout(root: snapshot.root), insideTmux: true))
        _ = Reducer.reduce(&state, .resize(state.size))
        Fixtures.press(&state, .down, .down, .down, .character("t"))
        GoldenFile.check(Render.screen(state), "lifecycle-timeline")
        Fixtures.press(&state, .escape, .character("w"))
        let workorders = Render.screen(state)
        expectBordersIntact(workorders, name: "workorders")
        GoldenFile.check(workorders, "lifecycle-workorders")
        Fixtures.press(&state, .enter)
        GoldenFile.check(Render.screen(state), "lifecycle-workorder-plan")
        Fixtures.press(&state, .escape, .escape, .character("N"), .character("f"), .character("i"), .character("x"), .tab, .character("a"))
        GoldenFile.check(Render.screen(state), "lifecycle-new-session")
        Fixtures.press(&state, .escape, .character("g"), .enter)
        let session = try #require(state.detailSession)
        let proposal = try DispatchProposal.make(session: session, agentIds: ["docs-writer"], nextWave: false, records: [:], settings: HubSettings(),
                                                 root: snapshot.root, trust: nil, home: nil, paneIsOpen: { _ in false }).get()
        _ = Reducer.reduce(&state, .dispatchPlanned(.success(proposal)))
        GoldenFile.check(Render.screen(state), "lifecycle-dispatch")
        withExtendedLifetime(workspace) {}
    }

    /// In ASCII mode (LANG=C, --ascii) every view draws plain ASCII, the new ones too.
    @Test func everyViewIsPlainASCIIInASCIIMode() throws {
        let (workspace, snapshot) = try Fixtures.demo()
        var state = AppState(snapshot: snapshot, size: Size(width: 100, height: 30), now: Fixtures.now, glyphs: .ascii,
                             context: AppContext(layout: WorkspaceLayout(root: snapshot.root), insideTmux: true))
        _ = Reducer.reduce(&state, .resize(state.size))
        let sequences: [[Key]] = [[], [.enter], [.enter, .enter], [.down, .down, .down, .character("t")], [.character("w")], [.character("w"), .enter],
                                  [.character("N")], [.character("?")], [.character("p")], [.enter, .character("L")], [.character("H")]]
        for keys in sequences {
            var copy = state
            for key in keys { _ = Reducer.reduce(&copy, .key(key)) }
            let text = Render.screen(copy).description
            let foreign = text.unicodeScalars.filter { !$0.isASCII }
            #expect(foreign.isEmpty, "\(keys): \(String(String.UnicodeScalarView(foreign.prefix(10))))")
        }
        withExtendedLifetime(workspace) {}
        _ = state
    }

    /// Every row is exactly as wide as the screen and starts and ends on the pane's border.
    func expectBordersIntact(_ canvas: Canvas, name: String) {
        let lines = canvas.lines
        for (y, line) in lines.enumerated() {
            #expect(DisplayWidth.of(line) == canvas.width, "\(name) row \(y) is \(DisplayWidth.of(line)) wide")
            guard y < lines.count - 1 else { continue }
            let first = line.first.map(String.init) ?? ""
            let last = line.last.map(String.init) ?? ""
            #expect(["┌", "│", "└"].contains(first) && ["┐", "│", "┘", "▲", "▼"].contains(last), "\(name) row \(y): \(line)")
        }
    }
}
