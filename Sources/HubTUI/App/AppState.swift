import Foundation
import HubCore

public struct Size: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

public enum Pane: Equatable, Sendable { case list, detail }

public enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    case problems(scroll: Int)
    /// `S`: what starting a session will create; Enter/y creates it.
    case confirmStart(SessionPlan)
    /// `S` on a stub that names no agents: pick them from the agents the workspace knows.
    case pickAgents(stubPath: String, candidates: [String], chosen: Set<String>, cursor: Int)
    /// Something failed; nothing was changed.
    case error(String)
    /// `A`: what archiving will move; Enter/y moves it.
    case confirmArchive(ArchivePlan)
    /// `c`/`i`: a session file, read-only and scrollable.
    case file(title: String, lines: [String], scroll: Int)
}

/// Where the screen works and how: the layout (for new sessions) and the settings.
public struct AppContext: Equatable, Sendable {
    public var layout: WorkspaceLayout
    public var settings: HubSettings

    public init(layout: WorkspaceLayout, settings: HubSettings = HubSettings()) {
        self.layout = layout
        self.settings = settings
    }
}

/// A line in the status bar that goes away by itself.
public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    public var expires: Date
}

/// Everything the screen shows, as one value. Changed only by `reduce`; drawn by `render`.
public struct AppState: Equatable, Sendable {
    public var snapshot: WorkspaceSnapshot
    public private(set) var list: ListModel
    public var size: Size
    public var now: Date
    public var focus: Pane = .list
    /// Index into `list.rows` of the selected row (always a selectable row when there is one).
    public var selectedRow: Int?
    public var listScroll = 0
    /// A session opened from a stub row (Enter), shown in the detail pane until the selection moves.
    public var openedSessionPath: String?
    /// Index into the detail session's `everyone` (orchestrator first).
    public var agentIndex = 0
    public var agentScroll = 0
    public var overlay: Overlay?
    public var message: StatusMessage?
    public var glyphs: Glyphs
    public var loading = false
    public var context: AppContext
    /// `y` copies the long form (toggled with `L`; default from the settings).
    public var longForm: Bool
    /// Selected after the next snapshot arrives (a session just created).
    public var pendingSelection: ItemID?
    /// Agent rows whose status just changed, highlighted until the given time (`session path`, NUL, `agent id`).
    public var flashes: [String: Date] = [:]
    /// How the workspace is watched (`inotify 14 folders`), shown in the status bar.
    public var watchSummary: String?

    public static func flashKey(_ sessionPath: String, _ agentId: String) -> String { sessionPath + "\u{0}" + agentId }

    public init(snapshot: WorkspaceSnapshot, size: Size, now: Date = Date(), glyphs: Glyphs = .unicode, context: AppContext? = nil) {
        self.snapshot = snapshot
        self.wholeList = ListModel(snapshot)
        self.list = wholeList
        self.size = size
        self.now = now
        self.glyphs = glyphs
        self.context = context ?? AppContext(layout: WorkspaceLayout(root: snapshot.root))
        self.longForm = self.context.settings.copyLongForm
        self.selectedRow = list.rows.firstIndex { $0.isSelectable }
    }

    /// `/`: the list shows only what matches; `filtering` while the query is being typed.
    public private(set) var filter = ""
    public var filtering = false

    /// Replaces the snapshot and updates the list (with `setFilter`, the only places the list
    /// changes). With `touched` (what an incremental reload re-read) the rows are kept when none of
    /// those items moved, so a live update costs what changed.
    mutating func setSnapshot(_ snapshot: WorkspaceSnapshot, touched: TouchedItems? = nil, list built: BuiltList? = nil) {
        let old = self.snapshot
        self.snapshot = snapshot
        if built == nil, let touched, wholeList.isStill(valid: old, for: snapshot, touched: touched, filtered: false) {
            // Nothing moved: only the re-read items' search texts can have changed.
            if search != nil { search?.update(snapshot, touched: touched) }
            if !filter.isEmpty, let search { list = wholeList.filtered(by: filter, search: search) }
            return
        }
        wholeList = built?.list ?? ListModel(snapshot)
        // Search texts come with a list built off the loop, so the first `/` key costs nothing.
        search = built?.search ?? (filter.isEmpty ? nil : ListSearch(snapshot))
        list = search.map { wholeList.filtered(by: filter, search: $0) } ?? wholeList
    }

    mutating func setFilter(_ text: String) {
        filter = text
        if search == nil && !text.isEmpty { search = ListSearch(snapshot) }
        list = search.map { wholeList.filtered(by: text, search: $0) } ?? wholeList
    }

    /// Every item, grouped and sorted; `list` is this narrowed by the filter.
    private(set) var wholeList: ListModel
    /// The filter's lowercased texts, kept while a filter is in use (built once per snapshot).
    private(set) var search: ListSearch?

    // MARK: - What is selected

    public enum Target: Equatable, Sendable {
        case stub(Stub)
        case session(Session)
        case nothing
    }

    public var selectedListRow: ListRow? {
        guard let selectedRow, list.rows.indices.contains(selectedRow) else { return nil }
        return list.rows[selectedRow]
    }

    /// The selected row's identity, which survives a reload.
    public var selectedIdentity: ItemID? { selectedRow.flatMap(identity(ofRow:)) }

    public func identity(ofRow row: Int) -> ItemID? {
        guard list.rows.indices.contains(row) else { return nil }
        switch list.rows[row] {
        case .stub(let index): return .stub(snapshot.stubs[index].path)
        case .session(let index, _): return .session(snapshot.sessions[index].path)
        case .header: return nil
        }
    }

    /// The row of an item, looking first where it was (after a reload that moved nothing, it is there).
    public func row(of identity: ItemID, near hint: Int?) -> Int? {
        if let hint, self.identity(ofRow: hint) == identity { return hint }
        return list.rows.indices.first { self.identity(ofRow: $0) == identity }
    }

    /// What the detail pane shows.
    public var detail: Target {
        if let path = openedSessionPath, let session = snapshot.session(at: path) { return .session(session) }
        switch selectedListRow {
        case .stub(let index)?: return .stub(snapshot.stubs[index])
        case .session(let index, _)?: return .session(snapshot.sessions[index])
        default: return .nothing
        }
    }

    public var detailSession: Session? {
        if case .session(let session) = detail { return session }
        return nil
    }

    /// The agent row selected in the detail pane.
    public var selectedAgent: AgentState? {
        guard let everyone = detailSession?.everyone, everyone.indices.contains(agentIndex) else { return nil }
        return everyone[agentIndex]
    }

    /// The sessions of a stub, in phase order.
    public func sessions(of stub: Stub) -> [Session] {
        (list.sessionsByStub[stub.path] ?? []).map { snapshot.sessions[$0] }
    }
}
