import ArgumentParser
import Foundation
import HubCore

/// `sessions-hub config`: the effective configuration, and where each value came from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective configuration and where each value came from.",
        discussion: "Files: the workspace's .coderef/hub.toml (wins), then $XDG_CONFIG_HOME/sessions-hub/config.toml; flags win over both. Problems in them are reported on stderr."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(name: .long, help: "Print the settings as JSON.")
    var json = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let layout = try workspace.resolveLayout()
        let files = ConfigLoader.files(root: layout.root, environment: environment)
        let entries = ConfigReport.entries(root: layout.root, environment: environment)
        if json {
            Output.write(JSONPrinter.compact(.object(JSONObject([
                ("files", .array(files.map { file in .object(JSONObject([("path", .string(file)), ("exists", .bool(FileManager.default.fileExists(atPath: file)))])) })),
                ("settings", ConfigReport.json(entries)),
            ]))) + "\n")
            return
        }
        for file in files {
            Output.write("# \(FileManager.default.fileExists(atPath: file) ? "read" : "absent"): \(file)\n")
        }
        Output.write(ConfigReport.text(entries))
    }
}
