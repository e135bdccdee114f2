/// Following a session's waves: given what was already handed its work, who is next, or whom the
/// rest wait for. Pure (a session in, a step out) and the one rule for the screen's `D` and its
/// `wave_ready` reason, `dispatch --all` (which waits and follows) and MCP's `dispatch_agents`.
public enum WaveFollower {
    public enum Step: Equatable, Sendable {
        /// Hand these their work now, earliest wave first; `wave` nil for the orchestrator after
        /// every agent is complete.
        case dispatch([String], wave: Int?)
        /// Nobody is ready: `waiting` are not started and wait for `on` to complete.
        case wait(on: [String], waiting: [String])
        /// Everyone has started or was handed their work.
        case done
    }

    public static func next(_ session: Session, handled: Set<String>) -> Step {
        let ready = ready(session, dispatched: handled)
        if !ready.isEmpty {
            let waves = Waves(session)
            return .dispatch(ready, wave: ready.compactMap { waves.waveOf[$0] }.min())
        }
        let left = left(session, dispatched: handled)
        guard !left.isEmpty else { return .done }
        var on = Set(left.flatMap { Waves.waitingOn($0, in: session) })
        // The orchestrator (or an agent whose dependencies are all gone) waits on whoever is still at work.
        if on.isEmpty { on = Set(session.agents.filter { $0.status.bucket != .complete }.map(\.agentId)) }
        return .wait(on: on.sorted(), waiting: left.map(\.agentId))
    }

    /// One sentence for a person when nobody is ready (`api waits on db, cache`).
    public static func why(_ step: Step) -> String? {
        guard case .wait(let on, let waiting) = step else { return nil }
        return "\(waiting.joined(separator: ", ")) wait\(waiting.count == 1 ? "s" : "") on \(on.joined(separator: ", "))"
    }

    /// `--all` / `D`: the agents that have not started and whose dependencies are complete, in wave
    /// order, minus those already dispatched; the orchestrator last, once every agent is complete
    /// (its part is to merge their work).
    public static func ready(_ session: Session, dispatched: Set<String>) -> [String] {
        let waves = Waves(session)
        let agents = Waves.ready(session, excluding: dispatched).sorted { (waves.waveOf[$0] ?? 1) < (waves.waveOf[$1] ?? 1) }
        if agents.isEmpty, let orchestrator = session.orchestrator, orchestrator.status.bucket == .notStarted, !dispatched.contains(orchestrator.agentId),
           !session.agents.isEmpty, session.agents.allSatisfy({ $0.status.bucket == .complete }) {
            return [orchestrator.agentId]
        }
        return agents
    }

    /// Who `--all` / `D` still has to hand work to: not started and not dispatched yet.
    public static func left(_ session: Session, dispatched: Set<String>) -> [AgentState] {
        session.everyone.filter { $0.status.bucket == .notStarted && !dispatched.contains($0.agentId) }
    }
}
