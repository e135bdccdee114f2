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

    @Test func pollWithItsValueBeforeTheCommandIsNotMistakenForACommand() throws {
        let workspace = try TemporaryWorkspace.demo("poll-first")
        for arguments in [["--poll", "500", "status"], ["--poll", "status"], ["status", "--poll"]] {
            let result = try ProcessRunner.run(binary, arguments + ["--root", workspace.root])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }
}
