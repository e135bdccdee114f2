import HubCore

/// Keys in the file viewer: scroll, wrap (`w`), sideways (←/→ when not wrapping), search (`/`,
/// `n`, `N`), open in the editor (`e`), close (Esc, `q`).
extension Reducer {
    static func fileViewKey(_ state: inout AppState, _ view: FileView, _ key: Key, command: Command?) -> [Effect] {
        var view = view
        if view.typing {
            switch key {
            case .enter:
                view.typing = false
                view.match = view.find(from: view.scroll)
                if let match = view.match { view.scroll = match } else if !view.query.isEmpty { flash(&state, "no line contains \(view.query)") }
            case .escape:
                view.typing = false
                view.query = ""
            case .backspace, .delete:
                view.query = String(view.query.dropLast())
            case .character(let character) where TerminalText.isPrintable(String(character)):
                view.query.append(character)
            default: break
            }
            state.overlay = .file(view)
            return []
        }
        let last = max(0, view.lines.count - 1)
        switch command {
        case .search?:
            view.typing = true
            view.query = ""
        case .nextMatch?, .previousMatch?:
            guard !view.query.isEmpty else {
                flash(&state, "/ searches this file")
                return []
            }
            let backward = command == .previousMatch
            let start = view.match.map { backward ? $0 - 1 : $0 + 1 } ?? view.scroll
            view.match = view.find(from: start, backward: backward)
            if let match = view.match { view.scroll = match }
        case .toggleWrap?:
            view.wrap.toggle()
            view.column = 0
            flash(&state, view.wrap ? "long lines wrap" : "long lines run on: ←/→ scroll sideways")
        case .scrollLeft? where !view.wrap:
            view.column = max(0, view.column - 8)
        case .scrollRight? where !view.wrap:
            view.column += 8
        case .edit?:
            guard let path = view.path else {
                flash(&state, "this text has no file to open")
                return []
            }
            return [.edit(path: path)]
        default:
            if let moved = scrolled(view.scroll, by: command, last: last) {
                view.scroll = moved
            } else {
                if [.back, .quit, .help, .problems].contains(command) || key == .escape || key == .enter { state.overlay = nil }
                return []
            }
        }
        view.scroll = min(max(0, view.scroll), last)
        state.overlay = .file(view)
        return []
    }
}
