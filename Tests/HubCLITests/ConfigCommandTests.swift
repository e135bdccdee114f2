import Foundation
import Testing
import HubTestSupport
import HubCore

/// `sessions-hub config`: each value in effect and the file (or default) it came from.
@Suite(.enabled(if: TestPaths.binary != nil, "needs the built sessions-hub binary"))
struct ConfigCommandTests {
    let binary = TestPaths.binary ?? ""

    @Test func everyValueSaysWhereItCameFrom() throws {
        let workspace = try TemporaryWorkspace.demo("config-command")
        try workspace.write(".coderef/hub.toml", "[watch]\nstale_after_minutes = 45\n[agents.api-server]\ncommand = \"codex\"\n")
        try workspace.write("user/sessions-hub/config.toml", "[watch]\nstale_after_minutes = 10\n[ui]\ntheme = \"light\"\n")
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = workspace.path("user")
        let text = try ProcessRunner.run(binary, ["config", "--root", workspace.root], environment: environment)
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        func line(_ key: String) -> String { lines.first { $0.hasPrefix(key + " ") } ?? "" }
        #expect(line("watch.stale_after_minutes").contains("= 45") && line("watch.stale_after_minutes").hasSuffix("# " + workspace.path(".coderef/hub.toml")), "the workspace's file wins")
        #expect(line("ui.theme").contains("\"light\"") && line("ui.theme").hasSuffix("config.toml"))
        #expect(line("dispatch.command").hasSuffix("# default"))
        #expect(line("agents.api-server.command").contains("\"codex\""))
        let json = try JSONParser.parse(try ProcessRunner.run(binary, ["config", "--json", "--root", workspace.root], environment: environment).stdout)
        #expect(json["settings"]?.arrayValue?.first { $0["key"]?.stringValue == "ui.theme" }?["value"]?.stringValue == "\"light\"")
    }
}
