import Foundation
import Testing
@testable import HubCore

/// The screen rules on pane texts as the agents draw them (Claude Code 2.1.332 captured here; the
/// others from their sources' own snapshots).
@Suite struct PaneRulesTests {
    let rules = PaneRules.standard

    @Test func theShippedRulesAllLoad() {
        #expect(rules.problems.isEmpty, "\(rules.problems)")
        #expect(Set(rules.rules.map(\.agent)) == ["claude", "codex", "gemini", "aider", "ptpython", "sessions-hub-sim-agent"])
    }

    @Test func claudesPermissionPromptIsWaiting() {
        let screen = """
        ❯ please run the sessions-hub task
          Writing a file
          ⎿  $ echo hello > out.txt
        ────────────────────────────────────────
         Bash command
         echo hello > out.txt
         Do you want to proceed?
         ❯ 1. Yes
           2. Yes, and always allow access to /tmp/cc/proj from this project
           4. No
         Esc to cancel · Tab to amend
        """
        #expect(rules.classify(screen, kind: "claude") == Activity(state: .waiting, detail: "permission: Do you want to proceed?", source: .pane))
        #expect(rules.classify("╭──╮\n│ > │\n? for shortcuts", kind: "claude")?.state == .idle)
        #expect(rules.classify("✻ Cogitating… (12s · 340 tokens · esc to interrupt)", kind: "claude")?.state == .working)
        #expect(rules.classify(screen, kind: "vim") == nil, "no rules for an unknown program")
    }

    @Test func codexGeminiAndAiderPrompts() {
        #expect(rules.classify("  Would you like to run the following command?\n  $ cargo test\n› 1. Yes, proceed (y)", kind: "codex")?.state == .waiting)
        #expect(rules.classify("› Ask Codex to do anything", kind: "codex")?.state == .idle)
        #expect(rules.classify("⠏ Thinking (esc to cancel, 12s)", kind: "gemini")?.state == .working)
        let aider = rules.classify("Add README.md to the chat? (Y)es/(N)o/(D)on't ask again [Yes]: ", kind: "aider")
        #expect(aider == Activity(state: .waiting, detail: "permission: Add README.md to the chat?", source: .pane))
        #expect(rules.classify("some output\n> ", kind: "aider")?.state == .idle)
    }

    @Test func theSimulatedAgentsQuestionAndTheAgentKindOfACommand() {
        let screen = "got 406 characters\nMay I write my output and report api-server complete?\nDo you want to proceed?\n❯ 1. Yes\n  2. No"
        #expect(rules.classify(screen, kind: "sessions-hub-sim-agent")?.detail == "permission: May I write my output and report api-server complete?")
        // Its log keeps earlier lines in view: only the last one says what it does now.
        #expect(rules.classify("got 12 characters\napi-server: in_progress\nwrote /x.json\napi-server: complete\ndone", kind: "sessions-hub-sim-agent")?.state == .idle)
        #expect(rules.classify("got 12 characters\napi-server: in_progress", kind: "sessions-hub-sim-agent")?.state == .working)
        #expect(PaneRules.agentKind(command: ["/usr/local/bin/codex", "--full-auto"]) == "codex")
        #expect(PaneRules.agentKind(command: ["env", "FOO=1", "aider", "--yes"]) == "aider")
        #expect(PaneRules.agentKind(command: ["npx", "@google/gemini-cli"]) == "gemini")
    }
}
