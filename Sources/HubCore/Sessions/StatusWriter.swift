import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `set-status`: an agent (or a script) records its status the way the workflow expects, through a
/// locked in-place edit that changes only that value (and `completed_at` when it completes, and
/// `notes` when given): its own nested communication.json when it has one, else its entry in the
/// session's communication.json.
public enum StatusWriter {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case invalidStatus(String)
        case noFile(String)
        case notFound(agent: String, file: String)
        case plainId(agent: String, file: String)
        case write(String)

        public var description: String {
            switch self {
            case .invalidStatus(let word): return "'\(word)' cannot be a status (empty or with control characters)"
            case .noFile(let session): return "\(session) has no communication.json to record a status in"
            case .notFound(let agent, let file): return "no entry for \(agent) in \(file)"
            case .plainId(let agent, let file): return "\(agent) is listed as a plain id in \(file), with no place for a status"
            case .write(let why): return why
            }
        }
    }

    /// What the evidence will say of `word` for `agent`, said when it is written (by `set-status`,
    /// MCP's `set_status` and the screen's `m` alike): complete with tasks not done, or its output
    /// missing, is unverified. It still writes: the person or agent decides.
    public static func warnings(setting word: String, on agent: AgentState) -> [String] {
        guard Status(word).bucket == .complete else { return [] }
        var warnings: [String] = []
        if let done = agent.tasksDone, let total = agent.tasksTotal, done < total {
            warnings.append("\(agent.agentId) has \(total - done) of \(total) tasks not done; the hub will show it as unverified")
        }
        if let output = agent.outputFile, !agent.outputExists {
            warnings.append("\(agent.agentId)'s output \(TerminalText.sanitize(output)) does not exist; the hub will show it as unverified")
        }
        return warnings
    }

    /// How long after a write it is checked again (see `set`).
    public nonisolated(unsafe) static var verifyDelay: TimeInterval = 0.03

    /// Returns the file written (relative to the root).
    @discardableResult
    public static func set(_ word: String, agent: AgentState, in session: Session, root: String, note: String? = nil, now: Date = Date()) throws -> String {
        let trimmed = word.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, TerminalText.isPrintable(trimmed) else { throw Failure.invalidStatus(word) }
        let completes = Status.bucket(for: trimmed) == .complete
        let stamp = ISO8601DateFormatter().string(from: now)

        let relative: String
        if let nested = agent.nestedFile {
            relative = nested
        } else if let file = session.communicationFile {
            relative = file
        } else {
            throw Failure.noFile(session.name)
        }
        let path = FileSystem.join(root, relative)
        do { try RootedPath.inside(path, root: root) } catch { throw Failure.write(error.description) }
        let isNested = agent.nestedFile != nil
        /// Where the status is in the document, and whether it holds `trimmed`.
        func statusPath(_ document: JSONDocument) throws -> [JSONPathComponent] {
            let prefix: [JSONPathComponent] = isNested ? [] : try locate(agent, in: document.root, file: relative)
            // `agents: {"id": "status"}`: the value itself is the status.
            if prefix.last == .key(agent.agentId), document.value(at: prefix)?.stringValue != nil { return prefix }
            return prefix + [.key("status")]
        }
        // An agent's editor that loads, changes and saves without a lock can put back the old text
        // right after our write. So the write is checked a moment later and made again if it was
        // undone; a file that keeps losing it is reported, never a silent success.
        var attempts = 0
        while true {
            attempts += 1
            do {
                try AtomicFile.update(path, locks: HubStateFolder.locks(root: root)) { document in
                    let at = try statusPath(document)
                    try document.set(at, to: .string(trimmed))
                    guard at.last == .key("status") else { return }
                    let prefix = Array(at.dropLast())
                    if completes { try document.set(prefix + [.key("completed_at")], to: .string(stamp)) }
                    if let note { try document.set(prefix + [.key("notes")], to: .string(note)) }
                }
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure.write("could not update \(relative): \(WriteErrorText.describe(error)); nothing was changed")
            }
            usleep(useconds_t(verifyDelay * 1_000_000))
            // Checked under the lock: a change made since by another locked writer (another hub,
            // another MCP client) is theirs to make, not ours undone.
            let undone = (try? AtomicFile.withLock(on: path, locks: HubStateFolder.locks(root: root)) { () -> Bool in
                if AtomicFile.isLastLockedWrite(path, locks: HubStateFolder.locks(root: root)) { return false }
                guard let bytes = try? FileSystem.read(path), let document = try? JSONDocument(bytes: bytes),
                      let at = try? statusPath(document) else { return false }
                return document.value(at: at)?.stringValue != trimmed
            }) ?? false
            guard undone else { break }
            if attempts >= 3 {
                throw Failure.write("\(relative) was changed back by another program (one that writes it without a lock) \(attempts) times; the status is not \(trimmed) — try again when that program is done")
            }
        }
        // The hub's own record of the change (its age and history on screen); the status is written
        // whether or not this succeeds.
        try? StatusHistory.append([StatusHistory.Entry(time: now, session: session.path, agent: agent.agentId, from: agent.status.word, to: trimmed, note: note)], root: root)
        return relative
    }

    /// Where the agent's entry is in a session's communication.json.
    static func locate(_ agent: AgentState, in root: JSONValue, file: String) throws -> [JSONPathComponent] {
        if agent.isOrchestrator, root["orchestrator"]?.objectValue != nil { return [.key("orchestrator")] }
        switch root["agents"] {
        case .array(let items)?:
            let ids = items.map { $0["agent_id"]?.stringValue ?? $0["id"]?.stringValue ?? $0["name"]?.stringValue }
            if let index = ids.firstIndex(of: agent.agentId) ?? ids.firstIndex(where: { $0?.lowercased() == agent.agentId.lowercased() }) {
                return [.key("agents"), .index(index)]
            }
            if items.contains(where: { $0.stringValue == agent.agentId }) { throw Failure.plainId(agent: agent.agentId, file: file) }
        case .object(let keyed)?:
            if keyed[agent.agentId] != nil { return [.key("agents"), .key(agent.agentId)] }
        default: break
        }
        throw Failure.notFound(agent: agent.agentId, file: file)
    }
}
