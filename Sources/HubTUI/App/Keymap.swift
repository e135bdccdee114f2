public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var command: Command
    public var help: String
    /// Shown in the status bar's key hints.
    var hint: String?
    public var scope: KeyScope

    public init(_ keys: [Key], _ command: Command, _ help: String, hint: String? = nil, scope: KeyScope = .list) {
        self.keys = keys
        self.command = command
        self.help = help
        self.hint = hint
        self.scope = scope
    }
}

public struct Keymap: Sendable {
    public var bindings: [KeyBinding]

    public static let standard = Keymap(bindings: [
        KeyBinding([.up, .character("k")], .moveUp, "move up (in the agents pane: previous agent)"),
        KeyBinding([.down, .character("j")], .moveDown, "move down (in the agents pane: next agent)"),
        KeyBinding([.character("g"), .home], .first, "first row; on a dispatched agent in the agents pane: go to its tmux window"),
        KeyBinding([.character("G"), .end], .last, "last row"),
        KeyBinding([.pageUp, .control("b")], .pageUp, "page up"),
        KeyBinding([.pageDown, .control("f")], .pageDown, "page down"),
        KeyBinding([.tab, .backTab], .switchPane, "switch between the list and the agents", hint: "pane"),
        KeyBinding([.enter, .right, .character("l")], .open, "open: a stub's session, a session's agents, an agent's detail", hint: "open"),
        KeyBinding([.escape, .left, .character("h")], .back, "back to the list; close a dialog"),
        KeyBinding([.character("/")], .filter, "filter the list (names, ids, tags, agents, status words, and stale, unverified, needs...); Esc clears", hint: "filter"),
        KeyBinding([.character("!")], .needsOnly, "show only what needs you (the same as /needs); again to show everything"),
        KeyBinding([.character("S")], .start, "start a session from the selected stub (asks first; a started stub offers to open its session, + starts another)", hint: "start"),
        KeyBinding([.character("N")], .newSession, "start an ad-hoc session without a stub: a name and its agents (asks first)"),
        KeyBinding([.character("a")], .advance, "start the next phase of the selected session, or of a stub's latest session (asks first)"),
        KeyBinding([.character("C")], .closeSession, "close the selected session in its file once every agent is complete: its status and phases{} entry say complete (asks first; a also does it when it starts the next phase)"),
        KeyBinding([.character("A")], .archive, "archive the selected session; on a stub row, its finished phases (and the stub once none is at work); asks first"),
        KeyBinding([.character("H")], .toggleArchived, "list archived sessions and stubs at the end, and archived workorders in w (again to hide them)"),
        KeyBinding([.character("U")], .unarchive, "bring the selected archived session or stub back (asks first)"),
        KeyBinding([.character("d")], .dispatch, "dispatch the selected agent: start it in a tmux window and hand it its one-liner (asks first)", hint: "dispatch"),
        KeyBinding([.character("D")], .dispatchAll, "dispatch every agent of the session (or a stub's latest session) that is ready (not started, dependencies complete); later waves are offered as they become ready"),
        KeyBinding((1...9).map { .character(Character(String($0))) }, .answer, "on an agent waiting for you (agents pane): answer its numbered prompt with that number (says what it answers, asks first)", hint: "answer"),
        KeyBinding([.character("z")], .snooze, "snooze what needs you about the selected agent (in the list: the session's worst item) until its evidence changes; u undoes", hint: "snooze"),
        KeyBinding([.character("x")], .dismiss, "dismiss that reason (the agent's, or the session's worst) until its evidence changes; u undoes"),
        KeyBinding([.character("m")], .markComplete, "mark the agent complete (its status written, as set-status does; asks first; u undoes)"),
        KeyBinding([.character("M")], .markInProgress, "mark the agent back to in_progress (asks first; u undoes)"),
        KeyBinding([.character("u")], .undoTriage, "undo the last snooze, dismissal or mark (a mark writes the previous status back)"),
        KeyBinding([.character("y")], .yank, "copy the selected agent's one-liner to the clipboard", hint: "copy"),
        KeyBinding([.character("Y")], .yankAll, "copy every agent's one-liner of the session, as one block"),
        KeyBinding([.character("L")], .toggleLongForm, "switch one-liners between the short and the long (Markdown) form"),
        KeyBinding([.character("O")], .readOneLiner, "read the selected agent's one-liner in full, in the viewer (scroll, / search)"),
        KeyBinding([.character("[")], .previousPhase, "show the feature's previous phase (every phase of a stub is reachable)"),
        KeyBinding([.character("]")], .nextPhase, "show the feature's next phase"),
        KeyBinding([.character("t")], .timeline, "the selected feature's timeline: stub, every phase, the workorders, with status, dates and n/m; Enter opens the chosen phase"),
        KeyBinding([.character("w")], .workorders, "the workorders the agents made, across the workspace and their projects (/ filters, Enter opens a plan)", hint: "workorders"),
        KeyBinding([.character("c")], .viewCommunication, "view communication.json (the selected agent's own, when it has one)"),
        KeyBinding([.character("i")], .viewInstructions, "view instructions.json (the selected agent's own, when it has one)"),
        KeyBinding([.character("e")], .edit, "open the file in $VISUAL or $EDITOR: in the viewer (c/i), that file; in an agent's detail, its output"),
        KeyBinding([.character("p")], .problems, "list the problems found in the workspace's files", hint: "problems"),
        KeyBinding([.character("r"), .control("r")], .reload, "reload the workspace from disk; on an agent at work in tmux (agents pane): type it a reply (pasted and submitted, asks first)", hint: "reload"),
        KeyBinding([.character("T")], .cycleTheme, "next colour theme: default, light (for white backgrounds), mono"),
        KeyBinding([.character("?")], .help, "this help", hint: "help"),
        KeyBinding([.character("q"), .control("c")], .quit, "quit", hint: "quit"),

        KeyBinding([.enter, .character("y"), .character("Y")], .confirm, "do what the dialog proposes (a dialog that comes with a warning takes only y: Enter cancels it)", scope: .dialog),
        KeyBinding([.escape, .character("n"), .character("N"), .character("q")], .cancel, "close the dialog and change nothing", scope: .dialog),
        KeyBinding([.character("+")], .startAnother, "on a stub that already has a session: start another phase 1", scope: .dialog),

        KeyBinding([.character(" ")], .toggleChoice, "choose the agent under the cursor, or not", scope: .picker),
        KeyBinding([.character("a")], .chooseAll, "choose every agent (again: none)", scope: .picker),
        KeyBinding([.enter], .confirm, "go on with the agents chosen", scope: .picker),
        KeyBinding([.escape, .character("q")], .cancel, "close the picker and create nothing", scope: .picker),

        KeyBinding([.character("/")], .search, "search the file (Enter keeps the search, Esc drops it)", scope: .viewer),
        KeyBinding([.character("n")], .nextMatch, "next match", scope: .viewer),
        KeyBinding([.character("N")], .previousMatch, "previous match", scope: .viewer),
        KeyBinding([.character("w")], .toggleWrap, "wrap long lines, or let them run on", scope: .viewer),
        KeyBinding([.left, .character("h")], .scrollLeft, "scroll sideways when lines run on", scope: .viewer),
        KeyBinding([.right, .character("l")], .scrollRight, "scroll sideways when lines run on", scope: .viewer),
        KeyBinding([.character("e")], .edit, "open the file in $VISUAL or $EDITOR", scope: .viewer),
    ])

    /// The list's command for `key` (the main screen and the overlays that scroll like it).
    func command(for key: Key) -> Command? {
        bindings.first { $0.scope == .list && $0.keys.contains(key) }?.command
    }

    /// The command for `key` in `scope`: the scope's own binding first, then the list's.
    func command(for key: Key, in scope: KeyScope) -> Command? {
        if scope != .list, let scoped = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) { return scoped.command }
        return command(for: key)
    }

    func keys(for command: Command, in scope: KeyScope = .list) -> [Key] {
        bindings.first { $0.command == command && $0.scope == scope }?.keys ?? []
    }

    /// `Enter/y` — how a dialog's footer names a command's keys (the first two, as they are shown).
    /// A footer from the keymap, so it names the keys a person configured: each command's first
    /// key and what it does here (`↑↓ scroll  e edit  Esc close`). `.moveUp` stands for both moves.
    func footer(_ parts: [(Command, String)], in scope: KeyScope = .list) -> String {
        parts.compactMap { command, words in
            let key: String
            if command == .moveUp {
                key = [Command.moveUp, .moveDown].compactMap { keys(for: $0, in: scope).first?.description }.joined()
            } else {
                guard let first = keys(for: command, in: scope).first else { return nil }
                key = first.description
            }
            return key + " " + words
        }.joined(separator: "  ")
    }

    func keyNames(for command: Command, in scope: KeyScope, excluding: Set<Key> = []) -> String {
        keys(for: command, in: scope).filter { !excluding.contains($0) && $0 != .character("Y") && $0 != .character("N") }
            .prefix(2).map(\.description).joined(separator: "/")
    }
}
