/// An ad-hoc session (`N`, `sessions-hub new`): a session without a stub, written by the same
/// transaction as `start` — the same files, one-liners and checks; no stub is promoted.
extension SessionPlanner {
    public func planAdHoc(name: String, agents: [String], orchestrator: String? = nil, description: String? = nil, snapshot: WorkspaceSnapshot) throws(PlanError) -> SessionPlan {
        let stub = Stub(
            featureName: name, folderName: name, path: "", absolutePath: "", status: Status("ready"), priority: nil, stubId: nil,
            title: name, description: description, created: nil, category: nil, project: nil, sessionType: "ad-hoc",
            agents: agents, orchestrator: orchestrator, scope: description.map { [ScopeItem(area: nil, text: $0)] } ?? [],
            phases: [], tags: [], breakingChanges: false, breakingChangesNote: nil, promotedTo: nil, archived: false
        )
        var plan = try self.plan(stub: stub, snapshot: snapshot)
        plan.promotesStub = false
        return plan
    }
}
