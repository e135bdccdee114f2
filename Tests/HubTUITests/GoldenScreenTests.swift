import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

@Suite struct GoldenScreenTests {
    @Test func demoOpens() throws {
        let (_, snapshot) = try Fixtures.demo()
        GoldenFile.check(Render.screen(Fixtures.state(snapshot)), "demo-start")
    }

    @Test func demoSessionWithAgentFocused() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot)
        Fixtures.press(&state, .enter, .up)  // Enter selects mobile-app (the blocked agent NEEDS YOU names); web-client is above it
        #expect(state.focus == .detail)
        #expect(state.selectedAgent?.agentId == "web-client")
        GoldenFile.check(Render.screen(state), "demo-session-agents")
    }

    @Test func demoStubDetail() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot)
        Fixtures.press(&state, .character("G"))
        GoldenFile.check(Render.screen(state), "demo-stub-detail")
    }

    @Test func helpOverlay() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot)
        Fixtures.press(&state, .character("?"))
        GoldenFile.check(Render.screen(state), "demo-help")
    }

    @Test func asciiMode() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot, width: 100, height: 30, glyphs: .ascii)
        Fixtures.press(&state, .enter)
        GoldenFile.check(Render.screen(state), "demo-ascii")
    }

    @Test(.enabled(if: TestPaths.corpusExists))
    func corpusOpens() throws {
        let workspace = try TemporaryWorkspace("golden-corpus")
        try workspace.copyContents(of: TestPaths.corpus)
        let snapshot = try Fixtures.snapshot(of: workspace.root, rebasedTo: "/corpus")
        var state = Fixtures.state(snapshot)
        GoldenFile.check(Render.screen(state), "corpus-start")
        Fixtures.press(&state, .down, .down, .down, .down, .down, .enter)
        GoldenFile.check(Render.screen(state), "corpus-csv-session")
        Fixtures.press(&state, .escape, .character("p"))
        GoldenFile.check(Render.screen(state), "corpus-problems")
    }

    @Test func wideCharactersKeepBordersAligned() throws {
        let workspace = try TemporaryWorkspace("golden-wide")
        try workspace.write("coderef/working/日本語の機能/stub.json", #"{"feature_name": "日本語の機能 with a long tail that must be cut", "status": "ready", "priority": "high", "description": "絵文字 🚀🔥 and a family 👨‍👩‍👧 and a flag 🇯🇵 and ❤️ with VS16 and é combining"}"#)
        try workspace.write("coderef/working/rocket/stub.json", #"{"feature_name": "🚀 rocket 👨‍👩‍👧‍👦 family 🇫🇷", "status": "in_progress", "breaking_changes": true}"#)
        try workspace.write(".coderef/sessions/宇宙-phase1/communication.json", #"{"workorder_id": "WO-宇宙-001", "agents": [{"agent_id": "エージェント-一", "status": "complete"}, {"agent_id": "agent-🚀", "status": "in_progress"}]}"#)
        let snapshot = try Fixtures.snapshot(of: workspace.root)
        var state = Fixtures.state(snapshot, width: 100, height: 24)
        let canvas = Render.screen(state)
        // Every row is exactly as wide as the screen: borders line up.
        for line in canvas.lines { #expect(DisplayWidth.of(line) == 100, "\(line)") }
        GoldenFile.check(canvas, "wide-characters")
        Fixtures.press(&state, .down, .down)
        GoldenFile.check(Render.screen(state), "wide-characters-stub")
    }

    @Test func twoHundredAgentsScroll() throws {
        let workspace = try TemporaryWorkspace("golden-many")
        let agents = (1...200).map { #"{"agent_id": "agent-\#($0)", "status": "\#(["complete", "in_progress", "not_started", "blocked"][$0 % 4])"}"# }
        try workspace.write(".coderef/sessions/swarm/communication.json", #"{"workorder_id": "WO-SWARM-001", "orchestrator": {"agent_id": "queen", "status": "in_progress"}, "agents": [\#(agents.joined(separator: ","))]}"#)
        let snapshot = try Fixtures.snapshot(of: workspace.root)
        var state = Fixtures.state(snapshot)
        Fixtures.press(&state, .enter, .pageDown, .pageDown, .down)
        #expect(state.agentScroll > 0)
        GoldenFile.check(Render.screen(state), "many-agents")
        Fixtures.press(&state, .character("G"))
        #expect(state.selectedAgent?.agentId == "agent-200")
        GoldenFile.check(Render.screen(state), "many-agents-end")
    }

    @Test(arguments: [(0, 0), (1, 1), (20, 5), (39, 10), (40, 9), (40, 10), (60, 12), (80, 24)])
    func everySizeRendersWithoutCrashing(width: Int, height: Int) throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot, width: width, height: height)
        for key: Key in [.enter, .down, .character("?"), .escape, .character("p"), .escape, .tab, .character("G")] {
            _ = Reducer.reduce(&state, .key(key))
            let canvas = Render.screen(state)
            #expect(canvas.lines.count == height && canvas.lines.allSatisfy { DisplayWidth.of($0) == width }, "every row is the terminal's width in cells")
        }
        if width >= 40 && height >= 10 {
            #expect(!Render.screen(state).description.contains("too small"))
        } else if width > 20 && height > 3 {
            #expect(Render.screen(state).description.contains("too small"))
        }
    }

    @Test func tinySizesAreGolden() throws {
        let (_, snapshot) = try Fixtures.demo()
        GoldenFile.check(Render.screen(Fixtures.state(snapshot, width: 30, height: 8)), "too-small")
        GoldenFile.check(Render.screen(Fixtures.state(snapshot, width: 40, height: 10)), "minimum-size")
    }
}
