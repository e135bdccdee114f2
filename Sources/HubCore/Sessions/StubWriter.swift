import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a new idea stub, `<stubs dir>/<feature>/stub.json`, in the workflow's own format, as one
/// transaction (a temporary folder renamed into place, never replacing anything). Refuses a feature
/// that already has a stub anywhere in the workspace or a folder of that name.
public enum StubWriter {
    public struct Request: Equatable, Sendable {
        public var featureName: String
        public var description: String
        public var agents: [String]
        /// The orchestrator, written as `"<id> (orchestrator)"` first in `agents_involved`.
        public var orchestrator: String?
        /// `{area: what to do}`, in order.
        public var scope: [(String, String)]
        public var priority: String?
        public var phases: [String]

        public init(featureName: String, description: String, agents: [String] = [], orchestrator: String? = nil, scope: [(String, String)] = [], priority: String? = nil, phases: [String] = []) {
            self.featureName = featureName
            self.description = description
            self.agents = agents
            self.orchestrator = orchestrator
            self.scope = scope
            self.priority = priority
            self.phases = phases
        }

        public static func == (lhs: Request, rhs: Request) -> Bool {
            lhs.featureName == rhs.featureName && lhs.description == rhs.description && lhs.agents == rhs.agents
                && lhs.orchestrator == rhs.orchestrator && lhs.scope.map { [$0.0, $0.1] } == rhs.scope.map { [$0.0, $0.1] }
                && lhs.priority == rhs.priority && lhs.phases == rhs.phases
        }
    }

    public struct Created: Equatable, Sendable {
        /// stub.json, relative to the root.
        public var path: String
        public var stubId: String
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case invalidName(String, NameValidator.Invalid)
        case invalidAgent(String, NameValidator.Invalid)
        case exists(String)
        case empty(String)
        case io(String)

        public var description: String {
            switch self {
            case .invalidName(let name, let why): return "'\(TerminalText.sanitize(name))' cannot be a feature name: \(why)"
            case .invalidAgent(let name, let why): return "'\(TerminalText.sanitize(name))' cannot be an agent id: \(why)"
            case .exists(let path): return "a stub already exists for this feature (\(path)); nothing was written"
            case .empty(let field): return "\(field) is empty; nothing was written"
            case .io(let why): return "could not write the stub: \(why); nothing was written"
            }
        }
    }

    public static func create(_ request: Request, layout: WorkspaceLayout, snapshot: WorkspaceSnapshot, now: Date = Date()) throws(Failure) -> Created {
        let feature = request.featureName.trimmingCharacters(in: .whitespaces)
        guard !feature.isEmpty else { throw .empty("feature_name") }
        guard !request.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .empty("description") }
        do { try NameValidator.validate(feature) } catch { throw .invalidName(feature, error) }
        for agent in request.agents + (request.orchestrator.map { [$0] } ?? []) {
            do { try HostileNames.validateAgentId(agent) } catch { throw .invalidAgent(agent, error) }
        }
        if let existing = snapshot.stubs.first(where: { $0.featureName.lowercased() == feature.lowercased() || $0.folderName.lowercased() == feature.lowercased() }) {
            throw .exists(existing.path)
        }
        let directory = layout.absolute(layout.stubDirectories.first ?? "coderef/working")
        let folder = FileSystem.join(directory, feature)
        let display = layout.display(FileSystem.join(folder, "stub.json"))
        guard NameValidator.isInside(folder, root: layout.root) else { throw .invalidName(feature, .parentReference) }
        do { try RootedPath.inside(directory, root: layout.root) } catch { throw .io(error.description) }
        if FileSystem.exists(folder) { throw .exists(layout.display(folder)) }

        let stubId = nextStubId(snapshot)
        var members: [(String, JSONValue)] = [
            ("stub_id", .string(stubId)),
            ("feature_name", .string(feature)),
            ("description", .string(request.description)),
            ("created", .string(String(Timestamp.format(now).prefix(10)))),
            ("status", .string("planning")),
        ]
        if let priority = request.priority, !priority.isEmpty { members.append(("priority", .string(priority))) }
        if !request.agents.isEmpty || request.orchestrator != nil {
            members.append(("session_type", .string("multi-agent")))
            let involved = (request.orchestrator.map { [$0 + " (orchestrator)"] } ?? []) + request.agents
            members.append(("agents_involved", .array(involved.map(JSONValue.string))))
        }
        if !request.scope.isEmpty {
            members.append(("scope", .object(JSONObject(request.scope.map { ($0.0, JSONValue.string($0.1)) }))))
        }
        if !request.phases.isEmpty { members.append(("session_phases", .array(request.phases.map(JSONValue.string)))) }
        let bytes = Array((JSONPrinter.pretty(.object(JSONObject(members))) + "\n").utf8)

        let manager = FileManager.default
        let temporary = FileSystem.join(directory, LeftoverFiles.temporaryName(for: feature))
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: false)
            try AtomicFile.write(bytes, to: FileSystem.join(temporary, "stub.json"))
            AtomicFile.syncDirectory(temporary)
            try SessionWriter.renameNoReplace(temporary, folder, display: layout.display(folder))
            AtomicFile.syncDirectory(directory)
        } catch SessionWriter.Failure.exists(let path) {
            try? manager.removeItem(atPath: temporary)
            throw .exists(path)
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw .io(WriteErrorText.describe(error))
        }
        return Created(path: display, stubId: stubId)
    }

    /// `STUB-<n+1>` past every numbered stub id in the workspace (`STUB-094` → `STUB-095`).
    static func nextStubId(_ snapshot: WorkspaceSnapshot) -> String {
        let numbers = snapshot.stubs.compactMap { stub -> Int? in
            guard let id = stub.stubId, id.uppercased().hasPrefix("STUB-") else { return nil }
            return Int(id.dropFirst(5))
        }
        let next = (numbers.max() ?? 0) + 1
        return "STUB-" + (next < 100 ? String(format: "%03d", next) : String(next))
    }
}
