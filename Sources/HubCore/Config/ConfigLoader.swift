import Foundation
import TOMLKit

/// Reads the config files into `HubSettings`. A file that does not parse is a problem reported to
/// the caller, never a crash; unknown keys are ignored (newer configs keep working).
public enum ConfigLoader {
    struct File: Decodable {
        struct Workspace: Decodable {
            var stubs: [String]?
            var sessions: [String]?
            var new_sessions: String?
        }
        struct Start: Decodable {
            var default_orchestrator: String?
        }
        struct Clipboard: Decodable {
            var order: [String]?
            var long_form: Bool?
        }
        struct Handoff: Decodable {
            var not_picked_up_after_minutes: Double?
        }
        struct Agent: Decodable {
            var path: String?
        }
        var workspace: Workspace?
        var start: Start?
        var clipboard: Clipboard?
        var handoff: Handoff?
        var agents: [String: Agent]?
    }

    /// The files read, in order (later ones fill what earlier ones left unset).
    public static func files(root: String?, environment: [String: String]) -> [String] {
        var paths: [String] = []
        if let root { paths.append(FileSystem.join(root, ".coderef/hub.toml")) }
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { FileSystem.join($0, ".config") }
        if let configHome { paths.append(FileSystem.join(configHome, "sessions-hub/config.toml")) }
        return paths
    }

    public static func load(root: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> (HubSettings, [Problem]) {
        var settings = HubSettings()
        var problems: [Problem] = []
        // Workspace file first: it wins over the user's file for the keys it sets.
        for path in files(root: root, environment: environment).reversed() where FileSystem.isFile(path) {
            do {
                let text = String(decoding: try FileSystem.read(path), as: UTF8.self)
                let file = try TOMLDecoder().decode(File.self, from: text)
                apply(file, to: &settings, path: path, problems: &problems)
            } catch let error as TOMLParseError {
                problems.append(Problem(path: path, message: "not valid TOML: line \(error.source.begin.line), column \(error.source.begin.column)"))
            } catch {
                problems.append(Problem(path: path, message: "cannot be used: \(error)"))
            }
        }
        return (settings, problems)
    }

    static func apply(_ file: File, to settings: inout HubSettings, path: String, problems: inout [Problem]) {
        if let stubs = file.workspace?.stubs { settings.stubDirectories = stubs }
        if let sessions = file.workspace?.sessions { settings.sessionDirectories = sessions }
        if let target = file.workspace?.new_sessions { settings.newSessionsDirectory = target }
        if let orchestrator = file.start?.default_orchestrator { settings.defaultOrchestrator = orchestrator }
        if let order = file.clipboard?.order {
            var methods: [ClipboardMethod] = []
            for name in order {
                if let method = ClipboardMethod(rawValue: name) { methods.append(method) } else {
                    problems.append(Problem(path: path, message: "clipboard.order: unknown method '\(name)' (known: \(ClipboardMethod.allCases.map(\.rawValue).joined(separator: ", ")))"))
                }
            }
            settings.clipboardOrder = methods
        }
        if let long = file.clipboard?.long_form { settings.copyLongForm = long }
        if let minutes = file.handoff?.not_picked_up_after_minutes { settings.notPickedUpAfter = minutes * 60 }
        for (id, agent) in file.agents ?? [:] {
            if let path = agent.path { settings.agentPaths[id] = path }
        }
    }
}
