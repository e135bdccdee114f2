import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// [REMOTE] What a far hub sent, read back: the same values this hub's own status gives, and
/// nothing trusted that is missing or of another type.
@Suite struct RemoteSummaryTests {
    @Test func aFarStatusReadsBackAsTheNearOneWouldShowIt() throws {
        let workspace = try TemporaryWorkspace.demo("remote-summary")
        let snapshot = workspace.load()
        let summary = try #require(RemoteSummary(status: StatusReport.json(snapshot, now: DemoWorkspace.moment, policy: EvidencePolicy())))
        #expect(summary.sessions.count == snapshot.sessions.count && summary.stubCount == snapshot.stubs.count && summary.stubs.count == snapshot.stubs.count)
        let near = try #require(snapshot.sessions.first { $0.name == "api-migration-phase1" })
        let far = try #require(summary.sessions.first { $0.name == "api-migration-phase1" })
        #expect(far.status == near.derivedStatus && far.agentsComplete == near.agentsComplete && far.agentsTotal == near.agents.count)
        let attention = Evidence.attention(snapshot, now: DemoWorkspace.moment, policy: EvidencePolicy())
        #expect(summary.attention.map(\.reason) == attention.map { Optional($0.reason) })
        #expect(summary.sessionsNeedingYou == Set(attention.map(\.session)).count)
    }

    /// The slim summary a far hub sends its followers reads back exactly as its whole status does.
    @Test func theSlimSummaryReadsBackAsTheWholeStatus() throws {
        let workspace = try TemporaryWorkspace.demo("remote-summary-slim")
        let snapshot = workspace.load()
        let whole = StatusReport.json(snapshot, now: DemoWorkspace.moment, policy: EvidencePolicy())
        let slim = RemoteSummary.json(snapshot, now: DemoWorkspace.moment, policy: EvidencePolicy())
        #expect(RemoteSummary(status: slim) == RemoteSummary(status: whole))
        #expect(JSONPrinter.compactBytes(slim).count * 3 < JSONPrinter.compactBytes(whole).count, "much smaller than the whole status")
    }

    @Test func whatIsMissingOrOfAnotherTypeIsLeftOut() throws {
        let sent = try JSONParser.parse(Array(#"""
        {"counts": {"stubs": "many"}, "stubs": [{}, {}],
         "sessions": [{"name": "a", "path": "p/a", "derived_status": "exploded", "agents_complete": -4}, {"name": 3}, "x"],
         "attention": [{"session": "p/a", "reason": "a_reason_from_the_future", "since": "yesterday"}, {"reason": "failed"}]}
        """#.utf8))
        let summary = try #require(RemoteSummary(status: sent))
        #expect(summary.stubCount == 2, "a count of another type falls back to the list")
        #expect(summary.stubs.isEmpty, "a stub without a name and path is left out")
        #expect(summary.sessions == [RemoteSummary.SessionRow(name: "a", path: "p/a", status: .other, agentsComplete: 0, agentsTotal: 0, archived: false)])
        #expect(summary.attention.count == 1 && summary.attention[0].reason == nil && summary.attention[0].reasonWord == "a_reason_from_the_future")
        #expect(summary.attention[0].since == nil)
        #expect(RemoteSummary(status: .array([])) == nil)
    }
}
