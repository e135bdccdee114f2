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
        // O(dispatches), not O(sessions).
        for (path, records) in snapshot.dispatches {
            guard let session = snapshot.session(at: path), !session.archived else { continue }
            for (agent, record) in records {
                guard let pane = record.pane, !spoken.contains(pane),
                      session.everyone.first(where: { $0.agentId == agent })?.status.bucket.isFinished == false else { continue }
                result.insert(pane)
            }
        }
        return result
    }

    public static func match(_ snapshot: WorkspaceSnapshot, signals: AgentSignals, folder: (Session, AgentState) -> String?,
                             kind: (AgentState) -> String? = { _ in nil }, rules: PaneRules = .standard) -> [String: [String: Activity]] {
        var result: [String: [String: Activity]] = [:]
        guard !signals.claude.isEmpty || !signals.hooks.isEmpty || !(signals.panes ?? [:]).isEmpty || !signals.screens.isEmpty else { return result }
        // Only agents some signal can speak for are looked at (O(signals), not O(agents)): those
        // dispatched into a pane, those a hook names, and — only when some signal has nothing but
        // its folder to go by — the agent most recently handed its work in that folder.
        var candidates: [String: Set<String>] = [:]
        var dispatchedPanes = Set<String>()
        for (path, records) in snapshot.dispatches {
            for (agent, record) in records where record.pane != nil {
                candidates[path, default: []].insert(agent)
                dispatchedPanes.insert(record.pane!)
            }
        }
        for record in signals.hooks where record.hubAgent != nil || record.hubSession != nil {
            if let session = snapshot.sessions.first(where: { record.hubSession == $0.name || record.hubSession == $0.path }), let agent = record.hubAgent {
                candidates[session.path, default: []].insert(agent)
            }
        }
        let folderOnly = Set(signals.claude.filter { $0.state.pane.map { !dispatchedPanes.contains($0) } ?? true }.compactMap(\.state.cwd)
            + signals.hooks.filter { $0.hubAgent == nil && $0.hubSession == nil && ($0.pane.map { !dispatchedPanes.contains($0) } ?? true) }.compactMap(\.cwd))
            .map(WorkspacePaths.standardize)
        // Project folder → the (session, agent) most recently handed its work there.
        var byFolder: [String: (session: Session, agent: AgentState, at: Date)] = [:]
        if !folderOnly.isEmpty {
            // Among the agents handed their work (a copied one-liner or a dispatch): a person who
            // starts an agent by hand pasted its one-liner first. O(hand-offs), not O(agents).
            let handed = Set(snapshot.handoffs.keys).union(snapshot.dispatches.keys)
            for path in handed {
                guard let session = snapshot.session(at: path), !session.archived else { continue }
                let agentsHanded = Set((snapshot.handoffs[path] ?? [:]).keys).union((snapshot.dispatches[path] ?? [:]).keys)
                for agent in session.everyone where !agent.status.bucket.isFinished && agentsHanded.contains(agent.agentId) {
                    guard let path = folder(session, agent).map(WorkspacePaths.standardize), folderOnly.contains(path) else { continue }
                    let at = snapshot.dispatches[session.path]?[agent.agentId]?.at ?? snapshot.handoffs[session.path]?[agent.agentId] ?? .distantPast
                    if let known = byFolder[path], known.at > at || (known.at == at && known.session.path > session.path) { continue }
                    byFolder[path] = (session, agent, at)
                }
            }
            for owner in byFolder.values { candidates[owner.session.path, default: []].insert(owner.agent.agentId) }
        }
        for (sessionPath, agentIds) in candidates {
            guard let session = snapshot.session(at: sessionPath), !session.archived else { continue }
            for agent in session.everyone where agentIds.contains(agent.agentId) {
                let pane = snapshot.dispatches[session.path]?[agent.agentId]?.pane
                let owned = byFolder.first { $0.value.session.path == session.path && $0.value.agent.agentId == agent.agentId }?.key
                let path = owned
                let ownsFolder = owned != nil
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
