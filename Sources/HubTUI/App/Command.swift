/// What a key can ask for. The reducer acts on commands, never on raw keys, so one table feeds
/// both dispatch and the `?` help overlay — help cannot drift from what the keys do.
public enum Command: Hashable, Sendable {
    case moveUp, moveDown, first, last, pageUp, pageDown
    case switchPane, open, back
    case start, advance, archive, yank, yankAll, toggleLongForm, filter, viewCommunication, viewInstructions
    case problems, reload, help, quit, needsOnly, edit, cycleTheme, toggleArchived, unarchive
    case readOneLiner, previousPhase, nextPhase, dispatch, dispatchAll, workorders, newSession, timeline, answer
    case snooze, dismiss, markComplete, markInProgress, undoTriage, closeSession
}
