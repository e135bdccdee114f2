import Foundation

/// `a` / `sessions-hub advance`: the next phase of a session, as a sibling folder
/// `<feature>-phase<N+1>` with the same agents, a `phase_<N>_reference` to the previous folder, and
/// steps from the phase's line in the stub's `session_phases` (or the session's own `phases{}`).
extension SessionPlanner {
    public func planNextPhase(after session: Session, snapshot: WorkspaceSnapshot) throws(PlanError) -> SessionPlan {
        guard session.parent == nil else { throw .notAdvanceable("\(session.name) is part of another session; advance its parent") }
        guard !session.archived else { throw .notAdvanceable("\(session.name) is archived") }
        let stub = snapshot.stub(for: session)
        let current = session.phase ?? 1
        let next = current + 1
        let orchestrator = session.orchestrator?.agentId ?? stub?.orchestrator ?? settings.defaultOrchestrator
        let agents = session.agents.map(\.agentId).filter { $0 != orchestrator }
        guard !agents.isEmpty else { throw .noAgents(session.name) }
        try validateNames(feature: session.feature, ids: [orchestrator] + agents)
        let name = "\(session.feature)-phase\(next)"
        let folder = WorkspacePaths.standardize(FileSystem.join(WorkspacePaths.parent(session.absolutePath), name))
        guard NameValidator.isInside(folder, root: layout.root) else { throw .outsideWorkspace(folder) }
        if FileSystem.exists(folder) || snapshot.sessions.contains(where: { $0.absolutePath == folder }) {
            throw .phaseExists(layout.display(folder))
        }

        var warnings: [String] = []
        if session.derivedStatus != .complete {
            warnings.append("phase \(current) is not complete yet (\(session.agentsComplete)/\(session.agents.count) agents)")
        }
        // The phase gate the agents carry (`phase_gate.criteria`): advancing past unmet criteria is
        // allowed, but never silently.
        for agent in session.everyone where agent.gateCriteria.contains(where: { !$0.met }) {
            let unmet = agent.gateCriteria.filter { !$0.met }
            warnings.append("phase gate of \(agent.agentId): \(unmet.count) of \(agent.gateCriteria.count) criteria not met (\(unmet.prefix(2).map(\.text).joined(separator: "; "))\(unmet.count > 2 ? "; …" : ""))")
        }
        // The phases: the stub's, else the session's own phases{}, else none.
        let phases = stub?.phases.isEmpty == false ? stub!.phases : session.phases.map { $0.name ?? $0.key }
        let base = Stub(
            featureName: session.feature, folderName: session.feature, path: stub?.path ?? session.path,
            absolutePath: stub?.absolutePath ?? session.absolutePath, status: Status("promoted"), priority: stub?.priority,
            stubId: stub?.stubId, title: stub?.title, description: session.description ?? stub?.description, created: nil,
            category: nil, project: nil, sessionType: nil, agents: agents, orchestrator: orchestrator, scope: [],
            phases: phases, tags: [], breakingChanges: false, breakingChangesNote: nil, promotedTo: nil, archived: false
        )
        let slug = phases.indices.contains(next - 1) ? SessionPlanner.phaseSlug(phases[next - 1]) : "phase\(next)"
        var documents = SessionDocuments(
            stub: base, workorderId: SessionPlanner.workorderId(feature: session.feature, snapshot: snapshot),
            sessionName: name, folder: folder, orchestrator: orchestrator, agents: agents,
            phaseSlug: slug, created: SessionPlanner.timestamp(now),
            agentPaths: ProjectFolders.paths(for: [orchestrator] + agents, snapshot: snapshot, settings: settings, layout: layout)
        )
        documents.phase = next
        documents.previousFolder = session.absolutePath
        var plan = assemble(documents, warnings: warnings)
        plan.closes = SessionCloser.plan(session)
        return plan
    }
}
