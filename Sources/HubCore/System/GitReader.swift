import Foundation

/// Asks `git` about a repository that is someone else's: plumbing and log commands only, under one
/// deadline shared by every question, with the repository's own commands switched off (fsmonitor,
/// hooks, signature checks, external diff drivers) so that nothing in it runs, and no prompt.
struct GitReader {
    let git: String
    let environment: [String: String]
    let deadline: Date

    static let safety = ["-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "log.showSignature=false", "-c", "core.quotePath=false",
                         "-c", "diff.external=", "-c", "core.pager=cat"]

    /// nil when git is not installed.
    init?(environment: [String: String], timeout: TimeInterval) {
        guard let git = ToolRunner.which("git", environment: environment) else { return nil }
        var quiet = environment
        for (key, value) in ["GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "GIT_LITERAL_PATHSPECS": "1", "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"] { quiet[key] = value }
        self.git = git
        self.environment = quiet
        self.deadline = Date().addingTimeInterval(timeout)
    }

    /// The command's output, or nil when it failed or the deadline passed.
    func ask(_ arguments: [String], in folder: String, input: [UInt8]? = nil) -> [UInt8]? {
        let left = deadline.timeIntervalSinceNow
        guard left > 0.05, let result = try? Subprocess.capture(git, ["-C", folder] + GitReader.safety + arguments, environment: environment, input: input, timeout: left),
              result.status == 0 else { return nil }
        return result.stdout
    }

    var timeLeft: Bool { deadline.timeIntervalSinceNow > 0.05 }
}
