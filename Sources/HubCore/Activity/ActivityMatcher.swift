import Foundation

/// Which agent of which session each signal belongs to, and what it says — the agents' own state
/// next to their files' claims. Pure: the signals were read at the edge.
///
/// An agent is found by, in order: the pane it was dispatched into (Claude's state file names its
/// tmux pane; a hook carries `$TMUX_PANE`), the names dispatch put in its environment
/// (`SESSIONS_HUB_SESSION`/`_AGENT`), and — for agents started by hand — its project folder, which
/// then counts for the one session of that agent most recently handed its work.
/// Between sources the state file wins (a Stop hook can arrive late), then the hook; a dead pane
/// or an ended process means exited.
public enum ActivityMatcher {
    /// Panes worth reading the screen of: dispatched agents that no state file or hook speaks for.
    public static func silentPanes(_ snapshot: WorkspaceSnapshot, signals: AgentSignals) -> Set<String> {
        let spoken = Set(signals.claude.compactMap(\.state.pane) + signals.hooks.compactMap(\.pane))
        var result = Set<String>()
        for session in snapshot.sessions where !session.archived {
            for (agent, record) in snapshot.dispatches[session.path] ?? [:] {
                guard let pane = record.pane, !spoken.contains(pane),
                      session.everyone.first(where: { $0.agentId == agent })?.status.bucket != .complete else { continue }
                result.insert(pane)
            }
        }
        return result
    }

    public static func match(_ snapshot: WorkspaceSnapshot, signals: AgentSignals, folder: (Session, AgentState) -> String?,
                             kind: (AgentState) -> String? = { _ in nil }, rules: PaneRules = .standard) -> [String: [String: Activity]] {
        var result: [String: [String: Activity]] = [:]
        // Project folder → the (session, agent) most recently handed its work there.
        var byFolder: [String: (session: Session, agent: AgentState, at: Date)] = [:]
        for session in snapshot.sessions where !session.archived {
            for agent in session.everyone where agent.status.bucket != .complete {
                guard let path = folder(session, agent).map(WorkspacePaths.standardize) else { continue }
                let at = snapshot.dispatches[session.path]?[agent.agentId]?.at ?? snapshot.handoffs[session.path]?[agent.agentId] ?? .distantPast
                if let known = byFolder[path], known.at > at || (known.at == at && known.session.path > session.path) { continue }
                byFolder[path] = (session, agent, at)
            }
        }
        for session in snapshot.sessions where !session.archived {
            for agent in session.everyone {
                let pane = snapshot.dispatches[session.path]?[agent.agentId]?.pane
                let path = folder(session, agent).map(WorkspacePaths.standardize)
                let ownsFolder = path.map { byFolder[$0]?.session.path == session.path && byFolder[$0]?.agent.agentId == agent.agentId } ?? false
                func claims(pane signalPane: String?, cwd: String?) -> Bool {
                    if let pane, let signalPane { return pane == signalPane }
                    return ownsFolder && cwd.map(WorkspacePaths.standardize) == path
                }
                let claude = signals.claude.filter { claims(pane: $0.state.pane, cwd: $0.state.cwd) }
                    .max { ($0.running ? 1 : 0, $0.state.updatedAt ?? .distantPast) < ($1.running ? 1 : 0, $1.state.updatedAt ?? .distantPast) }
                let hook = signals.hooks.filter { record in
                    if record.hubAgent != nil || record.hubSession != nil {
                        return record.hubAgent == agent.agentId && (record.hubSession == session.name || record.hubSession == session.path)
                            && (record.hubRoot.map { WorkspacePaths.standardize($0) == WorkspacePaths.standardize(snapshot.root) } ?? true)
                    }
                    return claims(pane: record.pane, cwd: record.cwd)
                }.max { $0.at < $1.at }
                var activity: Activity?
                if claude == nil, hook == nil, let pane, let screen = signals.screens[pane], let kind = kind(agent) {
                    // Nothing speaks for it but its screen.
                    activity = rules.classify(screen, kind: kind)
                }
                if let claude {
                    activity = claude.state.activity(running: claude.running)
                    // The same Claude session's hook, when newer and the process still runs, names the tool.
                    if claude.running, let hook, hook.agentSession == claude.state.sessionId, hook.state == activity?.state, activity?.detail == nil {
                        activity?.detail = hook.detail
                    }
                    if let hook, hook.agentSession == claude.state.sessionId, let transcript = hook.transcript { activity?.transcript = transcript }
                } else if let hook {
                    activity = hook.activity
                }
                if let pane, let known = signals.panes {
                    // A pane kept after its program ended (remain-on-exit) says how it ended. A pane that
                    // is gone says nothing: it may live on another tmux server.
                    if let info = known[pane], info.dead {
                        activity = Activity(state: .exited, detail: info.deadStatus.map { "exit \($0)" }, source: .pane, since: activity?.since, pane: pane)
                    }
                }
                if activity != nil, activity?.pane == nil { activity?.pane = pane }
                if activity != nil, activity?.transcript == nil { activity?.transcript = claude?.state.transcript ?? hook?.transcript }
                if let activity { result[session.path, default: [:]][agent.agentId] = activity }
            }
        }
        return result
    }
}
