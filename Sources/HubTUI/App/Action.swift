import Foundation
import HubCore

/// Everything that can happen to the screen.
public enum Action: Equatable, Sendable {
    case key(Key)
    case resize(Size)
    /// A new snapshot; `touched` says what an incremental reload re-read (nil: everything); `list`
    /// is its whole list when the workspace thread had to build one (so the loop never does).
    case snapshotLoaded(WorkspaceSnapshot, touched: TouchedItems? = nil, list: BuiltList? = nil)
    /// A plan asked for with `.plan` is ready to confirm, or cannot be made.
    case planned(Result<PlannedChange, PlanFailure>)
    case tick(Date)
    /// SIGINT, SIGTERM, SIGHUP.
    case terminate
    /// A session was written (its folder, relative to the root) or could not be.
    case sessionStarted(Result<String, StartFailure>)
    /// A copy finished: how, or why not.
    case copyFinished(CopyRequest, Result<ClipboardMethod, Clipboard.Failure>, at: Date)
    /// Something to tell the person (from the watcher: limits, overflows).
    case notice(String)
    /// How the workspace is being watched, for the status bar.
    case watching(String)
    /// An archive move finished (what was archived) or failed.
    case archived(Result<String, StartFailure>)
    /// A file asked for with `c`/`i` was read (or could not be: the text says why).
    case fileLoaded(title: String, text: String, path: String? = nil)
    /// What the agent detail needs from the disk: the agent's history and its output's first lines.
    case agentDetailLoaded(session: String, agent: String, history: [StatusHistory.Entry], preview: [String]?, paneLines: [String]? = nil)
    /// A dispatch asked for with `d`/`D` is planned and ready to confirm, or cannot be done.
    case dispatchPlanned(Result<DispatchProposal, PlanFailure>)
    /// One agent's dispatch finished (delivered, typed but not taken, or failed).
    case dispatched(DispatchResult)
    /// What became of an answer sent to an agent (one sentence).
    case answered(String, failed: Bool)
    /// A triage verdict (or its undo) was carried out, or could not be (one sentence).
    case triaged(String, failed: Bool)
    /// A finished session was closed in its file, or could not be (one sentence).
    case sessionClosed(String, failed: Bool)
}

extension Action {
    /// The case's name, for traces.
    var traceName: String {
        switch self {
        case .key(let key): return "key \(key)"
        case .snapshotLoaded(_, let touched, let list): return (touched == nil ? "snapshot (full)" : "snapshot (incremental)") + (list == nil ? "" : " with list")
        default: return String(describing: self).prefix { $0 != "(" }.description
        }
    }
}

public struct StartFailure: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Text for the clipboard, what it is (for the status bar), and whose hand-off it records.
public struct CopyRequest: Equatable, Sendable {
    public var text: String
    public var what: String
    public var sessionPath: String
    public var agents: [String]
    /// Said with the result (the agent's instructions file is missing).
    public var warning: String? = nil
}

/// What the reducer asks the runtime to do; results come back as Actions.
public enum Effect: Equatable, Sendable {
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
    /// Record status changes the screen saw in the hub's history.
    case recordHistory([StatusHistory.Entry])
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
}

/// A verdict on what needs the person, with the snapshot it was given on (its evidence).
public struct TriageAsk: Equatable, Sendable {
    public var sessionPath: String
    public var agent: String?
    public var request: TriageAction.Request
    public var snapshot: WorkspaceSnapshot

    public static func == (a: TriageAsk, b: TriageAsk) -> Bool {
        a.sessionPath == b.sessionPath && a.agent == b.agent && a.request == b.request
    }
}

/// What `d`/`D` asks to dispatch, with what planning needs from the state.
public struct DispatchAsk: Equatable, Sendable {
    public var session: Session
    public var agents: [String]
    public var nextWave: Bool
    public var records: [String: DispatchRecord]
    /// The project folders the last full load found (where agents' folders are looked for).
    public var projects: [String] = []
}
