import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// The main views at the five sizes people really use, from a tiny split to a wall-sized terminal:
/// golden text and styles, and borders that nothing overwrites.
@Suite struct SizeGoldenTests {
    static let sizes: [(Int, Int)] = [(40, 10), (60, 20), (80, 24), (150, 45), (250, 70)]

    @Test(arguments: sizes)
    func mainViews(width: Int, height: Int) throws {
        let (workspace, snapshot) = try Fixtures.demo()
        let name = "\(width)x\(height)"
        var state = Fixtures.state(snapshot, width: width, height: height)

        let list = Render.screen(state)
        expectBordersIntact(list, name: "list \(name)")
        GoldenFile.check(list, "size-\(name)-list")

        Fixtures.press(&state, .enter, .up)  // Enter selects mobile-app (the blocked agent NEEDS YOU names); web-client is above it
        #expect(state.focus == .detail && state.selectedAgent?.agentId == "web-client")
        let session = Render.screen(state)
        expectBordersIntact(session, name: "session \(name)")
        // Agent ids stay readable at every size (they once all read `codere…` at 60 columns).
        #expect(session.description.contains("web-client"), "\(session.description)")
        GoldenFile.check(session, "size-\(name)-session")

        Fixtures.press(&state, .enter)
        _ = Reducer.reduce(&state, .agentDetailLoaded(session: state.detailSession!.path, agent: "web-client", history: [], preview: ["{", #"  "ok": true"#, "}"]))
        GoldenFile.check(Render.screen(state), "size-\(name)-agent")

        Fixtures.press(&state, .escape)
        let effects = Reducer.reduce(&state, .key(.character("i")))
        guard case .readFile(let path, let title)? = effects.first else { Issue.record("i read no file: \(effects)"); return }
        _ = Reducer.reduce(&state, .fileLoaded(title: title, text: try String(contentsOfFile: workspace.root + path.dropFirst(snapshot.root.count), encoding: .utf8), path: path))
        GoldenFile.check(Render.screen(state), "size-\(name)-viewer")

        Fixtures.press(&state, .escape, .character("?"))
        GoldenFile.check(Render.screen(state), "size-\(name)-help")
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
