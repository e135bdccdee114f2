import HubCore

/// The list as shown, composed from its parts: NEEDS YOU (from the verdicts) in front of the whole
/// list (shared, never copied), the archived items behind it when `H` asks, all narrowed by the
/// filter — whose words match names and ids, and, when they name a state (`needs`, `stale`,
/// `unverified`...), what the evidence says. Pure: parts in, rows out.
enum ListComposition {
    static let needsTitle = "NEEDS YOU"

    static func compose(whole: ListModel, board: AttentionBoard, snapshot: WorkspaceSnapshot, showArchived: Bool, filter: String, search: ListSearch?) -> ListModel {
        let needs = board.orderedIndices.map(ListRow.attention)
        let head: [ListRow] = needs.isEmpty ? [] : [.header(needsTitle, count: needs.count)] + needs
        var foot: [ListRow] = []
        if showArchived {
            var archived: [ListRow] = snapshot.stubs.indices.filter { snapshot.stubs[$0].archived }.map(ListRow.stub)
            archived += snapshot.sessions.indices.filter { snapshot.sessions[$0].archived && snapshot.sessions[$0].parent == nil }.map { .session($0, depth: 0) }
            if !archived.isEmpty { foot = [.header("ARCHIVED", count: archived.count)] + archived }
        }
        let all = ListModel(rows: ListRows(head: head, body: whole.rows.wholeBody, foot: foot), sessionsByStub: whole.sessionsByStub, stubPaths: whole.stubPaths,
                            stubsOfSession: whole.stubsOfSession)
        guard !filter.isEmpty, let search else { return all }
        // Words that name a state also match by the evidence; the rest only by text, at no extra cost per row.
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
