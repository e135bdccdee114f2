import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// [REMOTE] A far workspace's rows in the same list: a group per remote, its sessions in NEEDS YOU
/// merged worst-first with the local ones, `/@build` to see only it, its last good rows kept and
/// marked while the link is down.
@Suite struct RemoteRowsTests {
    /// The demo workspace here, and the demo workspace again as the far side `build` (what its hub's
    /// summary resource sends).
    static func state(width: Int = 120, height: Int = 40) throws -> (TemporaryWorkspace, AppState, RemoteSummary) {
        let (workspace, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot, width: width, height: height)
        let far = try #require(RemoteSummary(status: RemoteSummary.json(snapshot, now: Fixtures.now, policy: EvidencePolicy())))
        _ = Reducer.reduce(&state, .remoteChanged(RemoteView(name: "build", reachable: true, since: Fixtures.now, summary: far)))
        return (workspace, state, far)
    }

    /// What each row says, as a person reads it: `needs:name`, `@build:name`, headers as `# TITLE`.
    static func names(_ state: AppState) -> [String] {
        state.list.rows.map { row in
            switch row {
            case .header(let title, let count): return "# \(title) (\(count))"
            case .stub(let index): return state.snapshot.stubs[index].featureName
            case .session(let index, _): return state.snapshot.sessions[index].name
            case .attention(let index): return "needs:" + state.snapshot.sessions[index].name
            case .remote(let remote, let item):
                let view = state.remotes[remote], summary = view.summary
                switch item {
                case .header(let count): return "# @\(view.name) (\(count))"
                case .stub(let index): return "@\(view.name):" + summary!.stubs[index].name
                case .session(let index): return "@\(view.name):" + summary!.sessions[index].name
                case .attention(let index): return "needs:@\(view.name):" + WorkspacePaths.lastComponent(summary!.attention[index].session)
                }
            }
        }
    }

    @Test func aRemotesRowsFollowTheLocalOnesAndItsNeedsMergeWorstFirst() throws {
        let (workspace, state, far) = try Self.state()
        let rows = Self.names(state)
        let local = state.board.orderedIndices.count
        #expect(rows.first == "# NEEDS YOU (\(2 * local))", "\(rows)")
        // Same reasons on both sides: each local item, then the far one like it.
        let needs = Array(rows.dropFirst().prefix(2 * local))
        #expect(needs[0] == "needs:api-migration-phase1" && needs[1] == "needs:@build:api-migration-phase1", "\(needs)")
        let header = try #require(rows.firstIndex { $0.hasPrefix("# @build") })
        let farRows = rows[(header + 1)...]
        let expected = far.sessions.filter { !$0.archived }.count + far.stubs.filter { !$0.archived && !$0.promoted }.count
        #expect(rows[header] == "# @build (\(expected))" && farRows.count == expected, "\(rows)")
        #expect(farRows.allSatisfy { $0.hasPrefix("@build:") })
        // Its unfinished sessions come before the finished ones.
        let order = farRows.compactMap { name in far.sessions.first { "@build:" + $0.name == name } }
        #expect(order.map(\.status.isFinished) == order.map(\.status.isFinished).sorted { !$0 && $1 }, "\(order.map(\.name))")
        withExtendedLifetime(workspace) {}
    }

    @Test func atNameFiltersToThatRemoteAndOtherWordsNarrowItsRows() throws {
        var (workspace, state, _) = try Self.state()
        state.setFilter("@bu")
        var rows = Self.names(state)
        #expect(rows.allSatisfy { $0.contains("@build") || $0.hasPrefix("# NEEDS") }, "no local row: \(rows)")
        #expect(rows.contains("needs:@build:api-migration-phase1"))
        state.setFilter("@build blocked")
        rows = Self.names(state)
        #expect(rows.contains("@build:api-migration-phase1") && !rows.contains { $0.contains("search-index") }, "\(rows)")
        state.setFilter("search")
        rows = Self.names(state)
        #expect(rows.contains("search-index-rebuild") && rows.contains { $0.hasPrefix("@build:search-index") }, "local and far alike: \(rows)")
        state.setFilter("@elsewhere")
        #expect(state.list.rows.isEmpty, "a remote nobody follows: nothing")
        withExtendedLifetime(workspace) {}
    }

    @Test func anUnreachableRemoteKeepsItsRowsMarkedWithWhenAndWhy() throws {
        var (workspace, state, far) = try Self.state()
        let down = Fixtures.now.addingTimeInterval(-600)
        _ = Reducer.reduce(&state, .remoteChanged(RemoteView(name: "build", reachable: false, since: down, error: "ssh: Connection refused", summary: far)))
        #expect(Self.names(state).contains("@build:api-migration-phase1"), "the last good rows are kept")
        // The group's header says it (cut to the pane), the detail of a far row says it whole.
        state.selectedRow = try #require(state.list.rows.firstIndex { if case .remote(_, .session) = $0 { return true } else { return false } })
        let screen = Render.screen(state).description
        #expect(screen.contains("@build (6) · unreachable since"), "\(screen)")
        #expect(screen.contains("@build unreachable since \(Timestamp.short(down))") && screen.contains("ssh: Connection refused"), "\(screen)")
        withExtendedLifetime(workspace) {}
    }

    @Test func theSelectionStaysOnAFarRowWhenItsRemoteChanges() throws {
        var (workspace, state, far) = try Self.state()
        let target = try #require(state.list.rows.firstIndex { if case .remote(_, .session) = $0 { return true } else { return false } })
        state.selectedRow = target
        let identity = state.selectedIdentity
        guard case .remote("build", .session(let path))? = identity else { Issue.record("a far session's identity: \(String(describing: identity))"); return }
        // The far side now lists its sessions in another order, and one more remote appears before it.
        var changed = far
        changed.sessions.reverse()
        _ = Reducer.reduce(&state, .remoteChanged(RemoteView(name: "alpha", reachable: false)))
        _ = Reducer.reduce(&state, .remoteChanged(RemoteView(name: "build", reachable: true, since: Fixtures.now, summary: changed)))
        #expect(state.selectedIdentity == .remote("build", .session(path)))
        guard case .remote(let detail) = state.detail else { Issue.record("the detail shows the far session"); return }
        #expect(detail.remoteName == "build" && detail.path == path)
        withExtendedLifetime(workspace) {}
    }

    @Test func aFarNeedsRowShowsWhatNeedsThePersonThere() throws {
        var (workspace, state, _) = try Self.state()
        let row = try #require(state.list.rows.firstIndex { if case .remote(_, .attention) = $0 { return true } else { return false } })
        state.selectedRow = row
        guard case .remote(let detail) = state.detail else { Issue.record("a far detail"); return }
        #expect(detail.name == "api-migration-phase1" && !detail.items.isEmpty)
        let screen = Render.screen(state).description
        #expect(screen.contains("@build 2 need you") && screen.contains("Needs you") && screen.contains("blocked mobile-app: Waiting for the v2 auth endpoint"), "\(screen)")
        withExtendedLifetime(workspace) {}
    }

    /// Names from another machine are drawn as text, never as terminal controls.
    @Test func aHostileFarNameIsDrawnAsText() throws {
        var (workspace, state, _) = try Self.state()
        let hostile = try JSONParser.parse(Array(#"{"sessions": [{"name": "evil\u001b]0;pwned\u0007-phase1", "path": "s/evil", "derived_status": "blocked"}], "attention": [{"session": "s/evil", "reason": "blocked", "note": "\u001b[2Jgone"}]}"#.utf8))
        _ = Reducer.reduce(&state, .remoteChanged(RemoteView(name: "build", reachable: true, since: Fixtures.now, summary: RemoteSummary(status: hostile))))
        let screen = Render.screen(state).description
        #expect(!screen.contains("\u{1b}") && !screen.contains("\u{07}"), "\(screen)")
        #expect(screen.contains("evil"))
        withExtendedLifetime(workspace) {}
    }
}
