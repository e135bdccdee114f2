import Foundation
import HubCore
import HubTestSupport
@testable import HubTUI

/// The real event loop (`ScreenApp`) in-process over a `MemoryTerminal`, on a real workspace:
/// press keys, change files, run the loop until its effects are done, read the screen.
final class ScreenHarness {
    let workspace: TemporaryWorkspace
    let terminal: MemoryTerminal
    let app: ScreenApp

    init(_ workspace: TemporaryWorkspace, size: Size = Size(width: 120, height: 40), settings: HubSettings = HubSettings(), remotes: [RemoteFeed] = []) {
        self.workspace = workspace
        terminal = MemoryTerminal(size: size)
        let layout = WorkspaceLayout(root: workspace.root)
        let live = LiveWorkspace(loader: WorkspaceLoader(layout: layout), loadNow: false)
        // The config's [keys] as the program applies them: scenarios press what a person configured.
        let (keymap, refused) = Keymap.standard.applying(settings.keyOverrides, source: settings.keyOverridesSource)
        precondition(refused.isEmpty, "the test's [keys] were refused: \(refused)")
        app = ScreenApp(terminal: terminal, live: live, context: AppContext(layout: layout, settings: settings), keymap: keymap, environment: [:], remotes: remotes)
        runUntilIdle()
    }

    deinit { _ = app.step(timeout: 0) }

    /// The demo workspace, written to a fresh folder, on screen.
    static func demo(_ label: String, size: Size = Size(width: 120, height: 40)) throws -> ScreenHarness {
        ScreenHarness(try TemporaryWorkspace.demo(label), size: size)
    }

    var state: AppState { app.state }
    var screen: String { terminal.lastFrame?.description ?? "" }

    /// Presses keys, then runs the loop until every effect they caused has come back.
    func press(_ keys: Key...) {
        terminal.send(keys)
        runUntilIdle()
    }

    /// Does `commands` by the first key the screen's keymap binds each to in `scope` (the configured
    /// keys, so a scenario follows a person's [keys]), then runs the loop as `press` does.
    func run(_ commands: Command..., in scope: KeyScope = .list) {
        for command in commands {
            guard let key = app.keymap.keys(for: command, in: scope).first else { preconditionFailure("\(command) has no key in \(scope)") }
            terminal.send([key])
        }
        runUntilIdle()
    }

    /// Answers yes in any dialog: the confirm key that is not Enter (a dialog that comes with a
    /// warning reads Enter as no).
    func confirmEvenAfterAWarning() {
        guard let key = app.keymap.keys(for: .confirm, in: .dialog).first(where: { $0 != .enter }) else { preconditionFailure("confirm has only Enter") }
        terminal.send([key])
        runUntilIdle()
    }

    /// Runs the loop until nothing is in flight and no key waits (deadline: 10 s).
    @discardableResult
    func runUntilIdle(deadline seconds: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            _ = app.step(timeout: 2)
            if app.isIdle && terminal.pendingKeys.isEmpty && !state.loading { return true }
        } while Date() < deadline
        return false
    }

    /// Runs the loop until `condition` holds (files changed by another writer arrive by themselves).
    @discardableResult
    func runUntil(deadline seconds: TimeInterval = 10, _ condition: (ScreenHarness) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            _ = app.step(timeout: 5)
            if condition(self) { return true }
        } while Date() < deadline
        return false
    }

    /// Moves the list selection to the stub or session called `name`.
    func select(_ name: String) {
        run(.first)
        for _ in 0..<state.list.rows.count {
            switch state.selectedListRow {
            case .stub(let index)? where state.snapshot.stubs[index].featureName == name: return
            case .session(let index, _)? where state.snapshot.sessions[index].name == name: return
            default: run(.moveDown)
            }
        }
    }
}
