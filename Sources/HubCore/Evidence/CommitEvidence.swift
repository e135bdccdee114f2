import Foundation

/// Reads, for each agent handed its work (one-liner copied or dispatched) whose session is not
/// complete, the commits in its own project folder since then (`git log` limited to that folder, so a
/// project inside a larger repository counts only its own). Never on the screen's thread: one
/// deadline for all of them, and an agent whose folder is the workspace itself is left out (the
/// workspace's commits are everyone's, not its).
public enum CommitEvidence {
    public static let timeout: TimeInterval = 3

    public static func read(_ snapshot: WorkspaceSnapshot, folder: (Session, AgentState) -> String?, environment: [String: String],
                            timeout: TimeInterval = CommitEvidence.timeout) -> [String: [String: ProjectCommits]] {
        // Only sessions something was handed to (a few), not every session of the workspace.
        let handedTo = Set(snapshot.handoffs.keys).union(snapshot.dispatches.keys).sorted()
        let candidates = handedTo.compactMap { snapshot.session(at: $0) }.filter { !$0.archived && !$0.derivedStatus.isFinished }
            .flatMap { session in session.everyone.map { (session, $0) } }
            .compactMap { session, agent -> (Session, AgentState, Date, String)? in
                let dispatched = snapshot.dispatches[session.path]?[agent.agentId]?.at
                let copied = snapshot.handoffs[session.path]?[agent.agentId]
                guard let since = [dispatched, copied].compactMap({ $0 }).max() else { return nil }
                return (session, agent, since, since == dispatched ? "dispatch" : "hand-off")
            }
        guard !candidates.isEmpty, let git = GitReader(environment: environment, timeout: timeout) else { return [:] }
        let root = WorkspacePaths.standardize(snapshot.root)
        var result: [String: [String: ProjectCommits]] = [:]
        for (session, agent, since, label) in candidates where git.timeLeft {
            guard let place = folder(session, agent).map(WorkspacePaths.standardize), place != root, FileSystem.isDirectory(place) else { continue }
            let epoch = Int(since.timeIntervalSince1970)
            guard let output = git.ask(["log", "--no-merges", "--no-renames", "--no-ext-diff", "--no-textconv", "--numstat", "--format=%x01%ct", "--since=@\(epoch)", "HEAD", "--", "."], in: place) else { continue }
            let commits = parse(String(decoding: output, as: UTF8.self), since: label)
            if commits.count > 0 { result[session.path, default: [:]][agent.agentId] = commits }
        }
        return result
    }

    /// `git log --numstat --format=%x01%ct`: a line per commit (`\u{1}<epoch>`), then `added\tremoved\tpath`
    /// per file (`-` for binary files, counted as no lines).
    static func parse(_ output: String, since label: String) -> ProjectCommits {
        var commits = ProjectCommits(count: 0, added: 0, removed: 0, last: nil, since: label)
        for line in output.split(separator: "\n") {
            if line.first == "\u{1}" {
                commits.count += 1
                if let epoch = Double(line.dropFirst()) {
                    let date = Date(timeIntervalSince1970: epoch)
                    commits.last = max(commits.last ?? date, date)
                }
                continue
            }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            commits.added += Int(fields[0]) ?? 0
            commits.removed += Int(fields[1]) ?? 0
        }
        return commits
    }
}
