import Foundation
import HubCore

/// A new snapshot: the selection kept by identity, what changed highlighted, recorded and notified.
extension Reducer {
    /// A new snapshot keeps the selection on the same stub/session/agent (by identity, not index).
    static func replaceSnapshot(_ state: inout AppState, _ snapshot: WorkspaceSnapshot, touched: TouchedItems? = nil, list: BuiltList? = nil) {
        let kept = KeptSelection(state)
        state.setSnapshot(snapshot, touched: touched, list: list)
        state.loading = false
        if let pending = state.pendingSelection, selectPending(&state, pending) {
            state.pendingSelection = nil
            state.agentIndex = 0
            state.agentScroll = 0
            state.focus = .detail
            return
        }
        restore(&state, kept)
    }

    /// A yes/no dialog's key: yes closes it and returns what `yes` asks for; no closes it and says
    /// `nothing` (nothing was written, moved, copied...); any other key leaves it open.
    static func answerDialog(_ state: inout AppState, _ key: Key, keymap: Keymap, defaultsToNo: Bool = false, nothing: String, yes: (inout AppState) -> [Effect]) -> [Effect] {
        switch Confirmation(key, keymap: keymap, defaultsToNo: defaultsToNo) {
        case .yes:
            state.overlay = nil
            return yes(&state)
        case .no:
            state.overlay = nil
            flash(&state, nothing)
        case .neither: break
        }
        return []
    }

    /// Runs a change that may recompose the list (NEEDS YOU), keeping the selection on its item.
    static func withSelectionKept(_ state: inout AppState, _ change: (inout AppState) -> Void) {
        let kept = KeptSelection(state)
        change(&state)
        restore(&state, kept)
    }

    /// The list's order was held while keys arrived; now it takes the order the last snapshot gave,
    /// the selection kept on the same item.
    static func releaseOrder(_ state: inout AppState) {
        let kept = KeptSelection(state)
        if state.releaseOrderIfDue() { restore(&state, kept) }
    }

    /// What was selected before the rows changed, by identity.
    struct KeptSelection {
        var identity: ItemID?
        var agentId: String?
        var row: Int
        var screenLine: Int

        init(_ state: AppState) {
            identity = state.selectedIdentity
            agentId = state.selectedAgent?.agentId
            row = state.selectedRow ?? 0
            screenLine = row - state.listScroll
        }
    }

    /// The selection back on the same item (or its neighbour) after the rows changed. While keys
    /// arrive, the selected row also stays on the same line of the screen: rows added or removed
    /// above it scroll out of view rather than move it under the person's next key.
    static func restore(_ state: inout AppState, _ kept: KeptSelection) {
        let identity = kept.identity, agentId = kept.agentId, oldRow = kept.row
        defer {
            if state.orderIsHeld, let row = state.selectedRow { state.listScroll = max(0, row - kept.screenLine) }
        }
        if let identity, let row = state.row(of: identity, near: oldRow) {
            state.selectedRow = row
        } else if case .attention(let path)? = identity, let row = state.row(of: .session(path), near: nil) ?? state.rowOfStub(holding: path) {
            // It no longer needs the person: the selection follows the session to its own row (or
            // its stub's, showing it).
            state.selectedRow = row
            if case .stub = state.list.rows[row] { state.openedSessionPath = path }
        } else if case .remote(let name, .attention(let path))? = identity, let row = state.row(of: .remote(name, .session(path)), near: nil) {
            // The same for a far session: to its row in its remote's group.
            state.selectedRow = row
        } else {
            let selectable = state.list.rows.indices.filter { state.list.rows[$0].isSelectable }
            state.selectedRow = selectable.last(where: { $0 <= oldRow }) ?? selectable.first
            state.openedSessionPath = nil
        }
        if let path = state.openedSessionPath, state.snapshot.session(at: path) == nil { state.openedSessionPath = nil }
        if let agentId, let index = state.detailSession?.everyone.firstIndex(where: { $0.agentId == agentId }) {
            state.agentIndex = index
        }
        if !state.detailCanHoldFocus && state.focus == .detail { state.focus = .list }
    }

    /// Selects a just-created session: its own row, or the row of the stub it belongs to (opened).
    static func selectPending(_ state: inout AppState, _ identity: ItemID) -> Bool {
        if let row = state.row(of: identity, near: nil) {
            state.selectedRow = row
            state.openedSessionPath = nil
            return true
        }
        guard case .session(let path) = identity, let index = state.snapshot.sessions.index(ofPath: path) else { return false }
        for (row, item) in state.list.rows.enumerated() {
            if case .stub(let stubIndex) = item, state.list.sessionsByStub[state.snapshot.stubs[stubIndex].path]?.contains(index) == true {
                state.selectedRow = row
                state.openedSessionPath = path
                return true
            }
        }
        return false
    }


    public static let highlightLifetime: TimeInterval = 4

    /// Rows whose status changed are highlighted for a few seconds; a session that just became
    /// complete rings the bell when that is switched on.
    static func noteChanges(_ state: inout AppState, from old: WorkspaceSnapshot, to new: WorkspaceSnapshot, touched: TouchedItems?) -> [Effect] {
        guard !old.sessions.isEmpty || !old.stubs.isEmpty else { return [] }
        var effects: [Effect] = []
        for change in SnapshotDiff.changes(from: old, to: new, touched: touched) {
            switch change.kind {
            case .agentStatus:
                guard let agent = change.agent, change.from != nil else { continue }
                state.flashes[AppState.flashKey(change.path, agent)] = state.now.addingTimeInterval(highlightLifetime)
                let now = new.session(at: change.path)?.everyone.first { $0.agentId == agent }
                let bucket = change.to.map(Status.bucket(for:)) ?? .other
                if [.blocked, .failed, .complete].contains(bucket) {
                    var text = "\(WorkspacePaths.lastComponent(change.path)): \(agent) \(change.to ?? "")"
                    if let note = now?.notes, bucket != .complete { text += " — " + note }
                    effects += notify(&state, text, effects: effects)
                }
            case .agentActivity where change.to?.hasPrefix(Activity.State.waiting.rawValue) == true:
                // An agent that starts waiting for the person: only they can unblock it.
                guard let agent = change.agent else { continue }
                state.flashes[AppState.flashKey(change.path, agent)] = state.now.addingTimeInterval(highlightLifetime)
                effects += notify(&state, "\(WorkspacePaths.lastComponent(change.path)): \(agent) is \(change.to ?? "waiting") — it waits for you", effects: effects)
            case .sessionStatus where change.to == StatusBucket.complete.rawValue:
                if state.context.settings.bellOnComplete && !effects.contains(.bell) { effects.append(.bell) }
                effects += notify(&state, "\(WorkspacePaths.lastComponent(change.path)) is complete", effects: effects)
                flash(&state, "\(WorkspacePaths.lastComponent(change.path)) is complete")
            default: break
            }
        }
        return effects
    }

    /// Bell and desktop notification for one event, as `[notify]` asks (the bell at most once per batch).
    static func notify(_ state: inout AppState, _ text: String, effects: [Effect]) -> [Effect] {
        var out: [Effect] = []
        let settings = state.context.settings
        if settings.notifyBell && !effects.contains(.bell) { out.append(.bell) }
        if settings.notifyDesktop { out.append(.notify(title: "sessions-hub", body: text)) }
        return out
    }

}
