import Foundation
import HubCore

/// What the reducer asks the runtime to do; results come back as Actions.
enum Effect: Equatable, Sendable {
    case reload
    /// Plan a start, advance or archive (planning looks at the disk, so it is never done in `reduce`).
    case plan(PlanRequest)
    case quit
    case startSession(SessionPlan)
    case copy(CopyRequest)
    /// A whole session just became complete (only when the bell is switched on).
    case bell
    case archive(ArchivePlan)
    /// Read a file for the viewer (absolute path, title to show).
    case readFile(path: String, title: String)
    /// Read an agent's history and the start of its output file (absolute path) for its detail.
    case loadAgentDetail(session: String, agent: String, output: String?, pane: String? = nil)
    /// Plan a dispatch (`d`/`D`): trust, commands, project folders and open panes are looked up at the edge.
    case planDispatch(DispatchAsk)
    /// Start the agents in tmux and hand them their one-liners, one after another, off the loop.
    case dispatch([DispatchTarget])
    /// `g`: show the tmux window of a dispatched agent's pane.
    case goToPane(String)
    /// Keys or a reply to an agent's pane (`1`–`9`, `r`).
    case answer(AnswerAsk)
    /// Open a file in $VISUAL/$EDITOR, the screen suspended meanwhile (absolute path).
    case edit(path: String)
    /// A desktop notification (only with `[notify] desktop = true`).
    case notify(title: String, body: String)
    /// The terminal's title (`[notify] title`, on by default).
    case setTitle(String)
    /// Switch the colours to a built-in theme (`T`).
    case setTheme(String)
    /// `z`/`x`/`m`/`M`: a triage verdict, carried out at the edge (the journal, a status write).
    case triage(TriageAsk)
    /// `u`: take back the newest verdict.
    case undoTriage(WorkspaceSnapshot)
    /// Write a finished session's status and phases{} entry (locked, in place).
    case closeSession(SessionClose)
    /// A far hub's tool, called over its remote's link.
    case remoteCall(RemoteCall)
    /// `g` on a far agent: a tmux window here attached to its pane there over ssh.
    case goToRemotePane(remote: String, pane: String, title: String)
}
