import Foundation

/// The paste-ready text that sends one agent to work (FORMATS.md "The one-liner"), built from the
/// facts of a session as it is now — loaded from disk (any layout) or just planned — so it works for
/// sessions the hub did not create. Paths are absolute: the agent runs in its own project folder.
/// Both forms contain only printable text (the long form's line breaks are its only controls).
public struct OneLinerFacts: Equatable, Sendable {
    public var workorderId: String
    public var phase: Int
    public var phaseName: String?
    public var folder: String
    public var agentId: String
    public var isOrchestrator: Bool
    public var task: String?
    public var steps: [String]
    public var instructionsFile: String
    public var outputFile: String?
    public var statusFile: String

    public init(workorderId: String, phase: Int, phaseName: String?, folder: String, agentId: String, isOrchestrator: Bool, task: String?, steps: [String], instructionsFile: String, outputFile: String?, statusFile: String) {
        self.workorderId = workorderId
        self.phase = phase
        self.phaseName = phaseName
        self.folder = folder
        self.agentId = agentId
        self.isOrchestrator = isOrchestrator
        self.task = task
        self.steps = steps
        self.instructionsFile = instructionsFile
        self.outputFile = outputFile
        self.statusFile = statusFile
    }
}

public enum OneLiner {
    /// One line: session id, agent id, instructions path, output file, how to report done.
    public static func short(_ facts: OneLinerFacts) -> String {
        var parts = ["[\(facts.workorderId)] \(facts.agentId): read \(facts.instructionsFile)"]
        if !facts.isOrchestrator { parts[0] += " (your section: \(facts.agentId))" }
        if let output = facts.outputFile { parts.append("write \(output)") }
        parts.append("then set your status to \"complete\" in \(facts.statusFile)")
        return clean(parts.joined(separator: ", "))
    }

    /// The workflow's template, in Markdown.
    public static func long(_ facts: OneLinerFacts) -> String {
        let title = "## SESSION: \(facts.workorderId) - Phase \(facts.phase)" + (facts.phaseName.map { " \($0)" } ?? "")
        var lines = [title, "**Location:** `\(facts.folder)`"]
        lines.append("**Your Task:** " + (facts.task.map(firstSentence) ?? "Your part of \(facts.workorderId) as \(facts.agentId)"))
        lines.append("**Instructions:**")
        var number = 1
        lines.append("\(number). Read `\(facts.instructionsFile)` for your detailed tasks" + (facts.isOrchestrator ? "" : " (section `\(facts.agentId)`)"))
        for step in keySteps(facts) {
            number += 1
            lines.append("\(number). \(step)")
        }
        if let output = facts.outputFile {
            number += 1
            lines.append("\(number). Create `\(output)` with your findings")
        }
        number += 1
        lines.append("\(number). Update your status in `\(facts.statusFile)` to complete when done (if the sessions-hub MCP tools are available, call `set_status` with a note instead of editing the file)")
        lines.append("**Output:** " + (facts.outputFile.map { "`\(WorkspacePaths.lastComponent($0))`" } ?? "your findings, reported in the session folder"))
        return lines.map(clean).joined(separator: "\n")
    }

    /// The agent's own steps, without those the template adds itself (write the output, report status).
    static func keySteps(_ facts: OneLinerFacts) -> [String] {
        let outputName = facts.outputFile.map(WorkspacePaths.lastComponent)
        let filtered = facts.steps.filter { step in
            let lower = step.lowercased()
            if let outputName, step.contains(outputName) { return false }
            if lower.contains("status") && (lower.contains("complete") || lower.contains("communication.json")) { return false }
            return true
        }
        return Array(filtered.prefix(8))
    }

    static func firstSentence(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        if let end = flat.range(of: ". ") { return String(flat[..<end.lowerBound]) + "." }
        return flat
    }

    static func clean(_ text: String) -> String { TerminalText.sanitize(text) }

    // MARK: - Facts from a loaded session

    public static func facts(session: Session, agent: AgentState) -> OneLinerFacts {
        let steps = agent.instructionSteps.isEmpty ? (session.instructions?.steps(for: agent.agentId) ?? (agent.isOrchestrator ? session.instructions?.orchestratorSteps ?? [] : [])) : agent.instructionSteps
        // The current in-session phase (the first not complete) gives the number and name when present.
        let current = session.phases.firstIndex { !$0.status.bucket.isFinished }
        let phaseName = current.flatMap { session.phases[$0].name } ?? session.instructions?.sessionPhase.map(phaseTitle)
        return OneLinerFacts(
            workorderId: session.workorderId ?? session.name,
            phase: current.map { $0 + 1 } ?? session.phase ?? 1,
            phaseName: phaseName,
            folder: session.absolutePath,
            agentId: agent.agentId,
            isOrchestrator: agent.isOrchestrator,
            task: agent.role ?? session.instructions?.task ?? session.description,
            steps: steps,
            instructionsFile: instructionsPath(session: session, agent: agent),
            outputFile: agent.outputFile.map { agent.outputResolved ?? outputPath(session: session, agent: agent, written: $0) },
            statusFile: statusFile(session: session, agent: agent)
        )
    }

    public static func short(session: Session, agent: AgentState) -> String { short(facts(session: session, agent: agent)) }
    public static func long(session: Session, agent: AgentState) -> String { long(facts(session: session, agent: agent)) }

    /// `Phase 1: Inventory - Each agent audits...` → `Inventory`.
    public static func phaseTitle(_ written: String) -> String {
        var text = Substring(written)
        if let colon = text.firstIndex(of: ":"), text.lowercased().hasPrefix("phase") { text = text[text.index(after: colon)...] }
        if let dash = text.range(of: " - ") { text = text[..<dash.lowerBound] }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Where the agent's steps are: its own instructions.json (nested layout), else the session's.
    /// A warning when the instructions file the one-liner sends the agent to was not found (neither
    /// its own nor the session's could be read): the agent would be told to read nothing.
    public static func missingInstructions(session: Session, agent: AgentState) -> String? {
        guard agent.instructionsFile == nil, session.instructions == nil else { return nil }
        return "\(agent.agentId)'s instructions file (\(WorkspacePaths.lastComponent(session.absolutePath))/instructions.json) does not exist or cannot be read: the agent will find no tasks there"
    }

    static func instructionsPath(session: Session, agent: AgentState) -> String {
        if let own = agent.instructionsFile { return absolute(own, session: session) }
        if let shared = session.instructions?.path { return absolute(shared, session: session) }
        return FileSystem.join(session.absolutePath, "instructions.json")
    }

    /// The file the agent edits to report: its nested communication.json, else the session's.
    static func statusFile(session: Session, agent: AgentState) -> String {
        if let nested = agent.nestedFile { return absolute(nested, session: session) }
        if let file = session.communicationFile { return absolute(file, session: session) }
        return FileSystem.join(session.absolutePath, "communication.json")
    }

    /// As written when absolute, else inside the session folder.
    /// Where the agent should write its output on this machine. A path written on another machine
    /// (`C:\\Users\\...\\out.json`) is not one an agent here can write: the file goes where the hub
    /// looks for it — the agent's own folder in the nested layout, else the session folder — by name.
    static func outputPath(session: Session, agent: AgentState, written: String) -> String {
        if written.hasPrefix("/") { return written }
        let folder = agent.nestedFile.map { WorkspacePaths.parent(absolute($0, session: session)) } ?? session.absolutePath
        if WorkspacePaths.isWindowsAbsolute(written) {
            return FileSystem.join(folder, WorkspacePaths.lastComponent(written))
        }
        return WorkspacePaths.standardize(FileSystem.join(session.absolutePath, written.replacingOccurrences(of: "\\", with: "/")))
    }

    /// Files in a Session are relative to the workspace root; the root is the session's absolute
    /// path minus its relative path.
    static func absolute(_ relative: String, session: Session) -> String {
        if relative.hasPrefix("/") { return relative }
        let root = session.absolutePath.hasSuffix(session.path)
            ? String(session.absolutePath.dropLast(session.path.count)) : session.absolutePath + "/"
        return WorkspacePaths.standardize(FileSystem.join(root, relative))
    }
}
