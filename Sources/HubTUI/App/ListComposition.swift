import HubCore

/// The list as shown, composed from its parts: NEEDS YOU (from the verdicts) in front of the whole
/// list (shared, never copied), the archived items behind it when `H` asks, all narrowed by the
/// filter — whose words match names and ids, and, when they name a state (`needs`, `stale`,
/// `unverified`...), what the evidence says. Pure: parts in, rows out.
enum ListComposition {
    static let needsTitle = "NEEDS YOU"

    static func compose(whole: ListModel, board: AttentionBoard, snapshot: WorkspaceSnapshot, showArchived: Bool, filter: String, search: ListSearch?,
                        remotes: [RemoteView] = [], remoteRows: RemoteRows = .empty) -> ListModel {
        let split = RemoteFilter(filter)
        let far = remoteRows.filtered(split, remotes: remotes)
        var archived: [ListRow] = []
        if showArchived {
            archived = snapshot.stubs.indices.filter { snapshot.stubs[$0].archived }.map(ListRow.stub)
            archived += snapshot.sessions.indices.filter { snapshot.sessions[$0].archived && snapshot.sessions[$0].parent == nil }.map { .session($0, depth: 0) }
            if !archived.isEmpty { archived.insert(.header(archivedTitle, count: archived.count), at: 0) }
        }
        func needsGroup(_ local: [ListRow]) -> [ListRow] {
            let needs = RemoteRows.merge(local, far.needs, remotes: remotes, board: board, snapshot: snapshot)
            return needs.isEmpty ? [] : [.header(needsTitle, count: needs.count)] + needs
        }
        let localNeeds = board.orderedIndices.map(ListRow.attention)
        // Unfiltered: the whole local list is shared, not copied.
        guard !filter.isEmpty, let search else {
            return ListModel(rows: ListRows(head: needsGroup(localNeeds), body: whole.rows.wholeBody, foot: far.groupRows + archived),
                             sessionsByStub: whole.sessionsByStub, stubPaths: whole.stubPaths, stubsOfSession: whole.stubsOfSession)
        }
        // The local rows narrowed by the words (`@build` names remotes: then no local row is left),
        // the far rows by their own filter, NEEDS YOU merged again from what both kept.
        let local: ListModel
        if !split.tags.isEmpty {
            local = ListModel(rows: [], sessionsByStub: whole.sessionsByStub, stubPaths: whole.stubPaths, stubsOfSession: whole.stubsOfSession)
        } else {
            let localOnly = ListModel(rows: ListRows(head: localNeeds.isEmpty ? [] : [.header(needsTitle, count: localNeeds.count)] + localNeeds,
                                                     body: whole.rows.wholeBody, foot: archived),
                                      sessionsByStub: whole.sessionsByStub, stubPaths: whole.stubPaths, stubsOfSession: whole.stubsOfSession)
            local = narrowed(localOnly, by: split.localText, board: board, snapshot: snapshot, search: search)
        }
        var rest = local.rows[...]
        var keptNeeds: [ListRow] = []
        if case .header(needsTitle, _)? = rest.first {
            rest = rest.dropFirst()
            while let row = rest.first, case .attention = row {
                keptNeeds.append(row)
                rest = rest.dropFirst()
            }
        }
        let body = Array(rest)
        // The remotes' groups go before ARCHIVED, as they do unfiltered.
        let archivedAt = body.firstIndex { if case .header(archivedTitle, _) = $0 { return true } else { return false } } ?? body.endIndex
        let rows = needsGroup(keptNeeds) + body[..<archivedAt] + far.groupRows + body[archivedAt...]
        return ListModel(rows: rows, sessionsByStub: whole.sessionsByStub, stubPaths: whole.stubPaths, stubsOfSession: whole.stubsOfSession)
    }

    static let archivedTitle = "ARCHIVED"

    /// Local rows narrowed by filter words: those that name a state (`needs`, `stale`...) also match
    /// by what the evidence says; the rest only by text, at no extra cost per row.
    private static func narrowed(_ all: ListModel, by filter: String, board: AttentionBoard, snapshot: WorkspaceSnapshot, search: ListSearch) -> ListModel {
        guard !filter.isEmpty else { return all }
        let stateWords = Set(ListSearch.words(filter).filter(isStateWord))
        guard !stateWords.isEmpty else { return all.filtered(by: filter, search: search) }
        let sessions = snapshot.sessions
        return all.filtered(by: filter, search: search) { index, word in
            stateWords.contains(word) && matchesState(word, board.bySession[sessions[index].path])
        }
    }

    /// True for a filter word that can name an evidence state (`ne`, `needs`, `stale`, `unv`...).
    static func isStateWord(_ word: [UInt8]) -> Bool {
        let text = String(decoding: word, as: UTF8.self)
        guard text.count >= 2 else { return false }
        return "needs".hasPrefix(text) || AttentionReason.allCases.contains { $0.rawValue.hasPrefix(text) || $0.word.hasPrefix(text) }
    }

    /// `/needs`, `/stale`, `/unverified`, `/ready`... match sessions by what the evidence says.
    static func matchesState(_ word: [UInt8], _ items: [AttentionItem]?) -> Bool {
        guard let items, !items.isEmpty else { return false }
        let text = String(decoding: word, as: UTF8.self)
        if "needs".hasPrefix(text) && text.count >= 2 { return true }
        return items.contains { $0.reason.rawValue.hasPrefix(text) || $0.reason.word.hasPrefix(text) }
    }
}
