import Foundation

/// One thing `doctor` found in the workspace's evidence: where, what, and the one-line fix.
public struct AuditFinding: Equatable, Sendable {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    /// A stable name for scripts (`stale-aggregation`, `depends-cycle`...).
    public var check: String
    public var path: String
    public var message: String
    public var fix: String
}

/// The evidence checks of `doctor`: where the files contradict themselves or each other. Errors
/// (duplicate ids, unsafe names, dependency cycles, a stub a session names that is gone) make
/// `doctor` exit 1; warnings are the workflow's usual drift, said plainly.
public enum WorkspaceAudit {
    public static func run(_ snapshot: WorkspaceSnapshot, settings: HubSettings, layout: WorkspaceLayout) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        func add(_ severity: AuditFinding.Severity, _ check: String, _ path: String, _ message: String, fix: String) {
            findings.append(AuditFinding(severity: severity, check: check, path: path, message: TerminalText.sanitize(message), fix: TerminalText.sanitize(fix)))
        }
        let stubIds = Set(snapshot.stubs.compactMap(\.stubId))
        var stubOfSession = Set<String>()
        var unresolved: [String: (written: String, file: String)] = [:]
        let stubSessions = StubSessions(snapshot)
        for stub in snapshot.stubs { for session in stubSessions.sessions(for: stub) { stubOfSession.insert(session.path) } }

        for session in snapshot.sessions where !session.archived {
            let file = session.communicationFile ?? session.path
            if let counts = session.storedCounts, counts.total.map({ $0 != session.agents.count }) == true || counts.complete.map({ $0 != session.agentsComplete }) == true {
                add(.warning, "stale-aggregation", file,
                    "aggregation says \(counts.complete.map(String.init) ?? "?")/\(counts.total.map(String.init) ?? "?") complete; the agents say \(session.agentsComplete)/\(session.agents.count)",
                    fix: "update aggregation.completed/total_agents, or delete aggregation (the hub always recomputes)")
            }
            if session.storedStatusDisagrees, let stored = session.storedStatus?.word {
                add(.warning, "status-disagrees", file, "status says \(stored); its agents make it \(session.derivedStatus.rawValue)",
                    fix: "set \"status\" to \(session.derivedStatus.rawValue) (or let the orchestrator do it)")
            }
            for agent in session.everyone where agent.status.bucket == .complete && agent.outputFile != nil && !agent.outputExists {
                add(.warning, "complete-without-output", file, "\(agent.agentId) is complete but its output \(agent.outputFile ?? "") does not exist here",
                    fix: "write the output, or set \(agent.agentId) back to in_progress (sessions-hub set-status \(session.name) \(agent.agentId) in_progress)")
            }
            if let reference = session.stubReference, !stubIds.contains(reference), !stubOfSession.contains(session.path) {
                add(.error, "missing-stub", file, "the session names stub \(reference), which is not in the workspace",
                    fix: "restore the stub (sessions-hub unarchive \(reference)) or remove stub_id from the session")
            }
            let waves = Waves(session)
            if !waves.cycle.isEmpty {
                add(.error, "depends-cycle", file, "depends_on goes round in a circle: \(waves.cycle.joined(separator: " → "))",
                    fix: "remove one of these depends_on entries; until then these agents never become ready")
            }
            for unknown in waves.unknownDependencies {
                add(.warning, "unknown-dependency", file, "\(unknown.agent) depends on \(unknown.dependency), which is not an agent of this session",
                    fix: "correct the id in \(unknown.agent)'s depends_on, or add the agent")
            }
            for name in [WorkspacePaths.lastComponent(session.path)] + session.everyone.map(\.agentId) where !NameValidator.isValid(name) {
                add(.error, "unsafe-name", file, "'\(name)' cannot be a file or window name (\(reason(name)))",
                    fix: "rename it to letters, digits, '-' and '_'")
            }
            for agent in session.everyone where agent.agentPath != nil && unresolved[agent.agentId] == nil {
                if ProjectFolders.resolve(agent, settings: settings, root: layout.root, projectRoots: layout.projectDirectories, known: snapshot.projects) == nil {
                    unresolved[agent.agentId] = (agent.agentPath ?? "", file)
                }
            }
        }
        // One finding per agent, not per session that names it.
        for (id, where_) in unresolved.sorted(by: { $0.key < $1.key }) {
            add(.warning, "project-not-found", where_.file, "\(id)'s project (\(where_.written)) is not on this machine, so its workorders cannot be read",
                fix: "add [agents.\(id)] path = \"...\" or [workspace] projects = [\"...\"] to the config (or --projects-dir)")
        }
        for stub in snapshot.stubs where !stub.archived && stub.status.word?.lowercased() == "promoted" && stubSessions.sessions(for: stub).isEmpty {
            add(.warning, "promoted-without-session", stub.path, "\(stub.featureName) is promoted\(stub.promotedTo.map { " to \($0)" } ?? "") but no session of it is here",
                fix: "start it again (sessions-hub start \(stub.featureName) --again) or archive the stub")
        }
        var sessionsById: [String: [String]] = [:]
        for session in snapshot.sessions where !session.archived { if let id = session.workorderId { sessionsById[id, default: []].append(session.path) } }
        for (id, paths) in sessionsById.sorted(by: { $0.key < $1.key }) where paths.count > 1 {
            add(.error, "duplicate-workorder-id", paths[0], "\(id) is the workorder id of \(paths.count) sessions: \(paths.joined(separator: ", "))",
                fix: "give each session its own workorder_id (the one-liners and links go by it)")
        }
        var plansById: [String: [String]] = [:]
        for plan in snapshot.workorders { plansById[plan.workorderId, default: []].append(plan.path) }
        for (id, paths) in plansById.sorted(by: { $0.key < $1.key }) where paths.count > 1 {
            add(.error, "duplicate-workorder-id", paths[0], "\(id) names \(paths.count) workorder plans: \(paths.joined(separator: ", "))",
                fix: "give each plan its own workorder_id")
        }
        return findings.sorted { ($0.severity == .error ? 0 : 1, $0.path, $0.check) < ($1.severity == .error ? 0 : 1, $1.path, $1.check) }
    }

    static func reason(_ name: String) -> String {
        do { try NameValidator.validate(name) } catch { return error.description }
        return ""
    }

    public static func json(_ findings: [AuditFinding]) -> JSONValue {
        .array(findings.map { finding in
            .object(JSONObject([
                ("severity", .string(finding.severity.rawValue)), ("check", .string(finding.check)), ("path", .string(finding.path)),
                ("message", .string(finding.message)), ("fix", .string(finding.fix)),
            ]))
        })
    }
}
