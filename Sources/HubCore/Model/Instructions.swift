/// instructions.json: what each agent must do. Two layouts are read: the workflow's
/// (`orchestrator_instructions`, `agent_instructions{<agent>: {steps}}`) and the dashboard's (`blocks[]`);
/// a nested per-agent file's `execution_steps`/`steps` are read as that agent's steps.
public struct Instructions: Equatable, Sendable {
    public var path: String
    public var workorderId: String?
    public var task: String?
    public var description: String?
    public var sessionPhase: String?
    public var orchestratorSteps: [String]
    /// Steps per agent id (a key `<agent>_agent` is read as `<agent>`), in written order.
    public var agentSteps: [AgentSteps]
    public var blocks: [InstructionBlock]

    /// The agent's steps: its `agent_instructions` entry, else the dashboard blocks assigned to it.
    public func steps(for agentId: String) -> [String]? {
        if let steps = agentSteps.first(where: { $0.agent == agentId })?.steps
            ?? agentSteps.first(where: { $0.agent.lowercased() == agentId.lowercased() })?.steps {
            return steps
        }
        let assigned = blocks.filter { $0.assignedTo.contains(agentId) }.map(\.content)
        return assigned.isEmpty ? nil : assigned
    }

}

/// One agent's steps in instructions.json, in written order.
public struct AgentSteps: Equatable, Sendable {
    public var agent: String
    public var steps: [String]

    public init(agent: String, steps: [String]) {
        self.agent = agent
        self.steps = steps
    }
}

public struct InstructionBlock: Equatable, Sendable {
    public var id: String?
    public var type: String?
    public var content: String
    public var assignedTo: [String]

    public init(id: String?, type: String?, content: String, assignedTo: [String]) {
        self.id = id
        self.type = type
        self.content = content
        self.assignedTo = assignedTo
    }
}
