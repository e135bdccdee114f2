/// The paste-ready text that sends one agent to work (FORMATS.md "The one-liner"), built from the
/// session as it is loaded now, so it works for sessions the hub did not create, in every layout.
/// Paths are absolute: the agent runs in its own project folder. Only printable text.
public enum OneLiner {
    /// One line: session id, agent id, instructions path, output file, how to report done.
    public static func short(session: Session, agent: AgentState) -> String {
        let id = session.workorderId ?? session.name
        var parts = ["[\(id)] \(agent.agentId): read \(instructionsPath(session: session, agent: agent))"]
        if !agent.isOrchestrator { parts[0] += " (your section: \(agent.agentId))" }
        if let output = agent.outputFile {
            parts.append("write \(agent.outputResolved ?? outputPath(session: session, written: output))")
        }
        parts.append("then set your status to \"complete\" in \(statusFile(session: session, agent: agent))")
        return TerminalText.sanitize(parts.joined(separator: ", "))
    }

    /// Where the agent's steps are: its own instructions.json (nested layout), else the session's.
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

    /// The output as found here, else as written when absolute, else inside the session folder.
    static func outputPath(session: Session, written: String) -> String {
        if written.hasPrefix("/") || WorkspacePaths.isWindowsAbsolute(written) { return written }
        return WorkspacePaths.standardize(FileSystem.join(session.absolutePath, written))
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
