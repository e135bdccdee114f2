import Foundation
import HubCore

/// Everything that can happen to the screen.
enum Action: Equatable, Sendable {
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
    /// A remote's link or workspace changed (its feed said so).
    case remoteChanged(RemoteView)
    /// A far tool answered (its JSON), or did not (one sentence why).
    case remoteCallFinished(RemoteCall, Result<JSONValue, RemoteCallFailure>)
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
