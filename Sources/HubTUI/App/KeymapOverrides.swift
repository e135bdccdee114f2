import HubCore

/// `[keys]` in the config: actions (named as below, the names `?` shows) bound to other keys. A key
/// already bound to another action is a conflict: reported with the file and the key, and that
/// action keeps its defaults. Help, hints and the status bar follow, since they read the keymap.
extension Command {
    static let configNames: [Command: String] = [
        .moveUp: "move_up", .moveDown: "move_down", .first: "first", .last: "last", .pageUp: "page_up", .pageDown: "page_down",
        .switchPane: "switch_pane", .open: "open", .back: "back", .start: "start", .advance: "advance", .archive: "archive",
        .yank: "copy", .yankAll: "copy_all", .toggleLongForm: "long_form", .filter: "filter", .viewCommunication: "view_communication",
        .viewInstructions: "view_instructions", .problems: "problems", .reload: "reload", .help: "help", .quit: "quit",
        .needsOnly: "needs_you", .edit: "edit", .cycleTheme: "theme", .toggleArchived: "show_archived", .unarchive: "unarchive",
        .readOneLiner: "read_one_liner", .previousPhase: "previous_phase", .nextPhase: "next_phase", .dispatch: "dispatch", .dispatchAll: "dispatch_all", .workorders: "workorders", .newSession: "new_session", .timeline: "timeline", .answer: "answer",
        .snooze: "snooze", .dismiss: "dismiss", .markComplete: "mark_complete", .markInProgress: "mark_in_progress", .undoTriage: "undo",
        .closeSession: "close_session", .confirm: "confirm", .cancel: "cancel", .startAnother: "start_another",
        .toggleChoice: "choose", .chooseAll: "choose_all", .search: "search", .nextMatch: "next_match", .previousMatch: "previous_match",
        .toggleWrap: "wrap", .scrollLeft: "scroll_left", .scrollRight: "scroll_right",
    ]

    public var configName: String { Command.configNames[self] ?? "\(self)" }
}

extension Key {
    /// `x`, `ctrl-x`, `enter`, `tab`, `esc`, `up`, `pgdn`, `home`, `f1`, `space`...
    public init?(configName name: String) {
        let lower = name.lowercased()
        let named: [String: Key] = [
            "enter": .enter, "return": .enter, "tab": .tab, "shift-tab": .backTab, "esc": .escape, "escape": .escape,
            "up": .up, "down": .down, "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown,
            "pagedown": .pageDown, "home": .home, "end": .end, "space": .character(" "), "backspace": .backspace, "del": .delete, "delete": .delete,
        ]
        if let key = named[lower] { self = key; return }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let character = lower.last, character.isLetter { self = .control(character); return }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) { self = .function(number); return }
        if name.count == 1, let character = name.first, TerminalText.isPrintable(name) { self = .character(character); return }
        return nil
    }
}

extension Keymap {
    /// The keymap with the config's `[keys]` applied, and one sentence per thing that was not.
    public func applying(_ overrides: [String: [String]], source: String?) -> (Keymap, [String]) {
        var bindings = self.bindings
        var problems: [String] = []
        let place = source.map { "\($0): [keys]" } ?? "[keys]"
        for action in overrides.keys.sorted() {
            // An action may be bound in several scopes (confirm in dialogs and the picker): the
            // override reaches each of them; a key is a conflict only within the same scope.
            let indices = bindings.indices.filter { bindings[$0].command.configName == action }
            guard !indices.isEmpty else {
                var names: [String] = []
                for binding in bindings where !names.contains(binding.command.configName) { names.append(binding.command.configName) }
                problems.append("\(place) \(action): no such action (actions: \(names.joined(separator: ", ")))")
                continue
            }
            var keys: [(name: String, key: Key)] = []
            var refused = Set<String>()
            for name in overrides[action] ?? [] {
                guard let key = Key(configName: name) else {
                    problems.append("\(place) \(action): '\(name)' is not a key this hub knows (x, ctrl-x, enter, esc, up, pgdn, f1...)")
                    continue
                }
                keys.append((name, key))
            }
            for index in indices {
                var mine: [Key] = []
                for (name, key) in keys {
                    if let other = bindings.firstIndex(where: { $0.scope == bindings[index].scope && $0.keys.contains(key) }), other != index {
                        let message = "\(place) \(action): '\(name)' is already the key of \(bindings[other].command.configName); ignored"
                        if refused.insert(message).inserted { problems.append(message) }
                        continue
                    }
                    mine.append(key)
                }
                if !mine.isEmpty { bindings[index].keys = mine }
            }
        }
        return (Keymap(bindings: bindings), problems)
    }
}
