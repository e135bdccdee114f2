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
        span(" " + shortRoot(state.snapshot.root) + " ", .statusBarAccent)
        let stubs = state.snapshot.activeStubCount
        let sessions = state.snapshot.activeSessionCount
        span(" \(stubs) stubs · \(sessions) sessions", .statusBar)
        let problems = state.snapshot.problems.count
        if problems > 0 {
            span(" ", .statusBar)
            span("! \(problems) problem" + (problems == 1 ? "" : "s") + " (p)", .statusBarError)
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
        // Help and quit first: whatever the width, a person can always find the way out and the keys.
        let first: Set<Command> = [.help, .quit]
        let ordered = keymap.bindings.filter { first.contains($0.command) } + keymap.bindings.filter { !first.contains($0.command) }
        for binding in ordered {
            guard let hint = binding.hint, let key = binding.keys.first else { continue }
            span(key.description, .statusBarKey)
            span(" " + hint + "  ", .statusBar)
        }
        if let watching = state.watchSummary { span("│ watching: " + watching, .statusBar) }
    }

    /// The root with the home folder as `~`, for a readable status bar.
    static func shortRoot(_ root: String) -> String {
        if let home = ProcessEnvironment.home, !home.isEmpty, root.hasPrefix(home + "/") {
            return "~" + root.dropFirst(home.count)
        }
        return root
    }
}

/// Environment lookups the views need (kept in one place so tests can see them).
enum ProcessEnvironment {
    nonisolated(unsafe) static var home: String? = {
        guard let value = getenv("HOME") else { return nil }
        return String(cString: value)
    }()
}
