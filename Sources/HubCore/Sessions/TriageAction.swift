import Foundation

/// One verdict carried out — the same for the screen, `sessions-hub triage` and (later) MCP: the
/// journal line, and for `mark` the locked status write.
public enum TriageAction {
    public enum Request: Equatable, Sendable {
        case snooze
        /// nil: the worst reason the agent (or session) has now.
        case dismiss(AttentionReason?)
        case mark(String)
    }

    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// Who decides, for the journal: the user's name.
    public static func person(environment: [String: String]) -> String? {
        let name = (environment["USER"] ?? environment["LOGNAME"]).flatMap { $0.isEmpty ? nil : $0 }
            ?? getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
        return name.map { TerminalText.sanitize($0) }
    }

    /// Carries out `request` on `agent` of `session` (nil: the session itself); the sentence says what was done.
    public static func apply(_ request: Request, session: Session, agent agentId: String?, note: String?, by: String?, snapshot: WorkspaceSnapshot,
                             policy: EvidencePolicy, root: String, now: Date = Date()) throws(Failure) -> (verdict: TriageVerdict, sentence: String) {
        let name = agentId ?? WorkspacePaths.lastComponent(session.path)
        var verdict = TriageVerdict(id: Triage.newId(at: now), at: now, session: session.path, agent: agentId, kind: .snooze,
                                    note: note.map { HostileNames.fileText($0) }, by: by,
                                    fingerprint: Triage.fingerprint(session: session, agent: agentId, snapshot: snapshot))
        let context = EvidenceContext(snapshot)
        let items = Evidence.attention(for: session, snapshot: snapshot, context: context, now: now, policy: policy).filter { $0.agent == agentId }
        func nothing(_ what: String) -> Failure {
            let aside = Evidence.setAside(for: session, snapshot: snapshot, context: context, now: now, policy: policy).first { $0.item.agent == agentId }
            return Failure(aside.map { "\(name) is already set aside (\($0.verdict.sentence)); u undoes it" } ?? "nothing of \(name) needs you now: nothing to \(what)")
        }
        switch request {
        case .snooze:
            guard !items.isEmpty else { throw nothing("snooze") }
        case .dismiss(let reason):
            guard let item = reason.map({ wanted in items.first { $0.reason == wanted } }) ?? items.first else {
                throw reason.map { Failure("\(name) is not in NEEDS YOU for \($0.rawValue)") } ?? nothing("dismiss")
            }
            verdict.kind = .dismiss
            verdict.reason = item.reason
        case .mark(let word):
            guard let agentId, let agent = session.everyone.first(where: { $0.agentId == agentId }) else { throw Failure("mark needs an agent") }
            if let refusal = Status.refusal(for: word, anyWord: false) { throw Failure(refusal) }
            do { _ = try StatusWriter.set(word, agent: agent, in: session, root: root, note: note) } catch { throw Failure("\(error)") }
            verdict.kind = .mark
            verdict.status = word
            verdict.previous = agent.status.word
        }
        do { try Triage.record(verdict, root: root) } catch { throw Failure("the verdict could not be recorded in \(Triage.relativePath): \(WriteErrorText.describe(error))") }
        let sentence: String
        switch verdict.kind {
        case .snooze: sentence = "\(name): snoozed until its evidence changes (u undoes)"
        case .dismiss: sentence = "\(name): \(verdict.reason?.word ?? "") dismissed until its evidence changes (u undoes)"
        default:
            // The same warnings as set-status: a mark the evidence will not back is said at once.
            let agent = session.everyone.first { $0.agentId == agentId }
            let warnings = agent.map { StatusWriter.warnings(setting: verdict.status ?? "", on: $0) } ?? []
            sentence = "\(name): \(verdict.previous ?? "?") → \(verdict.status ?? "?") (u undoes)" + (warnings.isEmpty ? "" : " — " + warnings.joined(separator: "; "))
        }
        return (verdict, sentence)
    }

    /// Takes back the newest verdict not yet undone: a snooze or dismissal ends; a mark writes the
    /// status it replaced back (locked).
    public static func undo(snapshot: WorkspaceSnapshot, by: String?, root: String, now: Date = Date()) throws(Failure) -> String {
        guard let last = Triage.lastUndoable(Triage.load(root: root)) else { throw Failure("nothing to undo: no verdict in \(Triage.relativePath)") }
        let name = last.agent ?? WorkspacePaths.lastComponent(last.session)
        if last.kind == .mark {
            guard let session = snapshot.session(at: last.session), let agentId = last.agent, let agent = session.everyone.first(where: { $0.agentId == agentId }) else {
                throw Failure("cannot undo the mark of \(name): the session or agent is gone")
            }
            guard let previous = last.previous else { throw Failure("cannot undo the mark of \(name): the status before it is not known") }
            do { _ = try StatusWriter.set(previous, agent: agent, in: session, root: root) } catch { throw Failure("\(error)") }
        }
        let undo = TriageVerdict(id: Triage.newId(at: now), at: now, session: last.session, agent: last.agent, kind: .undo, by: by, undoes: last.id)
        do { try Triage.record(undo, root: root) } catch { throw Failure("the undo could not be recorded in \(Triage.relativePath): \(WriteErrorText.describe(error))") }
        switch last.kind {
        case .mark: return "\(name): back to \(last.previous ?? "?") (the mark \(last.status ?? "?") undone)"
        default: return "\(name): \(last.kind == .snooze ? "snooze" : "dismissal") undone"
        }
    }
}
