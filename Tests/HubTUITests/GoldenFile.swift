import Foundation
import Testing
import HubCore
import HubTestSupport
@testable import HubTUI

/// Golden screens: a canvas as text plus its style layer (one role letter per cell), compared with
/// `Tests/HubTUITests/Golden/<name>.txt`. Re-record with `SESSIONS_HUB_RECORD=1 scripts/test`.
/// A missing golden file is a failure (recorded only with SESSIONS_HUB_RECORD=1).
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func text(of canvas: Canvas) -> String {
        let text = canvas.lines.map { "|" + $0 + "|" }.joined(separator: "\n")
        let roles = canvas.roleLines.map { "|" + $0 + "|" }.joined(separator: "\n")
        return text + "\n--- styles ---\n" + roles + "\n"
    }

    static func check(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if let problem = GoldenText.mismatch(text(of: canvas), file: folder.appendingPathComponent(name + ".txt").path) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }
}

/// Fixed inputs for screens: a fixed clock, fixed file times, and paths rebased to `/demo` so
/// golden files do not depend on where the temporary workspace was made.
enum Fixtures {
    static let now = DemoWorkspace.moment // 2026-11-18T11:06:40Z, the moment the demo describes

    /// Loads a workspace, with every file's modification time set to `now - age`.
    static func snapshot(of root: String, fileAge: TimeInterval = 3 * 3600, rebasedTo base: String = "/demo") throws -> WorkspaceSnapshot {
        let stamp = now.addingTimeInterval(-fileAge)
        if let walker = FileManager.default.enumerator(atPath: root) {
            for case let relative as String in walker {
                try? FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: root + "/" + relative)
            }
        }
        let snapshot = WorkspaceLoader(layout: WorkspaceLayout(root: root), resolver: PathResolver(root: root, driveMountRoot: nil)).load()
        return rebase(snapshot, from: snapshot.root, to: base)
    }

    static func rebase(_ snapshot: WorkspaceSnapshot, from old: String, to new: String) -> WorkspaceSnapshot {
        func move(_ path: String) -> String { path.hasPrefix(old) ? new + path.dropFirst(old.count) : path }
        var copy = snapshot
        copy.root = move(copy.root)
        copy.sessions = copy.sessions.map { session in
            var session = session
            session.absolutePath = move(session.absolutePath)
            session.agents = session.agents.map { var agent = $0; agent.outputResolved = agent.outputResolved.map(move); return agent }
            if var orchestrator = session.orchestrator {
                orchestrator.outputResolved = orchestrator.outputResolved.map(move)
                session.orchestrator = orchestrator
            }
            return session
        }
        copy.stubs = copy.stubs.map { var stub = $0; stub.absolutePath = move(stub.absolutePath); return stub }
        return copy
    }

    static func demo() throws -> (TemporaryWorkspace, WorkspaceSnapshot) {
        let workspace = try TemporaryWorkspace.demo("golden-demo", now: now)
        return (workspace, try snapshot(of: workspace.root))
    }

    static func state(_ snapshot: WorkspaceSnapshot, width: Int = 120, height: Int = 40, glyphs: Glyphs = .unicode) -> AppState {
        var state = AppState(snapshot: snapshot, size: Size(width: width, height: height), now: now, glyphs: glyphs)
        _ = Reducer.reduce(&state, .resize(state.size))
        return state
    }

    static func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = Reducer.reduce(&state, .key(key)) }
    }
}
