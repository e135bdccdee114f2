import Foundation
import HubCore

enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    case problems(scroll: Int)
    /// `S`: what starting a session will create; Enter/y creates it.
    case confirmStart(SessionPlan)
    /// `S` on a stub that names no agents: pick them from the agents the workspace knows.
    case pickAgents(stubPath: String, candidates: [String], chosen: Set<String>, cursor: Int)
    /// Something failed; nothing was changed.
    case error(String)
    /// `A`: what archiving will move; Enter/y moves it (only `y` when it comes with a warning).
    case confirmArchive(ArchivePlan)
    /// `S` on a stub that already has a session: Enter opens it; starting another takes `+`.
    case alreadyStarted(stubPath: String, session: String)
    /// `d`/`D`: who will be started in tmux with which command; Enter/y dispatches.
    case confirmDispatch(DispatchProposal)
    /// `c`/`i`: a file, read-only: scroll, wrap or not, search, open in the editor.
    case file(FileView)
    /// `t`: the life of the selected feature, stub → phases → workorders; `cursor` is the phase
    /// Enter opens.
    case timeline(cursor: Int)
    /// `N`: an ad-hoc session's name and agents, typed; Enter plans it.
    case newSession(NewSessionForm)
    /// `w`: the workorders across the workspace and its projects, and a plan's detail.
    case workorders(WorkordersView)
    /// Enter on an agent: its status, note, tasks, outputs, history and output preview (the last
    /// two read by an effect; nil until they arrive).
    case agentDetail(AgentDetailView)
    /// `1`–`9` or `r` on an agent at work: what will be sent to its pane; Enter sends it.
    case answer(AnswerAsk)
    /// `m`/`M`: the status about to be written; Enter/y writes it.
    case confirmMark(TriageAsk)
    /// `y` on an agent whose one-liner points at nothing (its instructions file is missing): copy
    /// anyway? Defaults to No.
    case confirmCopy(CopyRequest)
    /// `C`: what closing a finished session writes in its file; Enter/y writes it.
    case confirmClose(SessionClose)
    /// An operation on a far row: what will run on which remote; Enter/y sends it there.
    case confirmRemote(RemoteCall)
}
