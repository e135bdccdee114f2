import Foundation
import HubCore

/// Opens the full-screen view on a workspace and runs it to the end.
public enum HubScreen {
    /// Returns the exit status; throws (before touching the terminal) when there is no usable terminal.
    public static func run(layout: WorkspaceLayout, settings: HubSettings = HubSettings(), environment: [String: String] = ProcessInfo.processInfo.environment) throws(TerminalError) -> Int32 {
        // Load first: a slow disk shows nothing rather than a blank screen, and errors print normally.
        let loader = WorkspaceLoader(layout: layout)
        let first = loader.load()
        let terminal = try CursesTerminal(theme: .default, environment: environment)
        var initial: WorkspaceSnapshot? = first
        let app = ScreenApp(terminal: terminal, context: AppContext(layout: layout, settings: settings), signalDescriptor: TerminalGuard.pipeRead, environment: environment) {
            if let snapshot = initial {
                initial = nil
                return snapshot
            }
            return loader.load()
        }
        return app.run()
    }
}
