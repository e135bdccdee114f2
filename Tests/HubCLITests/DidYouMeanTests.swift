import Foundation
import Testing
import HubTestSupport
import HubCore

/// Mistyped names get the closest ones; unknown status words are refused with a suggestion.
@Suite(.enabled(if: TestPaths.binary != nil, "needs the built sessions-hub binary"))
struct DidYouMeanTests {
    let binary = TestPaths.binary ?? ""

    @Test func closeNamesAreSuggested() throws {
        let workspace = try TemporaryWorkspace.demo("did-you-mean")
        let cases: [([String], String)] = [
            (["start", "parallel-docs-audt"], "no stub named 'parallel-docs-audt'; did you mean parallel-docs-audit?"),
            (["one-liner", "api-migraton-phase1", "docs-writer"], "did you mean api-migration-phase1?"),
            (["one-liner", "api-migration-phase1", "doc-writer"], "did you mean docs-writer?"),
            (["set-status", "api-migration-phase1", "docs-writer", "donee"], "'donee' is not a status word the hub knows; did you mean done?"),
        ]
        for (arguments, message) in cases {
            let result = try ProcessRunner.run(binary, arguments + ["--root", workspace.root])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        // --any-word writes it anyway, as written.
        let forced = try ProcessRunner.run(binary, ["set-status", "api-migration-phase1", "docs-writer", "donee", "--any-word", "--root", workspace.root])
        #expect(forced.status == 0)
        #expect(Suggest.closest("zzzz", among: ["status", "start"]).isEmpty, "nothing far off is suggested")
    }

    /// `set-status … complete` writes as asked, and says when the evidence will not back it.
    @Test func completeWithTasksLeftOrNoOutputIsWrittenWithAWarning() throws {
        let workspace = try TemporaryWorkspace.demo("set-status-warns")
        let result = try ProcessRunner.run(binary, ["set-status", "api-migration-phase1", "mobile-app", "complete", "--root", workspace.root])
        #expect(result.status == 0 && result.stdout.contains("blocked → complete"))
        #expect(result.stderr.contains("warning: mobile-app has 2 of 2 tasks not done") && result.stderr.contains("does not exist"), "\(result.stderr)")
        // The triage command: a verdict and its undo, from a shell.
        let snooze = try ProcessRunner.run(binary, ["triage", "api-migration-phase1", "mobile-app", "--snooze", "--root", workspace.root])
        #expect(snooze.status == 0 && snooze.stdout.contains("snoozed") && snooze.stdout.contains("sessions-hub triage --undo"), "\(snooze.stderr)")
        let twice = try ProcessRunner.run(binary, ["triage", "api-migration-phase1", "mobile-app", "--snooze", "--root", workspace.root])
        #expect(twice.status == 1 && twice.stderr.contains("already set aside"))
        let bad = try ProcessRunner.run(binary, ["triage", "api-migration-phase1", "--dismiss", "--reason", "nope", "--root", workspace.root])
        #expect(bad.status == 2 && bad.stderr.contains("is not a reason"))
        let undo = try ProcessRunner.run(binary, ["triage", "--undo", "--root", workspace.root])
        #expect(undo.status == 0 && undo.stdout.contains("snooze undone"))
    }

    @Test func pollWithItsValueBeforeTheCommandIsNotMistakenForACommand() throws {
        let workspace = try TemporaryWorkspace.demo("poll-first")
        for arguments in [["--poll", "500", "status"], ["--poll", "status"], ["status", "--poll"]] {
            let result = try ProcessRunner.run(binary, arguments + ["--root", workspace.root])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }
}
