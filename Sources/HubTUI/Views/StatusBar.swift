import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// The bottom line: workspace, counts, problems, then a message or the key hints.
enum StatusBar {
    static func draw(_ canvas: inout Canvas, _ state: AppState, rect: Rect, keymap: Keymap) {
        guard rect.width > 0, rect.height > 0 else { return }
        let glyphs = state.glyphs
        canvas.fill(rect, role: .statusBar)
        var x = rect.x
        func span(_ text: String, _ role: StyleRole) {
            guard x < rect.maxX else { return }
            x += Cells.text(&canvas, text, x: x, y: rect.y, width: rect.maxX - x, role: role, glyphs: glyphs)
        }
        // Narrow: the folder's name only and no counts (the list's title has them), so the keys fit.
        let narrow = rect.width < ScreenLayout.twoPaneWidth
        let root = shortRoot(state.snapshot.root, home: state.context.home)
        // Very narrow: the keys matter more than the folder's name.
        if rect.width >= 60 { span(" " + (narrow ? lastComponent(root) : root) + " ", .statusBarAccent) }
        if !narrow {
            let stubs = state.snapshot.activeStubCount, sessions = state.snapshot.activeSessionCount
            span(" \(stubs) stub\(stubs == 1 ? "" : "s") · \(sessions) session\(sessions == 1 ? "" : "s")", .statusBar)
        }
        let problems = state.snapshot.problems.count
        if problems > 0 {
            span(" ", .statusBar)
            span("! \(problems) problem" + (problems == 1 ? "" : "s") + " (p)", .statusBarError)
        }
        // The other machines, by name: down, or needing the person, in the error colour.
        for remote in state.remotes {
            span(" ", .statusBar)
            span(TerminalText.sanitize(remote.label(now: state.now, ellipsis: glyphs.ellipsis)), remote.needsAttention ? .statusBarError : .statusBarAccent)
        }
        if state.loading { span("  loading…", .statusBar) }
        span("  ", .statusBar)
        if state.filtering || !state.filter.isEmpty {
            span("/", .statusBarKey)
            span(state.filter + (state.filtering ? (state.glyphs == .ascii ? "_" : "▏") : ""), .statusBarAccent)
            span(state.filtering ? "  Enter keep  Esc clear  " : "  (Esc clears)  ", .statusBar)
            if state.filtering { return }
        }
        if let message = state.message {
            span(message.text, message.isError ? .statusBarError : .statusBar)
            return
        }
        // The keys that work here, help and quit first: whatever the width, the way out shows.
        for (command, hint) in hints(state) {
            guard let key = keymap.keys(for: command).first else { continue }
            span(key.description, .statusBarKey)
            span(" " + hint + "  ", .statusBar)
        }
        if let watching = state.watchSummary { span("│ watching: " + watching, .statusBar) }
    }

    /// The keys that do something where the focus is, for what is selected.
    static func hints(_ state: AppState) -> [(Command, String)] {
        // A dialog or a full view says its own keys at its foot; the bar only offers the way back.
        if state.overlay != nil { return [(.back, "close")] }
        var hints: [(Command, String)] = [(.help, "help"), (.quit, "quit")]
        if state.focus == .detail, state.detailSession != nil {
            hints.append((.open, "agent detail"))
            // Dispatch works inside tmux only; elsewhere the hint would promise what d cannot do.
            if state.context.insideTmux { hints.append((.dispatch, "dispatch")) }
            hints += [(.yank, "copy"), (.yankAll, "copy all"), (.toggleLongForm, state.longForm ? "short form" : "long form"),
                      (.viewCommunication, "its file"), (.viewInstructions, "instructions"), (.back, "list")]
            return hints
        }
        let single = state.layout.singlePane
        switch state.detail {
        case .stub(let stub) where state.sessions(of: stub).isEmpty:
            if state.focus == .detail { return hints + [(.start, "start"), (.viewCommunication, "stub.json"), (.back, "list")] }
            if single { hints.append((.open, "details")) }
            hints += [(.start, "start"), (.viewCommunication, "stub.json"), (.archive, "archive")]
        case .stub, .session:
            hints += [(.open, "agents"), (.yank, "copy"), (.advance, "next phase"), (.viewCommunication, "file"), (.archive, "archive")]
        case .remote(let far) where far.stub != nil:
            if single { hints.append((.open, "details")) }
            hints += [(.start, "start there"), (.archive, "archive there")]
        case .remote:
            if state.focus == .detail { return hints + [(.dispatch, "dispatch"), (.markComplete, "complete"), (.first, "its pane"), (.back, "list")] }
            hints += [(.open, "agents"), (.advance, "next phase"), (.dispatchAll, "dispatch ready"), (.archive, "archive there")]
        case .nothing:
            break
        }
        hints += [(.filter, "filter"), (.needsOnly, state.filter == "needs" ? "everything" : "needs you")]
        if !single { hints.append((.switchPane, "pane")) }
        if !state.snapshot.problems.isEmpty { hints.append((.problems, "problems")) }
        return hints
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The root with the home folder as `~`, for a readable status bar.
    static func shortRoot(_ root: String, home: String?) -> String {
        if let home, !home.isEmpty, root.hasPrefix(home + "/") {
            return "~" + root.dropFirst(home.count)
        }
        return root
    }
}
