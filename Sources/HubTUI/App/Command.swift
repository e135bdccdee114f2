/// What a key can ask for. The reducer acts on commands, never on raw keys, so one table feeds
/// both dispatch and the `?` help overlay — help cannot drift from what the keys do.
public enum Command: Hashable, Sendable {
    case moveUp, moveDown, first, last, pageUp, pageDown
    case switchPane, open, back
    case start, advance, archive, yank, yankAll, toggleLongForm, filter, viewCommunication, viewInstructions
    case problems, reload, help, quit, needsOnly, edit, cycleTheme, toggleArchived, unarchive
    case readOneLiner, previousPhase, nextPhase, dispatch, dispatchAll, workorders, newSession, timeline, answer
    case snooze, dismiss, markComplete, markInProgress, undoTriage, closeSession
    /// In dialogs and the agent picker.
    case confirm, cancel, startAnother, toggleChoice, chooseAll
    /// In the file viewer.
    case search, nextMatch, previousMatch, toggleWrap, scrollLeft, scrollRight
}

/// Where a binding applies. A key is looked up in the scope on screen first, then in the list's
/// (moving, scrolling, help and quit work everywhere unless a scope binds the key itself).
public enum KeyScope: String, CaseIterable, Sendable {
    case list, dialog, picker, viewer

    /// The heading `?` shows above the scope's keys.
    public var title: String {
        switch self {
        case .list: return "Keys"
        case .dialog: return "In a dialog"
        case .picker: return "In the agent picker"
        case .viewer: return "In the file viewer"
        }
    }
}
