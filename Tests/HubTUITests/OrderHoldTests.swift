import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// While keys arrive, rows keep their places (htop's way); the new order comes when they stop.
@Suite struct OrderHoldTests {
    /// A session not in NEEDS YOU whose first agent becomes blocked: it enters NEEDS YOU, above the cursor.
    private func blockOneMore(_ workspace: TemporaryWorkspace, _ state: AppState) throws -> (String, WorkspaceSnapshot) {
        let session = try #require(state.snapshot.sessions.first { !$0.archived && state.board.worst($0.path) == nil && !$0.agents.isEmpty })
        _ = try StatusWriter.set("blocked", agent: session.agents[0], in: session, root: workspace.root, note: "needs a decision", now: Fixtures.now)
        return (session.path, try Fixtures.snapshot(of: workspace.root))
    }

    @Test func rowsKeepTheirPlacesWhileKeysArriveAndTakeTheNewOrderWhenTheyStop() throws {
        let (workspace, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot)
        Fixtures.press(&state, .down, .down, .down)
        let rows = state.list.rows
        let selected = try #require(state.selectedIdentity)
        let line = try #require(state.selectedRow) - state.listScroll
        let (blocked, next) = try blockOneMore(workspace, state)

        // Half a second after the last key: the same rows, in the same places, with the new contents.
        state.now = Fixtures.now.addingTimeInterval(0.5)
        _ = Reducer.reduce(&state, .snapshotLoaded(next))
        #expect(state.list.rows == rows, "the order is held")
        #expect(state.selectedIdentity == selected && state.selectedRow! - state.listScroll == line)
        #expect(state.board.worst(blocked)?.reason == .blocked, "the verdicts are live")
        #expect(state.newOrderWaits)

        // Keys stop: at the end of the hold the list takes its new order, the selection on the same item.
        _ = Reducer.reduce(&state, .tick(Fixtures.now.addingTimeInterval(AppState.orderHold + 0.1)))
        #expect(state.list.rows != rows && !state.newOrderWaits)
        #expect(state.list.rows.contains { if case .attention(let index) = $0 { return state.snapshot.sessions[index].path == blocked } else { return false } })
        #expect(state.selectedIdentity == selected)
    }

    @Test func withoutKeysANewOrderIsShownAtOnce() throws {
        let (workspace, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot)
        let rows = state.list.rows
        let (blocked, next) = try blockOneMore(workspace, state)
        _ = Reducer.reduce(&state, .snapshotLoaded(next))
        #expect(state.list.rows != rows && !state.newOrderWaits)
        #expect(state.list.rows.contains { if case .attention(let index) = $0 { return state.snapshot.sessions[index].path == blocked } else { return false } })
    }

    @Test func aNeedsYouRowSettledWhileHeldIsDrawnAsItsOrdinaryRow() throws {
        let (workspace, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot)
        Fixtures.press(&state, .down)
        guard case .attention(let index)? = state.list.rows.first(where: { if case .attention = $0 { return true } else { return false } }) else {
            Issue.record("the demo has NEEDS YOU rows"); return
        }
        let session = state.snapshot.sessions[index]
        // Everyone starts afresh: nothing about them needs the person.
        var next = state.snapshot
        next.sessions[index].orchestrator = nil
        next.sessions[index].agents = session.agents.map { AgentState(agentId: $0.agentId, status: Status("not_started")) }
        _ = workspace
        _ = Reducer.reduce(&state, .snapshotLoaded(next))
        #expect(state.board.worst(session.path) == nil, "it needs nothing now: \(String(describing: state.board.bySession[session.path]))")
        let row = try #require(state.list.rows.firstIndex(of: .attention(index)), "held in NEEDS YOU while keys arrive")
        let lines = Render.screen(state).description.split(separator: "\n", omittingEmptySubsequences: false)
        let line = String(lines[state.layout.listRows.y + row - state.listScroll])
        #expect(line.contains(session.name), "the held row still names its session: \(line)")
    }
}
