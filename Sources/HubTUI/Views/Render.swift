import HubCore

/// `render(state) -> Canvas`: pure; never changes state (scrolling is decided in the reducer).
enum Render {
    static func screen(_ state: AppState, keymap: Keymap = .standard) -> Canvas {
        var canvas = Canvas(width: state.size.width, height: state.size.height)
        let layout = state.layout
        if layout.tooSmall {
            drawTooSmall(&canvas, state)
            if state.glyphs == .ascii { canvas.makeASCII() }
            return canvas
        }
        if layout.showsList { ListPane.draw(&canvas, state, layout: layout) }
        if layout.showsDetail { drawDetail(&canvas, state, layout: layout, keymap: keymap) }
        StatusBar.draw(&canvas, state, rect: layout.statusBar, keymap: keymap)
        Overlays.draw(&canvas, state, keymap: keymap)
        if state.glyphs == .ascii { canvas.makeASCII() }
        return canvas
    }

    static func drawDetail(_ canvas: inout Canvas, _ state: AppState, layout: ScreenLayout, keymap: Keymap) {
        let inner = layout.detailInner
        // Alone on the screen, the pane says how to get back to the list.
        let back = layout.singlePane ? " · Esc list" : ""
        switch state.detail {
        case .stub(let stub):
            Box.draw(&canvas, layout.detailBox, title: "Stub" + back, focused: false, glyphs: state.glyphs)
            StubDetail.draw(&canvas, state, stub, inner: inner)
        case .session(let session):
            Box.draw(&canvas, layout.detailBox, title: "Session" + back, focused: state.focus == .detail && state.overlay == nil, glyphs: state.glyphs)
            SessionDetail.draw(&canvas, state, session, inner: inner, keymap: keymap)
        case .remote(let detail):
            Box.draw(&canvas, layout.detailBox, title: "@" + detail.remoteName + back, focused: state.focus == .detail && state.overlay == nil, glyphs: state.glyphs)
            RemoteDetailView.draw(&canvas, state, detail, inner: inner, keymap: keymap)
        case .nothing:
            Box.draw(&canvas, layout.detailBox, title: "Detail" + back, focused: false, glyphs: state.glyphs)
            Cells.text(&canvas, "Nothing selected.", x: inner.x, y: inner.y, width: inner.width, role: .muted, glyphs: state.glyphs)
        }
    }

    static func drawTooSmall(_ canvas: inout Canvas, _ state: AppState) {
        let minimum = ScreenLayout.minimumSize
        let lines = [
            "Terminal too small",
            "\(state.size.width)×\(state.size.height), need \(minimum.width)×\(minimum.height)",
            "q quits",
        ]
        let top = max(0, (canvas.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let width = DisplayWidth.of(line)
            Cells.text(&canvas, line, x: max(0, (canvas.width - width) / 2), y: top + offset, width: canvas.width, role: offset == 0 ? .warning : .text, glyphs: state.glyphs)
        }
    }
}
