import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// When a freshly started agent is ready for its one-liner, on screens as the programs draw them.
@Suite struct ReadinessTests {
    let rules = PaneRules.standard

    func judge(_ screen: String, before: String = "", paste: Bool? = nil, kind: String = "claude") -> Readiness.Verdict {
        Readiness.judge(Readiness.Look(screen: screen, beforeCursor: before, bracketedPaste: paste), kind: kind, rules: rules)
    }

    @Test func aQuietBlankPaneIsNeverReady() {
        #expect(judge("", paste: nil, kind: "cat") == .notYet)
        #expect(judge("\n\n\n", before: "", paste: false, kind: "cat") == .notYet)
        // A program still loading: a banner, the cursor at the start of the next line.
        #expect(judge("Loading model weights...\n", before: "", paste: nil, kind: "mytool") == .notYet)
    }

    @Test func askingForBracketedPasteOrShowingAPromptIsReady() {
        #expect(judge("", paste: true, kind: "mytool") == .ready(.bracketedPaste))
        #expect(judge(">>> ", before: ">>> ", paste: false, kind: "python3") == .ready(.prompt))
        #expect(judge("In [1]: ", before: "In [1]: ", kind: "ipython") == .ready(.prompt))
        #expect(judge("╭────╮\n│ ❯  │\n╰────╯\n  ? for shortcuts", kind: "claude") == .ready(.rule))
        let pattern = try! Regex("READY$")
        #expect(Readiness.judge(Readiness.Look(screen: "READY", beforeCursor: "", bracketedPaste: nil), kind: "x", rules: rules, readyPattern: pattern) == .ready(.pattern))
    }

    @Test func aQuestionIsNeverAnsweredWithTheOneLiner() {
        #expect(judge("Do you trust the files in this folder? (y/n)", kind: "sessions-hub-sim-agent") == .asks("whether to trust its folder"))
        if case .asks(let what) = judge(" Is this a project you created or one you trust?\n ❯ 1. Yes, I trust this folder\n   2. No, exit", paste: true) {
            #expect(what.contains("first-run question"))
        } else { Issue.record("Claude's trust dialog is a question") }
        // Not a trust phrase, still a question: asked with bracketed paste on, it is still asked.
        #expect(judge("Overwrite the existing config? [y/N] ", before: "Overwrite the existing config? [y/N] ", paste: true, kind: "tool") == .asks("Overwrite the existing config? [y/N]"))
        #expect(judge("Which model should I use?", paste: true, kind: "tool") == .asks("Which model should I use?"))
    }

    @Test func bracketedPasteIsTheLastModeTheProgramSet() {
        func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
        #expect(Readiness.bracketedPaste(in: bytes("hello")) == nil)
        #expect(Readiness.bracketedPaste(in: bytes("\u{1b}[?1049h\u{1b}[?2004h> ")) == true)
        // readline: on for each line it reads, off after.
        #expect(Readiness.bracketedPaste(in: bytes("\u{1b}[?2004h$ ls\r\n\u{1b}[?2004lfile\r\n")) == false)
        #expect(Readiness.bracketedPaste(in: bytes("\u{1b}[?2004l...\u{1b}[?2004h$ ")) == true)
    }

    @Test func refusalsAndMultiLineKindsAreData() {
        let screen = ">>> [WO-1] docs-writer: read /x/instructions.json\n\n Syntax Error: invalid syntax (<input>, line 1)\n [F4] Emacs  1/1 [F3] History [F6] Paste mode"
        #expect(rules.refusal(screen, kind: "ptpython") == "Syntax Error: invalid syntax (<input>, line 1)")
        #expect(rules.refusal(screen, kind: "claude") == nil)
        #expect(rules.classify(screen, kind: "ptpython") == nil, "a refusal is not an activity")
        #expect(rules.takesMultiLineInput(kind: "claude") && rules.takesMultiLineInput(kind: "codex"))
        #expect(!rules.takesMultiLineInput(kind: "python3") && !rules.takesMultiLineInput(kind: "ptpython"))
        var mine = PaneRules.standard
        mine.add("multiline = [\"mytool\"]\n[[rule]]\nagent = \"mytool\"\nstate = \"refused\"\nmatch = 'rejected'\n", source: "test")
        #expect(mine.problems.isEmpty && mine.takesMultiLineInput(kind: "mytool") && mine.refusal("input rejected", kind: "mytool") == "refused")
    }
}

/// The one wave rule the screen, `dispatch --all` and MCP follow.
@Suite struct WaveFollowerTests {
    func session(_ agents: String) throws -> Session {
        let workspace = try TemporaryWorkspace("waves-follow")
        try workspace.write("coderef/sessions/w-phase1/communication.json", #"{"orchestrator": {"agent_id": "lead", "status": "not_started"}, "agents": [\#(agents)]}"#)
        return try #require(workspace.load().sessions.first)
    }

    @Test func wavesInOrderThenTheOrchestratorThenDone() throws {
        let first = try session(#"{"agent_id": "db", "status": "not_started"}, {"agent_id": "api", "status": "not_started", "depends_on": ["db"]}"#)
        #expect(WaveFollower.next(first, handled: []) == .dispatch(["db"], wave: 1))
        #expect(WaveFollower.next(first, handled: ["db"]) == .wait(on: ["db"], waiting: ["lead", "api"]))
        #expect(WaveFollower.why(.wait(on: ["db"], waiting: ["api"])) == "api waits on db")
        let second = try session(#"{"agent_id": "db", "status": "complete"}, {"agent_id": "api", "status": "not_started", "depends_on": ["db"]}"#)
        #expect(WaveFollower.next(second, handled: ["db"]) == .dispatch(["api"], wave: 2))
        let last = try session(#"{"agent_id": "db", "status": "complete"}, {"agent_id": "api", "status": "complete", "depends_on": ["db"]}"#)
        #expect(WaveFollower.next(last, handled: ["db", "api"]) == .dispatch(["lead"], wave: nil), "the orchestrator after every agent")
        #expect(WaveFollower.next(last, handled: ["db", "api", "lead"]) == .done)
    }
}
