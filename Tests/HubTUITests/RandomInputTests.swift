import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// Thousands of random keys, clicks, resizes and reloads: the reducer and render never crash, the
/// selection always points at a selectable row, and every frame is exactly the terminal's size.
@Suite struct RandomInputTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func neverCrashes(seed: UInt64) throws {
        let (_, demo) = try Fixtures.demo()
        let corpus = TestPaths.corpusExists ? try Fixtures.snapshot(of: TestPaths.corpus, fileAge: 60) : demo
        var random = Generator(state: seed)
        var state = Fixtures.state(corpus, width: 100, height: 30)
        let keys: [Key] = [.up, .down, .pageUp, .pageDown, .home, .end, .enter, .tab, .escape, .left, .right, .backspace,
                           .character("j"), .character("k"), .character("g"), .character("G"), .character("?"), .character("p"),
                           .character("S"), .character("y"), .character("Y"), .character("L"), .character("/"), .character("c"),
                           .character("i"), .character("x"), .character(" "), .character("a"), .character("n"), .control("u")]
        for step in 0..<1500 {
            let roll = Int.random(in: 0..<100, using: &random)
            let action: Action
            switch roll {
            case 0..<70: action = .key(keys.randomElement(using: &random)!)
            case 70..<80: action = .key(.click(x: Int.random(in: 0..<state.size.width + 2, using: &random), y: Int.random(in: 0..<state.size.height + 2, using: &random)))
            case 80..<85: action = .key(.wheelDown(x: Int.random(in: 0..<120, using: &random), y: 3))
            case 85..<92: action = .resize(Size(width: Int.random(in: 0...160, using: &random), height: Int.random(in: 0...60, using: &random)))
            case 92..<96: action = .snapshotLoaded(Bool.random(using: &random) ? demo : corpus)
            default: action = .tick(Fixtures.now.addingTimeInterval(Double(step)))
            }
            _ = Reducer.reduce(&state, action)
            if let row = state.selectedRow { #expect(state.list.rows.indices.contains(row) && state.list.rows[row].isSelectable) }
            let canvas = Render.screen(state)
            #expect(canvas.lines.allSatisfy { DisplayWidth.of($0) == state.size.width }, "every row is the terminal's width in cells")
        }
    }
}
