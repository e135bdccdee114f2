/// Execution waves: an agent runs after every agent it `depends_on`. `execution_wave` when the file
/// gives it; else computed (1 + the latest wave among its dependencies). Dependencies on agents the
/// session does not have, and cycles, are reported and do not hold an agent back forever.
public struct Waves: Equatable, Sendable {
    /// Agent id → wave (1 = first). The orchestrator is not in it.
    public var waveOf: [String: Int]
    /// `depends_on` entries naming no agent of the session.
    public var unknownDependencies: [Dependency]
    /// One dependency cycle (`a → b → a`), empty when there is none.
    public var cycle: [String]

    public struct Dependency: Equatable, Sendable {
        public let agent: String, dependency: String
        public init(agent: String, dependency: String) {
            self.agent = agent
            self.dependency = dependency
        }
    }

    public init(_ session: Session) {
        let agents = session.agents
        let ids = Set(agents.map(\.agentId))
        var unknown: [Dependency] = []
        var depends: [String: [String]] = [:]
        for agent in agents {
            for dependency in agent.dependsOn {
                if ids.contains(dependency) { depends[agent.agentId, default: []].append(dependency) } else { unknown.append(Dependency(agent: agent.agentId, dependency: dependency)) }
            }
        }
        let written = Dictionary(agents.map { ($0.agentId, $0.executionWave) }, uniquingKeysWith: { first, _ in first })
        var wave: [String: Int] = [:]
        var visiting = Set<String>()
        var cycle: [String] = []
        func compute(_ id: String, _ path: [String]) -> Int {
            if let known = wave[id] { return known }
            if visiting.contains(id) {
                if cycle.isEmpty { cycle = Array(path.drop { $0 != id }) + [id] }
                return 1
            }
            visiting.insert(id)
            let computed = 1 + ((depends[id] ?? []).map { compute($0, path + [id]) }.max() ?? 0)
            visiting.remove(id)
            let result = (written[id] ?? nil).map { max(1, $0) } ?? max(1, computed)
            wave[id] = result
            return result
        }
        for agent in agents { _ = compute(agent.agentId, []) }
        waveOf = wave
        unknownDependencies = unknown
        self.cycle = cycle
    }

    /// Not started, and every known dependency complete: may be handed its work now.
    public static func ready(_ session: Session, excluding: Set<String> = []) -> [String] {
        let complete = Set(session.agents.filter { $0.status.bucket == .complete }.map(\.agentId))
        let ids = Set(session.agents.map(\.agentId))
        return session.agents.filter { agent in
            agent.status.bucket == .notStarted && !excluding.contains(agent.agentId)
                && agent.dependsOn.allSatisfy { !ids.contains($0) || complete.contains($0) }
        }.map(\.agentId)
    }

    /// The agents `agent` is still waiting on (known, not complete).
    public static func waitingOn(_ agent: AgentState, in session: Session) -> [String] {
        let byId = Dictionary(session.agents.map { ($0.agentId, $0) }, uniquingKeysWith: { first, _ in first })
        return agent.dependsOn.filter { byId[$0].map { $0.status.bucket != .complete } ?? false }
    }
}
