import Foundation
import HubCore

/// Opens the full-screen view on a workspace and runs it to the end.
public enum HubScreen {
    /// Returns the exit status; throws (before touching the terminal) when there is no usable terminal.
    /// `pollInterval`: watch by stat-polling every so many seconds instead of inotify (`--poll`).
    public static func run(layout: WorkspaceLayout, settings: HubSettings = HubSettings(), theme: Theme = .default, pollInterval: TimeInterval? = nil, ascii: Bool = false, keymap: Keymap = .standard, greeting: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                           remotes: [RemoteFeed] = []) throws(TerminalError) -> Int32 {
        // Check the terminal before loading, so a bad TERM costs nothing. The workspace is loaded on
        // the screen's workspace thread: the first frame does not wait for it.
        try CursesTerminal.preflight(environment: environment)
        let live = LiveWorkspace(loader: WorkspaceLoader(layout: layout), pollInterval: pollInterval, recheckInterval: settings.recheckInterval, loadNow: false)
        let terminal = try CursesTerminal(theme: theme, environment: environment, ascii: ascii)
        let app = ScreenApp(terminal: terminal, live: live, context: AppContext(layout: layout, settings: settings, insideTmux: !(environment["TMUX"] ?? "").isEmpty, greeting: greeting, home: environment["HOME"]), keymap: keymap, signalDescriptor: TerminalGuard.pipeRead, environment: environment, remotes: remotes)
        return app.run()
    }
}
