import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// A live change that only moves rows gives exactly the rows a full build gives.
@Suite struct ListMovesTests {
    /// Stubs with sessions, sessions without stubs, sub-sessions, in every state.
    func workspace() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace("list-moves")
        let words = ["not_started", "in_progress", "blocked", "failed", "complete"]
        for n in 0..<24 {
            let priority = ["high", "medium", "low", "critical"][n % 4]
            if n % 3 != 2 {
                try workspace.write("coderef/working/feat-\(n)/stub.json", #"{"feature_name": "feat-\#(n)", "status": "\#(["ready", "promoted", "planned"][n % 3])", "priority": "\#(priority)"}"#)
            }
            if n % 4 != 3 {
                let agents = (0..<3).map { #"{"agent_id": "a\#($0)", "status": "\#(words[(n + $0) % words.count])"}"# }.joined(separator: ", ")
                try workspace.write("coderef/sessions/feat-\(n)-phase1/communication.json", #"{"workorder_id": "WO-FEAT-\#(n)-001", "agents": [\#(agents)]}"#)
                if n % 5 == 0 {
                    try workspace.write("coderef/sessions/feat-\(n)-phase1/sub/communication.json", #"{"workorder_id": "WO-SUB-\#(n)", "parent_session": "feat-\#(n)-phase1", "agents": [{"agent_id": "s", "status": "in_progress"}]}"#)
                }
            }
        }
        return workspace
    }

    @Test func movesMatchAFullBuildForRandomStatusChanges() throws {
        let workspace = try workspace()
        var snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: workspace.root)).load()
        var list = ListModel(snapshot)
        var generator = SystemRandomNumberGenerator()
        let words = ["not_started", "in_progress", "blocked", "failed", "complete"]
        var moved = 0
        for round in 0..<1000 {
            var next = snapshot
            var folders = Set<String>()
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                let index = Int.random(in: 0..<next.sessions.count, using: &generator)
                guard !next.sessions[index].agents.isEmpty else { continue }
                let agent = Int.random(in: 0..<next.sessions[index].agents.count, using: &generator)
                next.sessions[index].agents[agent].status = Status(words.randomElement(using: &generator))
                folders.insert(next.sessions[index].path)
            }
            let touched = TouchedItems(sessionFolders: folders)
            let whole = ListModel(next)
            if let result = list.moving(from: snapshot, to: next, touched: touched) {
                #expect(Array(result.rows) == Array(whole.rows), "round \(round): a move differs from the full build")
                if Array(list.rows) != Array(whole.rows) { moved += 1 }
            } else {
                Issue.record("round \(round): a status change should be a move")
            }
            snapshot = next
            list = whole
        }
        #expect(moved > 200, "rows moved in most rounds (\(moved))")
    }

    @Test func moreThanAMoveIsBuiltWhole() throws {
        let workspace = try workspace()
        let snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: workspace.root)).load()
        var next = snapshot
        let index = try #require(next.sessions.firstIndex { $0.parent == nil })
        next.sessions[index].archived = true
        #expect(ListModel(snapshot).moving(from: snapshot, to: next, touched: TouchedItems(sessionFolders: [next.sessions[index].path])) == nil)
    }
}
