import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub start <stub>`: the screen's `S`, through the same planner and writer.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start a session from a stub: write communication.json, instructions.json and README.md, mark the stub promoted.",
        discussion: "Says what it created and the next step (--porcelain prints <folder><TAB><workorder id>, --json an object). Asks before writing unless --yes (required without a terminal)."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The stub: feature name, folder, stub id or path.", completion: Completions.stubs)
    var stub: String

    @Option(name: .long, help: ArgumentHelp("An agent taking part (repeatable); replaces the stub's agents_involved.", valueName: "id"))
    var agent: [String] = []

    @Flag(name: .long, help: "Start another phase-1 session for a stub that already has one (next free folder name).")
    var again = false

    @OptionGroup var output: CreateOptions

    func run() throws {
        let (layout, settings) = try workspace.resolve()
        let snapshot = WorkspaceLoader(layout: layout).load()
        let stub = try Lookup.stub(self.stub, in: snapshot)
        // The screen's `S` (and `+` with --again) plans through the same request.
        let request = PlanRequest(.start(stub: stub, agents: agent.isEmpty ? nil : agent, again: again), snapshot: snapshot, layout: layout, settings: settings, now: Date())
        try CreateSession.planConfirmAndApply(request, root: layout.root, output)
    }
}

/// The flags of every command that creates a session (`start`, `new`, `advance`).
struct CreateOptions: ParsableArguments {
    @Flag(name: .long, help: "Do not ask.")
    var yes = false

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    @Flag(name: .long, help: "Print only <folder><TAB><workorder id> (for scripts).")
    var porcelain = false
}

/// What `start`, `new` and `advance` share: plan, say the warnings, ask (unless --yes), write, print the result.
enum CreateSession {
    static func planConfirmAndApply(_ request: PlanRequest, root: String, _ options: CreateOptions) throws {
        switch request.plan() {
        case .success(.start(let plan)): try confirmAndApply(plan, root: root, options)
        case .success(let other): throw UsageError("internal: a session start planned \(other)")
        case .failure(let failure): throw UsageError(failure.message)
        }
    }

    static func confirmAndApply(_ plan: SessionPlan, root: String, _ options: CreateOptions) throws {
        let (yes, json, porcelain) = (options.yes, options.json, options.porcelain)
        try Confirm.ask("create \(plan.displayFolder) (\(plan.workorderId)) with \(plan.orchestrator) (orchestrator), \(plan.agents.joined(separator: ", "))?",
                        notes: plan.warnings + (plan.closes.map { ["first closes \($0.sessionPath): \($0.summary)"] } ?? []), yes: yes, flagHint: "create \(plan.displayFolder)", refusal: "nothing was created")
        do {
            try PlannedChange.start(plan).apply(root: root)
        } catch {
            Output.error(error.description)
            throw ExitCode(1)
        }
        if json {
            let report = JSONValue.object(JSONObject([
                ("path", .string(plan.displayFolder)), ("absolute_path", .string(plan.folder)),
                ("workorder_id", .string(plan.workorderId)), ("phase", .int(plan.phase)), ("stub", plan.promotesStub ? .string(plan.stubPath) : .null),
                ("orchestrator", .string(plan.orchestrator)), ("agents", .array(plan.agents.map(JSONValue.string))),
                ("unresolved_agents", .array(plan.unresolvedAgents.map(JSONValue.string))),
                ("closed", plan.closes.map { .string($0.sessionPath) } ?? .null),
            ]))
            Output.write(JSONPrinter.compact(report) + "\n")
        } else if porcelain {
            Output.write("\(plan.displayFolder)\t\(plan.workorderId)\n")
        } else {
            let name = WorkspacePaths.lastComponent(plan.displayFolder)
            let agent = plan.agents.first ?? plan.orchestrator
            Output.write("""
            created \(plan.displayFolder)/ (\(plan.workorderId)): \(plan.orchestrator) (orchestrator), \(plan.agents.joined(separator: ", "))
            next: hand each agent its one-liner — sessions-hub one-liner \(name) \(agent) --copy
                  or, inside tmux, start them all: sessions-hub dispatch \(name) --all

            """)
        }
    }
}

/// Asking before a command changes the workspace: notes first, then a y/N question on stderr.
/// Without a terminal there is nobody to ask, so `--yes` is required.
enum Confirm {
    static func ask(_ question: String, notes: [String], yes: Bool, flagHint: String, refusal: String) throws {
        for note in notes { Output.error("note: \(note)") }
        guard !yes else { return }
        guard isatty(STDIN_FILENO) == 1 else { throw UsageError("not a terminal, so cannot ask: pass --yes to \(flagHint)") }
        Output.error(question + " [y/N] ")
        guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
            Output.error(refusal)
            throw ExitCode(1)
        }
    }
}
