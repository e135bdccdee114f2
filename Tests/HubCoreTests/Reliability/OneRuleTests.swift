import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// Rules that used to be restated in several places, now one each: the poll timeout, the UTF-8
/// locale, the clipboard's route, the sessions of a stub.
@Suite struct OneRuleTests {
    @Test func aPollTimeoutIsNeverEarlyNeverLongerThanAMinute() {
        let now = Date(timeIntervalSince1970: 1_000)
        #expect(PollTimeout.milliseconds(until: nil, now: now) == 60_000)
        #expect(PollTimeout.milliseconds(until: now.addingTimeInterval(0.25), now: now) == 251)
        #expect(PollTimeout.milliseconds(until: now.addingTimeInterval(-5), now: now) == 0)
        #expect(PollTimeout.milliseconds(until: now.addingTimeInterval(-5), now: now, minimum: 1) == 1)
        #expect(PollTimeout.milliseconds(until: now.addingTimeInterval(3_600), now: now) == 60_000)
    }

    /// doctor used to read an empty LC_ALL as the locale (and call it not UTF-8) while the screen
    /// skipped it: both now ask LocaleRule.
    @Test func anEmptyLCAllDoesNotHideTheLocaleBelowIt() {
        #expect(LocaleRule.chosen(["LC_ALL": "", "LANG": "en_US.UTF-8"]) == "en_US.UTF-8")
        #expect(LocaleRule.allowsUTF8(["LC_ALL": "", "LANG": "en_US.UTF-8"]))
        #expect(!LocaleRule.allowsUTF8(["LC_ALL": "C", "LANG": "en_US.UTF-8"]))
        #expect(LocaleRule.allowsUTF8([:]) && LocaleRule.chosen([:]) == nil)
    }

    @Test func theClipboardRouteIsWhatCopyWouldTry() {
        let bare = ["PATH": "/nonexistent"]
        #expect(Clipboard.route(order: ClipboardMethod.defaultOrder, environment: bare, hasTerminal: true) == [.osc52])
        #expect(Clipboard.route(order: ClipboardMethod.defaultOrder, environment: bare, hasTerminal: false).isEmpty)
        #expect(Clipboard.route(order: [.xclip, .osc52], environment: bare, hasTerminal: true) == [.osc52], "xclip without DISPLAY or the tool is not tried")
    }

    /// One rule for the sessions of a stub, phases in order (phase 10 after phase 2, not before).
    @Test func theSessionsOfAStubComeInPhaseOrder() throws {
        let workspace = try TemporaryWorkspace("stub-sessions-order")
        try workspace.write("coderef/working/feat/stub.json", #"{"feature_name": "feat", "status": "promoted"}"#)
        for phase in [1, 2, 10] {
            try workspace.write("coderef/sessions/feat-phase\(phase)/communication.json", #"{"workorder_id": "WO-FEAT-00\#(phase)", "agents": [{"agent_id": "a", "status": "complete"}]}"#)
        }
        let snapshot = workspace.load()
        let stub = try #require(snapshot.stubs.first)
        #expect(snapshot.sessions(for: stub).map(\.name) == ["feat-phase1", "feat-phase2", "feat-phase10"])
        #expect(StubSessions(snapshot).sessions(for: stub) == snapshot.sessions(for: stub))
    }
}
