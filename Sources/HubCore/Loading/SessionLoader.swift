import Foundation

/// Reads session folders in every layout FORMATS.md lists: the workflow's communication.json, nested
/// per-agent folders, sub-sessions, the dashboard layout, folders with only per-agent files or only
/// instructions.json, and stand-in files named `*-communication.json`.
struct SessionLoader {
    let layout: WorkspaceLayout
    let resolver: PathResolver
    let log: ProblemLog
    /// Files' times: their last commit when unchanged since (a clone reads the same ages), else
    /// their modification times.
    var times: GitFileTimes = .none

    /// The session in `folder` followed by its sub-sessions; empty when the folder holds nothing a
    /// session is made of (then it is a loose folder, such as notes, and is ignored quietly).
    /// Folders are told apart by device and inode, so a link back up (`ln -s . self`) is seen as the
    /// loop it is: reported once, never followed. Sub-sessions nest at most `maxDepth` deep.
    static let maxDepth = 4

    func loadSession(_ folder: String, name: String, archived: Bool, parent: String?, ancestors: [FolderIdentity] = []) -> [Session] {
        let display = layout.display(folder)
        guard let identity = FolderIdentity(folder) else { return [] }
        if ancestors.contains(identity) {
            log.add(display, "a symbolic link loop (this folder is one of its own parents); not followed", kind: .other)
            return []
        }
        guard ancestors.count < SessionLoader.maxDepth else {
            log.add(display, "sub-sessions nested more than \(SessionLoader.maxDepth) deep; not read", kind: .other)
            return []
        }
        let lineage = ancestors + [identity]
        var rootValue: JSONValue?
        var communicationFile: String?
        var nested: [NestedAgent] = []
        var subSessions: [Session] = []
        var orchestratorFile: AgentState?

        let standard = FileSystem.join(folder, "communication.json")
        if let why = FileSystem.notAFile(standard) { log.add(layout.display(standard), why, kind: .unreadable) }
        if FileSystem.isFile(standard) {
            communicationFile = layout.display(standard)
            rootValue = JSONFile.load(standard, displayPath: layout.display(standard), log: log)
        } else {
            // Stand-ins: `orchestrator-communication.json`, `agent-communication.json`, `<id>-communication.json`.
            for entry in FileSystem.entries(folder) where entry.hasSuffix("-communication.json") {
                let path = FileSystem.join(folder, entry)
                guard FileSystem.isFile(path) else { continue }
                let shown = layout.display(path)
                guard let value = JSONFile.load(path, displayPath: shown, log: log) else {
                    if communicationFile == nil { communicationFile = shown }
                    continue
                }
                let object = value.objectValue ?? JSONObject()
                if rootValue == nil && object["agent_id"] == nil && (object["agents"] != nil || object["workorder_id"] != nil || object["session_id"] != nil) {
                    rootValue = value
                    communicationFile = shown
                } else {
                    let stem = String(entry.dropLast("-communication.json".count))
                    let agent = AgentDecoder.decodeNested(object, folderName: stem, file: shown, log: log)
                    if stem == "orchestrator" {
                        var orchestrator = agent
                        orchestrator.isOrchestrator = true
                        orchestratorFile = orchestrator
                    } else {
                        nested.append(NestedAgent(folder: folder, folderName: stem, agent: agent))
                    }
                }
            }
        }

        var instructions: Instructions?
        let instructionsPath = FileSystem.join(folder, "instructions.json")
        if let why = FileSystem.notAFile(instructionsPath) { log.add(layout.display(instructionsPath), why, kind: .unreadable) }
        if FileSystem.isFile(instructionsPath), let value = JSONFile.load(instructionsPath, displayPath: layout.display(instructionsPath), log: log) {
            instructions = InstructionsDecoder.decode(value, file: layout.display(instructionsPath), log: log)
        }

        for sub in log.subdirectories(of: folder, shownAs: display) {
            let subFolder = FileSystem.join(folder, sub)
            let file = FileSystem.join(subFolder, "communication.json")
            let subInstructions = FileSystem.join(subFolder, "instructions.json")
            guard FileSystem.isFile(file) else {
                if FileSystem.isFile(subInstructions) {
                    _ = JSONFile.load(subInstructions, displayPath: layout.display(subInstructions), log: log)
                }
                continue
            }
            let shown = layout.display(file)
            guard let value = JSONFile.load(file, displayPath: shown, log: log) else {
                // Unreadable (perhaps being written): the agent stays, its state unknown for now.
                var agent = AgentState(agentId: sub)
                agent.nestedFile = shown
                agent.unreadable = true
                nested.append(NestedAgent(folder: subFolder, folderName: sub, agent: agent, unreadable: true))
                continue
            }
            let object = value.objectValue ?? JSONObject()
            if value.objectValue == nil { log.add(shown, "expected a JSON object at the top, found \(value.kindName)") }
            let isAgentFile = object["agent_id"]?.stringValue != nil
            let hasAgents = object["agents"].map { $0.arrayValue != nil || $0.objectValue != nil } ?? false
            if !isAgentFile && hasAgents {
                subSessions += loadSession(subFolder, name: name + "/" + sub, archived: archived, parent: display, ancestors: lineage)
                continue
            }
            var agent = AgentDecoder.decodeNested(object, folderName: sub, file: shown, log: log)
            if FileSystem.isFile(subInstructions), let value = JSONFile.load(subInstructions, displayPath: layout.display(subInstructions), log: log) {
                let own = InstructionsDecoder.decode(value, file: layout.display(subInstructions), agentId: agent.agentId, log: log)
                agent.instructionsFile = own.path
                agent.instructionSteps = own.steps(for: agent.agentId) ?? []
            }
            nested.append(NestedAgent(folder: subFolder, folderName: sub, agent: agent))
        }

        let isEmptyFolder = communicationFile == nil && instructions == nil && nested.isEmpty && subSessions.isEmpty && orchestratorFile == nil
        if isEmptyFolder { return [] }

        var session = decodeRoot(rootValue, file: communicationFile ?? display)
        session.name = name
        session.path = display
        session.absolutePath = folder
        session.communicationFile = communicationFile
        session.archived = archived
        session.parent = parent
        session.instructions = instructions
        session.feature = parent == nil ? SessionNaming.split(WorkspacePaths.lastComponent(name)).feature : name
        session.phase = parent == nil ? SessionNaming.split(WorkspacePaths.lastComponent(name)).phase : nil
        if session.orchestrator == nil { session.orchestrator = orchestratorFile }
        if rootValue == nil { session.layout = .partial }
        merge(nested, into: &session)
        resolveOutputs(&session, nested: nested)
        reportDependencies(session)
        return [session] + subSessions
    }

    /// `depends_on` that can never be satisfied is a problem of the file (doctor says how to fix it).
    private func reportDependencies(_ session: Session) {
        guard session.agents.contains(where: { !$0.dependsOn.isEmpty }) else { return }
        let file = session.communicationFile ?? session.path
        let waves = Waves(session)
        if !waves.cycle.isEmpty { log.add(file, "depends_on goes round in a circle (\(waves.cycle.joined(separator: " → "))): these agents never become ready") }
        for unknown in waves.unknownDependencies {
            log.add(file, "\(unknown.agent) depends on \(unknown.dependency), which is not an agent of this session")
        }
    }

    struct NestedAgent {
        var folder: String
        var folderName: String
        var agent: AgentState
        var unreadable = false
    }

    /// The session-level fields of a root communication.json (any layout).
    private func decodeRoot(_ value: JSONValue?, file: String) -> Session {
        var session = Session(name: "", path: "", absolutePath: "", feature: "", phase: nil, layout: .workflow, agents: [], phases: [], archived: false)
        guard let value else { return session }
        guard let object = value.objectValue else {
            log.add(file, "expected a JSON object at the top, found \(value.kindName)")
            return session
        }
        let fields = FieldReader(object, file: file, log: log)
        session.workorderId = fields.text("workorder_id") ?? fields.string("session_id")
        session.featureName = fields.string("feature_name")
        session.description = fields.string("description")
        session.created = fields.string("created") ?? fields.string("created_at")
        if object["status"] != nil { session.storedStatus = fields.status("status") }
        session.stubReference = fields.string("stub_id") ?? fields.string("parent_stub_id")
        if let aggregation = object["aggregation"]?.objectValue {
            session.storedCounts = StoredCounts(total: aggregation["total_agents"]?.intValue ?? aggregation["total"]?.intValue,
                                                complete: aggregation["completed"]?.intValue ?? aggregation["complete"]?.intValue)
        }

        switch object["orchestrator"] {
        case .object?:
            session.orchestrator = AgentDecoder.decodeEntry(object["orchestrator"]!, file: file, context: "orchestrator", isOrchestrator: true, log: log)
        case .string(let id)?:
            session.orchestrator = AgentState(agentId: id, isOrchestrator: true)
        case nil, .null?: break
        case let other?: fields.wrongType("orchestrator", expected: "an object", found: other)
        }

        var agents: [AgentState] = []
        var looksLikeDashboard = object["coordination_mode"] != nil || object["execution_waves"] != nil
            || (object["session_id"] != nil && object["stub_id"] != nil && object["workorder_id"] == nil)
        switch object["agents"] {
        case .array(let items)?:
            for (index, item) in items.enumerated() {
                if let entry = item.objectValue, entry["agent_number"] != nil || entry["execution_wave"] != nil { looksLikeDashboard = true }
                if let agent = AgentDecoder.decodeEntry(item, file: file, context: "agents[\(index)]", isOrchestrator: false, log: log) {
                    agents.append(agent)
                }
            }
        case .object(let keyed)?:
            for member in keyed.members {
                if case .string(let word) = member.value {
                    agents.append(AgentState(agentId: member.key, status: Status(word)))
                } else if let agent = AgentDecoder.decodeEntry(member.value, keyedId: member.key, file: file, context: "agents.\(member.key)", isOrchestrator: false, log: log) {
                    agents.append(agent)
                }
            }
        case nil, .null?: break
        case let other?: fields.wrongType("agents", expected: "a list or an object", found: other)
        }
        // The orchestrator listed among the agents too is shown once, as the orchestrator.
        if let orchestrator = session.orchestrator {
            agents.removeAll { $0.agentId == orchestrator.agentId }
        }
        session.agents = agents
        session.layout = looksLikeDashboard ? .dashboard : .workflow

        if let phases = fields.object("phases") {
            session.phases = phases.members.map { member in
                let phase = member.value.objectValue ?? JSONObject()
                let phaseFields = FieldReader(phase, file: file, context: "phases.\(member.key)", log: log)
                return SessionPhase(
                    key: member.key,
                    name: phaseFields.string("name"),
                    status: phase["status"] == nil ? .unknown : phaseFields.status("status"),
                    leadAgents: phaseFields.strings("lead_agents")
                )
            }
        }
        return session
    }

    /// Nested files join the root entries: matched by agent id (exact, then case-insensitive, then
    /// the folder name); their status wins; unmatched ones are agents of the session too.
    private func merge(_ nested: [NestedAgent], into session: inout Session) {
        for item in nested {
            let own = item.agent
            let candidates = [own.agentId, item.folderName]
            var index: Int?
            for candidate in candidates where index == nil {
                index = session.agents.firstIndex { $0.agentId == candidate }
                    ?? session.agents.firstIndex { $0.agentId.lowercased() == candidate.lowercased() }
            }
            if let index {
                session.agents[index] = combine(root: session.agents[index], nested: own, unreadable: item.unreadable)
            } else if let orchestrator = session.orchestrator, candidates.contains(orchestrator.agentId) {
                session.orchestrator = combine(root: orchestrator, nested: own, unreadable: item.unreadable)
            } else {
                session.agents.append(own)
            }
        }
    }

    private func combine(root: AgentState, nested: AgentState, unreadable: Bool) -> AgentState {
        var merged = root
        merged.nestedFile = nested.nestedFile
        merged.instructionsFile = nested.instructionsFile
        merged.instructionSteps = nested.instructionSteps
        merged.unreadable = unreadable
        guard !unreadable else { return merged }
        if nested.status.word != nil {
            if root.status.word != nested.status.word && root.status.word != nil {
                merged.rootStatus = root.status
                merged.rootClaimedAt = [root.completedAt, root.updatedAt, root.startedAt].compactMap(Timestamp.parse).max()
                merged.ownClaimedAt = [nested.completedAt, nested.updatedAt, nested.startedAt].compactMap(Timestamp.parse).max()
            }
            merged.status = nested.status
        }
        merged.role = root.role ?? nested.role
        merged.agentPath = root.agentPath ?? nested.agentPath
        merged.tasksDone = nested.tasksTotal != nil ? nested.tasksDone : root.tasksDone
        merged.tasksTotal = nested.tasksTotal ?? root.tasksTotal
        merged.completedAt = nested.completedAt ?? root.completedAt
        merged.startedAt = nested.startedAt ?? root.startedAt
        merged.updatedAt = nested.updatedAt ?? root.updatedAt
        merged.tasks = nested.tasks.isEmpty ? root.tasks : nested.tasks
        merged.filesCreated = nested.filesCreated.isEmpty ? root.filesCreated : nested.filesCreated
        merged.primaryOutput = nested.primaryOutput ?? root.primaryOutput
        merged.notes = nested.notes ?? root.notes
        merged.outputFile = nested.outputFile ?? root.outputFile
        merged.dependsOn = root.dependsOn.isEmpty ? nested.dependsOn : root.dependsOn
        merged.executionWave = root.executionWave ?? nested.executionWave
        merged.gateCriteria = nested.gateCriteria.isEmpty ? root.gateCriteria : nested.gateCriteria
        merged.workordersCreated = nested.workordersCreated.isEmpty ? root.workordersCreated : nested.workordersCreated
        return merged
    }

    /// Finds each output file on this machine (nested folder first, then the session folder) and
    /// checks that a JSON output parses, so a broken deliverable shows up as a problem.
    private func resolveOutputs(_ session: inout Session, nested: [NestedAgent]) {
        func resolve(_ agent: inout AgentState) {
            guard let written = agent.outputFile else { return }
            let nestedFolder = nested.first { $0.agent.nestedFile != nil && $0.agent.nestedFile == agent.nestedFile }?.folder
            let found = nestedFolder.flatMap { resolver.resolve(written, inside: $0) } ?? resolver.resolve(written, inside: session.absolutePath)
            agent.outputResolved = found
            // A deliverable that does not parse is the agent's evidence (unverified), not a broken
            // session file: it is listed as a problem of its own kind.
            if let found, found.lowercased().hasSuffix(".json"), (FileSystem.size(found) ?? 0) <= 8 * 1024 * 1024 {
                let own = ProblemLog()
                if JSONFile.load(found, displayPath: layout.display(found), log: own) == nil, let why = own.problems.first {
                    agent.outputInvalid = why.kind == .invalidJSON ? "output is not valid JSON" : "output cannot be read"
                    log.add(why.path, "the output of \(agent.agentId): \(why.message)", kind: .other)
                }
            }
        }
        // The agent's own evidence only: the shared communication.json changes whenever any agent
        // writes, so its time says nothing about this one. Times written in its files come first
        // (they read the same in every copy); the files' own times only when none is written.
        let rootFile = session.communicationFile
        func stamp(_ agent: inout AgentState) {
            let written = [agent.completedAt, agent.startedAt, agent.updatedAt].compactMap(Timestamp.parse)
            let files = [agent.nestedFile.map(layout.absolute), agent.outputResolved].compactMap { $0.flatMap(times.changed) }
            agent.lastChange = written.max() ?? files.max()
            // The two claims' dates are of one kind: both written in the files, else both the files' times.
            if agent.rootStatus != nil, agent.rootClaimedAt == nil || agent.ownClaimedAt == nil {
                agent.rootClaimedAt = rootFile.flatMap { times.changed(layout.absolute($0)) }
                agent.ownClaimedAt = agent.nestedFile.flatMap { times.changed(layout.absolute($0)) }
            }
        }
        for index in session.agents.indices {
            resolve(&session.agents[index])
            stamp(&session.agents[index])
        }
        if session.orchestrator != nil {
            resolve(&session.orchestrator!)
            stamp(&session.orchestrator!)
        }
    }
}

/// `<feature>-phase<N>` naming.
public enum SessionNaming {
    /// Splits `feature-phase2` into (`feature`, 2); a name without the suffix has no phase.
    public static func split(_ name: String) -> (feature: String, phase: Int?) {
        let lower = name.lowercased()
        guard let range = lower.range(of: "-phase", options: .backwards) else { return (name, nil) }
        var digits = lower[range.upperBound...]
        if digits.first == "-" || digits.first == "_" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let number = Int(digits) else { return (name, nil) }
        let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
        return (String(name.prefix(offset)), number)
    }
}
