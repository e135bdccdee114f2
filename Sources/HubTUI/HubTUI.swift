import HubCore

/// The full-screen front. The [SCREEN] issue fills this module in; until then it only names itself,
/// so that the package graph (executable → HubTUI → HubCore, Terminal → CNcursesw) is in place.
public enum HubTUI {
    public static let isAvailable = false
}
