import CHubSystem
import Foundation
import HubCore

/// What `/` matches, per stub and per session, lowercased once per snapshot (not once per key):
/// typing a filter in a workspace of 10,000 stubs costs a byte search per item, not a string build.
struct ListSearch: Equatable, Sendable {
    /// A stub's name, id, status, priority, category, project, tags and agents.
    var stubText: [[UInt8]]
    /// A session's name, workorder id, derived status and agents (what its own row answers to).
    var sessionText: [[UInt8]]

    init(_ snapshot: WorkspaceSnapshot) {
        stubText = snapshot.stubs.map(ListSearch.text(of:))
        sessionText = snapshot.sessions.map(ListSearch.text(of:))
    }

    /// Recomputes the texts of the items a reload re-read (positions did not move).
    mutating func update(_ snapshot: WorkspaceSnapshot, touched: TouchedItems) {
        guard stubText.count == snapshot.stubs.count, sessionText.count == snapshot.sessions.count else {
            self = ListSearch(snapshot)
            return
        }
        for index in touched.stubIndices(in: snapshot.stubs) { stubText[index] = ListSearch.text(of: snapshot.stubs[index]) }
        for index in touched.sessionIndices(in: snapshot.sessions) {
            sessionText[index] = ListSearch.text(of: snapshot.sessions[index])
        }
    }

    static func bytes(_ fields: [String?]) -> [UInt8] {
        Array(fields.compactMap { $0?.lowercased() }.joined(separator: "\u{0}").utf8)
    }

    static func text(of stub: Stub) -> [UInt8] {
        bytes([stub.featureName, stub.stubId, stub.status.word, stub.priority, stub.category, stub.project] + stub.tags + stub.allAgents)
    }

    /// Its name, workorder id, status (label and word), and every agent's id, status word and
    /// bucket: `/blocked` finds the sessions that have a blocked agent.
    static func text(of session: Session) -> [UInt8] {
        var fields: [String?] = [session.name, session.workorderId, session.derivedStatus.label, session.derivedStatus.rawValue]
        for agent in session.everyone {
            fields += [agent.agentId, agent.status.word, agent.status.bucket.rawValue]
        }
        return bytes(fields)
    }

    /// The filter's words, lowercased, as bytes.
    static func words(_ filter: String) -> [[UInt8]] {
        filter.lowercased().split(separator: " ").map { Array($0.utf8) }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        if needle.count > haystack.count { return false }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { word in hub_contains_bytes(hay.baseAddress, UInt(hay.count), word.baseAddress, UInt(word.count)) != 0 }
        }
    }
}
