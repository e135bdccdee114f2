import HubCore

/// Where each part of the screen goes for a terminal size. Pure, shared by `render` (to draw) and
/// `reduce` (to keep the selection visible), so both agree on how many rows a pane shows.
struct ScreenLayout: Equatable, Sendable {
    static let minimumSize = Size(width: 40, height: 10)
    /// Below this width two panes side by side leave both cramped (agent ids cut to `codere…`), so
    /// one pane fills the screen and Enter / Esc move between them, as lazygit and k9s do.
    static let twoPaneWidth = 100

    static func isSinglePane(_ size: Size) -> Bool { size.width < twoPaneWidth }

    let size: Size
    let tooSmall: Bool
    let listBox: Rect
    let detailBox: Rect
    let statusBar: Rect
    /// One pane at a time: the focused one fills the screen and the other has no width.
    let singlePane: Bool

    init(size: Size, focus: Pane = .list) {
        self.size = size
        tooSmall = size.width < ScreenLayout.minimumSize.width || size.height < ScreenLayout.minimumSize.height
        let whole = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let rows = whole.splitRows([.fill(1), .fixed(1)])
        statusBar = rows[1]
        singlePane = ScreenLayout.isSinglePane(size)
        if singlePane {
            let hidden = Rect(x: size.width, y: rows[0].y, width: 0, height: rows[0].height)
            listBox = focus == .list ? rows[0] : hidden
            detailBox = focus == .list ? hidden : rows[0]
            return
        }
        // The list grows with the terminal (names were cut even at 250 columns); the session pane
        // keeps the larger part, where the agent rows and notes are.
        let listWidth = min(110, max(34, size.width * 42 / 100))
        let columns = rows[0].splitColumns([.fixed(listWidth), .fill(1)])
        listBox = columns[0]
        detailBox = columns[1]
    }

    var showsList: Bool { listBox.width > 0 }
    var showsDetail: Bool { detailBox.width > 0 }

    /// The list's rows, below the pane's border and its column header line.
    var listRows: Rect {
        let inner = listBox.inset(1)
        return Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
    }

    /// Inside the detail border, with one column of breathing room on each side.
    var detailInner: Rect {
        let inner = detailBox.inset(1)
        return Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    }
}

/// The parts of the session detail pane, shared by the view and the reducer (agent scrolling).
struct SessionDetailLayout: Equatable, Sendable {
    let header: Rect
    /// The agent column titles (one row) and the agent rows below it.
    let agentTitles: Rect
    let agents: Rect
    let oneLiner: Rect?

    /// A short pane keeps the agents in view: the header shrinks to the title and the status line.
    let compactHeader: Bool

    static func headerLines(_ session: Session) -> Int { session.phases.isEmpty ? 5 : 6 }

    init(session: Session, inner: Rect) {
        let wantsOneLiner = inner.height >= 16
        compactHeader = inner.height < 12
        let headerHeight = min(compactHeader ? 2 : SessionDetailLayout.headerLines(session), max(0, inner.height - 2))
        // The one-liner takes the rows the agents do not need (up to half the pane), so on a tall
        // terminal it shows whole instead of being cut under empty agent rows.
        let spare = inner.height - headerHeight - 1 - session.everyone.count - 1
        let oneLinerHeight = wantsOneLiner ? max(inner.height >= 30 ? 8 : 5, min(spare, inner.height / 2)) : 0
        let parts = inner.splitRows([.fixed(headerHeight), .fixed(1), .fill(1), .fixed(oneLinerHeight)])
        header = parts[0]
        agentTitles = parts[1]
        agents = parts[2]
        oneLiner = wantsOneLiner ? parts[3] : nil
    }
}
