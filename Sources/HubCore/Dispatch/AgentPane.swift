/// Where an agent is at work: the pane it was dispatched into, else the pane its own state names
/// (Claude Code's state file, a hook's `$TMUX_PANE`).
public enum AgentPane {
    public static func of(_ agent: AgentState, in session: Session, snapshot: WorkspaceSnapshot) -> String? {
        snapshot.activity(of: agent, in: session)?.pane ?? snapshot.dispatches[session.path]?[agent.agentId]?.pane
    }
}
