import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub triage <session> [<agent>] --snooze | --dismiss | --mark WORD`, `--undo`: work off
/// NEEDS YOU from a shell, as the screen's `z`, `x`, `m` and `u` do (the same core, the same journal).
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Snooze, dismiss or mark what needs you; undo the last verdict.",
        discussion: """
        --snooze sets the agent's items (or the session's own, without an agent) aside until its evidence \
        changes: its file, output or activity. --dismiss sets one reason aside likewise (--reason, or its \
        worst). --mark writes the agent's status (the locked set-status, with --note). Verdicts are \
        journalled in .coderef/sessions-hub/triage.jsonl; --undo takes back the newest (a mark writes the \
        previous status back). status --json lists what is set aside under "dismissed".
        """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The session: name, folder, path or workorder id.", completion: Completions.sessions)
    var session: String?

    @Argument(help: "The agent id (without one: the session's own items).", completion: Completions.agents)
    var agent: String?

    @Flag(name: .long, help: "Set the items aside until the evidence changes.")
    var snooze = false

    @Flag(name: .long, help: "Set one reason aside until the evidence changes.")
    var dismiss = false

    @Option(name: .long, help: ArgumentHelp("With --dismiss: the reason (\(AttentionReason.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "reason"))
    var reason: String?

    @Option(name: .long, help: "Write the agent's status: complete, in_progress, ...")
    var mark: String?

    @Option(name: .long, help: "Why (kept in the journal; with --mark also the agent's notes).")
    var note: String?

    @Flag(name: .long, help: "Take back the newest verdict.")
    var undo = false

    /// Usage mistakes exit 2 with one line, as everywhere (checked in `run`, where UsageError is ours).
    func check() throws {
        let chosen = [snooze, dismiss, mark != nil, undo].filter { $0 }.count
        guard chosen == 1 else { throw UsageError("give one of --snooze, --dismiss, --mark WORD, --undo") }
        if !undo && session == nil { throw UsageError("name the session (and the agent) to triage") }
        if reason != nil && !dismiss { throw UsageError("--reason goes with --dismiss") }
        if let reason, AttentionReason(rawValue: reason) == nil {
            throw UsageError("\(Quote.short(reason)) is not a reason (" + AttentionReason.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
    }

    func run() throws {
        try check()
        let (layout, settings) = try workspace.resolve()
        var snapshot = WorkspaceLoader(layout: layout).load()
        let environment = ProcessInfo.processInfo.environment
        AgentActivity.attach(to: &snapshot, settings: settings, layout: layout, environment: environment)
        let by = TriageAction.person(environment: environment)
        let kind: PlanRequest.Kind
        if undo {
            kind = .undoTriage(by: by)
        } else {
            let found = try Lookup.session(session ?? "", in: snapshot)
            let request: TriageAction.Request = snooze ? .snooze : dismiss ? .dismiss(reason.flatMap(AttentionReason.init(rawValue:))) : .mark(mark ?? "")
            kind = .triage(request, session: found, agent: agent, note: note, by: by)
        }
        // The operations layer plans and applies; this door says the sentence with its own undo.
        func here(_ text: String) -> String {
            text.replacingOccurrences(of: "(u undoes)", with: "(sessions-hub triage --undo takes it back)")
                .replacingOccurrences(of: "; u undoes it", with: "; sessions-hub triage --undo takes it back")
        }
        do {
            let applied = try PlanRequest(kind, snapshot: snapshot, layout: layout, settings: settings, now: Date()).plan().get().apply(root: layout.root)
            Output.write(here(applied.sentence) + "\n")
        } catch {
            Output.error(here(error.message))
            throw ExitCode(1)
        }
    }
}
