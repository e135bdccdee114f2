import Foundation
import HubCore

/// Where the screen works and how: the layout (for new sessions) and the settings.
public struct AppContext: Equatable, Sendable {
    public var layout: WorkspaceLayout
    public var settings: HubSettings
    /// The screen runs inside tmux (`$TMUX`): dispatch can open windows beside it.
    var insideTmux: Bool
    /// A first message in the status bar (the living demo says what to press).
    public var greeting: String?
    /// `$HOME`, so the status bar can show the root as `~/...` (read at the edge, never by a view).
    public var home: String?

    public init(layout: WorkspaceLayout, settings: HubSettings = HubSettings(), insideTmux: Bool = false, greeting: String? = nil, home: String? = nil) {
        self.layout = layout
        self.settings = settings
        self.insideTmux = insideTmux
        self.greeting = greeting
        self.home = home
    }
}
