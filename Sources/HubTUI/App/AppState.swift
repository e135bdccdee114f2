import Foundation
import HubCore

/// Everything the screen shows, as one value. Changed only by `reduce`; drawn by `render`.
struct AppState: Equatable, Sendable {
    var snapshot: WorkspaceSnapshot
    private(set) var list: ListModel
    var size: Size
    var now: Date
    var focus: Pane = .list
    /// Dispatches started and not yet finished.
    var dispatchesInFlight = 0
    /// Index into `list.rows` of the selected row (always a selectable row when there is one).
    var selectedRow: Int?
    var listScroll = 0
    /// A session opened from a stub row (Enter), shown in the detail pane until the selection moves.
    var openedSessionPath: String?
    /// Index into the detail session's `everyone` (orchestrator first).
    var agentIndex = 0
    var agentScroll = 0
    var overlay: Overlay?
    var message: StatusMessage?
    var glyphs: Glyphs
    var loading = false
    var context: AppContext
    /// `y` copies the long form (toggled with `L`; default from the settings).
    var longForm: Bool
    /// Selected after the next snapshot arrives (a session just created).
    var pendingSelection: ItemID?
    /// Agent rows whose status just changed, highlighted until the given time (`session path`, NUL, `agent id`).
    var flashes: [String: Date] = [:]
    /// How the workspace is watched (`inotify 14 folders`), shown in the status bar.
    var watchSummary: String?
    /// The remotes followed, by name: their links and last good summaries. Their rows are rebuilt
    /// and the list recomposed at once, so a row never points into a summary that is gone.
    var remotes: [RemoteView] = [] {
        didSet {
            remoteRows = RemoteRows(remotes)
            compose()
        }
    }
    /// The remotes' rows, built when one changes.
    private(set) var remoteRows = RemoteRows.empty
    /// Far sessions read in full (Enter on one), by RemoteCall.key; read again as their remote changes.
    var farSessions: [String: RemoteSession] = [:]
    /// The terminal title last asked for (so it is set only when it changes).
    var title: String?
    /// `H`: archived sessions and stubs are listed in a group at the end.
    var showArchived = false
    /// The built-in theme `T` last switched to (nil: the one the screen started with).
    var themeName: String?

    static func flashKey(_ sessionPath: String, _ agentId: String) -> String { sessionPath + "\u{0}" + agentId }

    init(snapshot: WorkspaceSnapshot, size: Size, now: Date = Date(), glyphs: Glyphs = .unicode, context: AppContext? = nil) {
        self.snapshot = snapshot
        self.wholeList = ListModel(snapshot)
        self.list = wholeList
        self.size = size
        self.now = now
        self.glyphs = glyphs
        self.context = context ?? AppContext(layout: WorkspaceLayout(root: snapshot.root))
        self.longForm = self.context.settings.copyLongForm
        self.board = AttentionBoard(snapshot, now: now, policy: EvidencePolicy(self.context.settings))
        compose()
        self.selectedRow = list.rows.firstIndex { $0.isSelectable }
    }

    /// `/`: the list shows only what matches; `filtering` while the query is being typed.
    private(set) var filter = ""
    var filtering = false

    /// Replaces the snapshot and updates the list (with `setFilter`, the only places the list
    /// changes). With `touched` (what an incremental reload re-read) the rows are kept when none of
    /// those items moved, so a live update costs what changed. While the order is held (keys are
    /// arriving) and the rows still name the same items, they keep their places and only their
    /// contents change; the new order is shown by `releaseOrder`.
    mutating func setSnapshot(_ incoming: WorkspaceSnapshot, touched: TouchedItems? = nil, list built: BuiltList? = nil) {
        let old = self.snapshot
        var snapshot = incoming
        // What the screen did itself and the files do not say yet stays (its sessions' verdicts renewed).
        let laid = optimistic.isEmpty ? [] : optimistic.lay(over: &snapshot)
        self.snapshot = snapshot
        if let board = built?.board { self.board = board } else { Trace.timed("board update") { board.update(snapshot, touched: touched, now: now, policy: policy) } }
        if !laid.isEmpty { board.update(snapshot, touched: TouchedItems(sessionFolders: laid), now: now, policy: policy) }
        let sameItems = old.sameItems(as: snapshot, touched: touched)
        if built == nil, let touched, sameItems, wholeList.isStill(valid: old, for: snapshot, touched: touched, filtered: false) {
            // Nothing moved: only the re-read items' search texts can have changed.
            if search != nil { search?.update(snapshot, touched: touched) }
            // NEEDS YOU may still have changed (it is built from the verdicts when composed).
            if orderIsHeld { newOrderWaits = true } else { compose() }
            return
        }
        if built == nil, let touched, let moved = Trace.timed("list move", { wholeList.moving(from: old, to: snapshot, touched: touched) }) {
            // Rows moved, nothing else: those rows are put back in their new places.
            wholeList = moved
            if search != nil { search?.update(snapshot, touched: touched) }
        } else {
            wholeList = built?.list ?? ListModel(snapshot)
            // Search texts come with a list built off the loop, so the first `/` key costs nothing.
            search = built?.search ?? (filter.isEmpty ? nil : ListSearch(snapshot))
        }
        if orderIsHeld && sameItems {
            newOrderWaits = true
        } else {
            compose()
        }
    }

    /// How long the list keeps its order after a key (htop's way: rows do not move under a person
    /// who is moving through them).
    static let orderHold: TimeInterval = 1.5

    /// Until when a key holds the list's order (nil: not held).
    private(set) var orderHeldUntil: Date?
    /// A snapshot arrived while the order was held: the list shows the new order when it is released.
    private(set) var newOrderWaits = false
    var orderIsHeld: Bool { orderHeldUntil.map { now < $0 } ?? false }

    /// A key arrived: the order holds for a moment.
    mutating func holdOrder() {
        orderHeldUntil = now.addingTimeInterval(AppState.orderHold)
    }

    /// The hold is over: true when the list took a new order (the caller restores the selection).
    mutating func releaseOrderIfDue() -> Bool {
        guard let until = orderHeldUntil, now >= until else { return false }
        orderHeldUntil = nil
        guard newOrderWaits else { return false }
        compose()
        return true
    }

    mutating func setFilter(_ text: String) {
        filter = text
        if search == nil && !text.isEmpty { search = ListSearch(snapshot) }
        compose()
    }

    /// What the screen did itself, until the files say so (the workspace thread writes the snapshot).
    private(set) var optimistic = Optimistic()

    /// A one-liner was copied (or an agent dispatched) at `date`: shown at once, kept until the
    /// hand-off log says it too.
    mutating func noteHandoff(session: String, agents: [String], at date: Date) {
        for agent in agents { optimistic.handoffs[session, default: [:]][agent] = date }
        noteOptimistic()
    }

    mutating func noteDispatch(_ record: DispatchRecord, session: String, agent: String) {
        optimistic.dispatches[session, default: [:]][agent] = record
        noteOptimistic()
    }

    /// The verdicts of those sessions renewed; NEEDS YOU recomposed unless keys hold the order (the
    /// caller keeps the selection on its item: Reducer.withSelectionKept).
    private mutating func noteOptimistic() {
        let laid = optimistic.lay(over: &snapshot)
        board.update(snapshot, touched: TouchedItems(sessionFolders: laid), now: now, policy: policy)
        if orderIsHeld { newOrderWaits = true } else { compose() }
    }

    /// Time passed: verdicts that depend on it (stale, not picked up) are renewed when one is due.
    /// Returns true when a verdict was renewed (a deadline passed; most ticks cost nothing).
    @discardableResult
    mutating func advanceTime(to now: Date) -> Bool {
        self.now = now
        guard let deadline = board.nextDeadline, now >= deadline else { return false }
        board.advance(to: now, snapshot: snapshot, policy: policy)
        compose()
        return true
    }

    /// The list as shown: the NEEDS YOU group (sessions that need the person, worst first), then
    /// every item; both narrowed by the filter. Linear in the rows, without sorting.
    mutating func compose() {
        Trace.timed("compose") { composeRows() }
    }

    private mutating func composeRows() {
        newOrderWaits = false
        list = ListComposition.compose(whole: wholeList, board: board, snapshot: snapshot, showArchived: showArchived, filter: filter, search: search,
                                       remotes: remotes, remoteRows: remoteRows)
    }

    /// What the evidence says needs the person, per session (kept up to date with the snapshot).
    private(set) var board = AttentionBoard()
    var policy: EvidencePolicy { EvidencePolicy(context.settings) }

    /// Every item, grouped and sorted; `list` is this narrowed by the filter.
    private(set) var wholeList: ListModel
    /// The filter's lowercased texts, kept while a filter is in use (built once per snapshot).
    private(set) var search: ListSearch?

    // MARK: - What is selected

    enum Target: Equatable, Sendable {
        case stub(Stub)
        case session(Session)
        /// A far row: what its remote's summary says of it (read-only here; its hub does the work).
        case remote(RemoteDetail)
        case nothing
    }

    var selectedListRow: ListRow? {
        guard let selectedRow, list.rows.indices.contains(selectedRow) else { return nil }
        return list.rows[selectedRow]
    }

    /// The selected row's identity, which survives a reload.
    var selectedIdentity: ItemID? { selectedRow.flatMap(identity(ofRow:)) }

    func identity(ofRow row: Int) -> ItemID? {
        guard list.rows.indices.contains(row) else { return nil }
        switch list.rows[row] {
        case .stub(let index): return .stub(snapshot.stubs[index].path)
        case .session(let index, _): return .session(snapshot.sessions[index].path)
        case .attention(let index): return .attention(snapshot.sessions[index].path)
        case .remote(let remote, let item): return remoteIdentity(remote, item)
        case .header: return nil
        }
    }

    /// A far row's identity: the remote's name and the item's path there.
    func remoteIdentity(_ remote: Int, _ item: RemoteItem) -> ItemID? {
        guard remotes.indices.contains(remote), let summary = remotes[remote].summary else { return nil }
        let name = remotes[remote].name
        switch item {
        case .header: return nil
        case .stub(let index): return summary.stubs.indices.contains(index) ? .remote(name, .stub(summary.stubs[index].path)) : nil
        case .session(let index): return summary.sessions.indices.contains(index) ? .remote(name, .session(summary.sessions[index].path)) : nil
        case .attention(let index): return summary.attention.indices.contains(index) ? .remote(name, .attention(summary.attention[index].session)) : nil
        }
    }

    /// The row of the stub a session belongs to (the session is shown under it, opened).
    func rowOfStub(holding sessionPath: String) -> Int? {
        guard let index = snapshot.sessions.index(ofPath: sessionPath) else { return nil }
        return list.rows.indices.first { row in
            if case .stub(let stubIndex) = list.rows[row] { return list.sessionsByStub[snapshot.stubs[stubIndex].path]?.contains(index) == true }
            return false
        }
    }

    /// The row of an item, looking first where it was (after a reload that moved nothing, it is there).
    func row(of identity: ItemID, near hint: Int?) -> Int? {
        if let hint, self.identity(ofRow: hint) == identity { return hint }
        return list.rows.indices.first { self.identity(ofRow: $0) == identity }
    }

    /// What the detail pane shows.
    var detail: Target {
        if let path = openedSessionPath, let session = snapshot.session(at: path) { return .session(session) }
        switch selectedListRow {
        case .stub(let index)?: return .stub(snapshot.stubs[index])
        case .session(let index, _)?, .attention(let index)?: return .session(snapshot.sessions[index])
        case .remote(let remote, let item)?:
            guard var detail = RemoteDetail(remotes, remote: remote, item: item) else { return .nothing }
            if detail.session != nil { detail.agents = farSessions[RemoteCall.key(detail.remoteName, detail.path)]?.agents }
            return .remote(detail)
        default: return .nothing
        }
    }

    var detailSession: Session? {
        if case .session(let session) = detail { return session }
        return nil
    }

    /// The feature around the selection: its stub (if any) and every phase, in order (`t`).
    var featureTimeline: (stub: Stub?, phases: [Session]) {
        switch detail {
        case .stub(let stub):
            // Archived phases too: they are part of the feature's life (the timeline greys them).
            return (stub, snapshot.sessions(for: stub))
        case .session(let session):
            let phases = snapshot.timeline(of: session)
            let first = phases.first ?? session
            let stub = snapshot.stub(for: first).flatMap { $0.archived ? nil : $0 }
            return (stub, phases)
        case .remote, .nothing: return (nil, [])
        }
    }

    /// Where the panes go for this size and focus (one pane at a time on narrow terminals).
    var layout: ScreenLayout { ScreenLayout(size: size, focus: focus) }

    /// The detail pane can hold focus: a session (its agents), or on a narrow screen a stub too,
    /// because there the detail pane is the only way to read it.
    var detailCanHoldFocus: Bool {
        if detailSession != nil { return true }
        switch detail {
        case .stub: return ScreenLayout.isSinglePane(size)
        case .remote(let far): return far.session != nil || ScreenLayout.isSinglePane(size)
        default: break
        }
        return false
    }

    /// Whose one-liner the pane shows, `y` copies and `O` reads: the selected agent in the agents
    /// pane; on a NEEDS YOU row, the agent its reason names; else the session's first agent that is
    /// not the orchestrator.
    func oneLinerAgent(of session: Session) -> AgentState? {
        if focus == .detail, let agent = selectedAgent, session.everyone.contains(where: { $0.agentId == agent.agentId }) { return agent }
        if let named = attentionAgent(of: session) { return named }
        return session.everyone.first { !$0.isOrchestrator } ?? session.everyone.first
    }

    /// On a NEEDS YOU row, the agent its worst reason names (nil elsewhere, or for the session's own item).
    func attentionAgent(of session: Session) -> AgentState? {
        guard case .attention? = selectedListRow, let named = board.worst(session.path)?.agent else { return nil }
        return session.everyone.first { $0.agentId == named }
    }

    /// The agent row selected in the detail pane.
    var selectedAgent: AgentState? {
        guard let everyone = detailSession?.everyone, everyone.indices.contains(agentIndex) else { return nil }
        return everyone[agentIndex]
    }

    /// The sessions of a stub, in phase order.
    func sessions(of stub: Stub) -> [Session] {
        (list.sessionsByStub[stub.path] ?? []).map { snapshot.sessions[$0] }
    }
}
