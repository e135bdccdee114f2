import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// One widget at a time on a small canvas: the list, the agents table and the status bar, drawn
/// from a workspace written here, compared line by line with what a person should read.
@Suite struct WidgetTests {
    /// A stub not started, a session whose agent failed (NEEDS YOU), a finished session.
    static func state(width: Int, height: Int) throws -> (TemporaryWorkspace, AppState) {
        let workspace = try TemporaryWorkspace("widgets")
        try workspace.write("coderef/working/alpha/stub.json", #"{"feature_name": "alpha", "status": "planning", "priority": "high", "agents_involved": ["a", "b"]}"#)
        try workspace.write("coderef/sessions/beta-phase1/communication.json", #"""
        {"workorder_id": "WO-BETA-001", "agents": [{"agent_id": "api-server", "status": "complete"}, {"agent_id": "web-client", "status": "failed", "notes": "tests red"}]}
        """#)
        try workspace.write("coderef/sessions/gamma-phase1/communication.json", #"{"workorder_id": "WO-GAMMA-001", "agents": [{"agent_id": "a", "status": "complete"}]}"#)
        let snapshot = try Fixtures.snapshot(of: workspace.root)
        return (workspace, Fixtures.state(snapshot, width: width, height: height))
    }

    @Test func theListGroupsWhatNeedsYouFirst() throws {
        let (workspace, state) = try Self.state(width: 40, height: 9)
        var canvas = Canvas(width: 40, height: 9)
        ListPane.draw(&canvas, state, layout: ScreenLayout(size: state.size))
        #expect(canvas.lines == [
            "┌─ Stubs 1 · Sessions 2 ───────────────┐",
            "│  FEATURE / SESSION            PRIO AG│",
            "│NEEDS YOU (1)                         │",
            "│✕ beta-phase1  failed web-client: tes…│",
            "│SESSIONS WITHOUT A STUB (2)           │",
            "│✕ beta-phase1                        2│",
            "│✓ gamma-phase1                       1▼",
            "└──────────────────────────────────────┘",
            "                                        ",
        ])
        // The selection (the first row: what needs you) spans the pane inside its border; the
        // failed glyph is in the failed colour, the finished one in complete's.
        let roles = canvas.roleLines.map(Array.init)
        #expect(roles[3].dropFirst().dropLast().allSatisfy { $0 == StyleRole.selection.code })
        #expect(roles[5][1] == StyleRole.failed.code && roles[6][1] == StyleRole.complete.code)
        withExtendedLifetime(workspace) {}
    }

    @Test func theAgentsTableShowsEachAgentsWordAndNote() throws {
        let (workspace, state) = try Self.state(width: 60, height: 12)
        let session = try #require(state.snapshot.sessions.first { $0.name == "beta-phase1" })
        var canvas = Canvas(width: 60, height: 6)
        let inner = Rect(x: 0, y: 0, width: 60, height: 6)
        SessionDetail.drawAgents(&canvas, state, session, parts: SessionDetailLayout(session: session, inner: inner))
        let rows = canvas.lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(rows == [
            "  AGENT      STATUS         AGE OUTPUT   TASKS NOTE         ",
            "✓ api-server complete         – -                           ",
            "✕ web-client failed           – -              tests red    ",
        ])
        withExtendedLifetime(workspace) {}
    }

    @Test func theStatusBarKeepsTheKeysAtFortyColumns() throws {
        let (workspace, state) = try Self.state(width: 40, height: 10)
        var canvas = Canvas(width: 40, height: 1)
        StatusBar.draw(&canvas, state, rect: Rect(x: 0, y: 0, width: 40, height: 1), keymap: .standard)
        // Too narrow for the folder and the counts: the keys that matter most, whole.
        #expect(canvas.lines == ["  ? help  q quit  Enter agents  y copy  "])
        var remapped = Keymap.standard
        (remapped, _) = remapped.applying(["help": ["f1"]], source: "test")
        var again = Canvas(width: 40, height: 1)
        StatusBar.draw(&again, state, rect: Rect(x: 0, y: 0, width: 40, height: 1), keymap: remapped)
        #expect(again.lines[0].hasPrefix("  F1 help"), "the hints follow the keymap: \(again.lines[0])")
        withExtendedLifetime(workspace) {}
    }

    /// The footers of the views that are not dialogs (workorders, agent detail, help) come from the
    /// keymap too: a remapped key is the one they name.
    @Test func viewFootersNameTheConfiguredKeys() throws {
        let (workspace, state) = try Self.state(width: 80, height: 24)
        let (keymap, refused) = Keymap.standard.applying(["filter": ["f2"], "back": ["f3"]], source: "test")
        #expect(refused.isEmpty)
        var canvas = Canvas(width: 80, height: 24)
        WorkordersPane.draw(&canvas, state, WorkordersView(links: WorkorderLinks(state.snapshot)), keymap: keymap)
        #expect(canvas.description.contains("F2 filter  F3 close"), "\(canvas.description)")
        #expect(keymap.footer([(.moveUp, "scroll"), (.edit, "edit output"), (.back, "close")]) == "↑↓ scroll  e edit output  F3 close")
        withExtendedLifetime(workspace) {}
    }

    /// The other machines in the status bar: each by name, down or needing the person in the error
    /// colour, fine in the accent.
    @Test func theStatusBarNamesTheRemotes() throws {
        let (workspace, base) = try Self.state(width: 120, height: 10)
        var state = base
        let needs = try #require(RemoteSummary(status: try JSONParser.parse(Array(#"{"sessions": [], "attention": [{"session": "s", "reason": "failed"}]}"#.utf8))))
        _ = Reducer.reduce(&state, .remoteChanged(RemoteView(name: "box", reachable: false, since: state.now.addingTimeInterval(-180), error: "box: ssh: Connection refused")))
        #expect(state.message?.text == "box: ssh: Connection refused" && state.message?.isError == true, "why it is down is said once")
        state.message = nil
        _ = Reducer.reduce(&state, .remoteChanged(RemoteView(name: "build", reachable: true, since: state.now, summary: needs)))
        _ = Reducer.reduce(&state, .remoteChanged(RemoteView(name: "cloud", reachable: false)))
        var canvas = Canvas(width: 120, height: 1)
        StatusBar.draw(&canvas, state, rect: Rect(x: 0, y: 0, width: 120, height: 1), keymap: .standard)
        let line = canvas.lines[0]
        #expect(line.contains("@box unreachable 3m @build 1 needs you @cloud connecting…"), "\(line)")
        let roles = Array(canvas.roleLines[0])
        let box = try #require(line.range(of: "@box")).lowerBound.utf16Offset(in: line)
        let cloud = try #require(line.range(of: "@cloud")).lowerBound.utf16Offset(in: line)
        #expect(roles[box] == StyleRole.statusBarError.code && roles[cloud] == StyleRole.statusBarAccent.code)
        // A new state for a remote replaces its old one.
        _ = Reducer.reduce(&state, .remoteChanged(RemoteView(name: "box", reachable: true, since: state.now)))
        #expect(state.remotes.map(\.name) == ["box", "build", "cloud"] && state.remotes[0].reachable)
        withExtendedLifetime(workspace) {}
    }
}
