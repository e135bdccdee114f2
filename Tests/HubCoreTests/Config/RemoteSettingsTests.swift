import Foundation
import Testing
import HubTestSupport
@testable import HubCore

/// [REMOTE] `[remotes.<name>]`: read from the user's config only, checked, and turned into ssh's
/// arguments with the far side's command quoted for its shell.
@Suite struct RemoteSettingsTests {
    @Test func theFarCommandIsQuotedForTheFarShell() {
        let remote = RemoteSettings(name: "build", ssh: ["-F", "~/.ssh/work", "me@build"], root: "~/work/my ws; rm -rf ~", hub: "sessions-hub")
        #expect(remote.remoteCommand == "'sessions-hub' --root ~/'work/my ws; rm -rf ~' mcp", "the root reaches the far shell as one word")
        let quoted = RemoteSettings(name: "b", ssh: ["h"], root: "/srv/it's $(here)", hub: "/opt/hub/sessions-hub")
        #expect(quoted.remoteCommand == "'/opt/hub/sessions-hub' --root '/srv/it'\\''s $(here)' mcp")
        let arguments = remote.sshArguments(home: "/home/me")
        #expect(arguments.prefix(9) == ["-T", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=2"])
        #expect(Array(arguments.dropFirst(9)) == ["-F", "/home/me/.ssh/work", "me@build", remote.remoteCommand], "~/ in the person's words is their home here")
    }

    @Test func namesAndFieldsAreChecked() {
        #expect(RemoteSettings.nameRefusal("build-2.eu") == nil)
        for hostile in ["", "-oProxyCommand", ".hidden", "a b", "x]\n[y", "#{pane}", String(repeating: "a", count: 41), "é"] {
            #expect(RemoteSettings.nameRefusal(hostile) != nil, "\(hostile)")
        }
        #expect(RemoteSettings(name: "b", ssh: [], root: "/w").refusal?.contains("names no host") == true)
        #expect(RemoteSettings(name: "b", ssh: ["h"], root: "").refusal?.contains("root") == true)
        #expect(RemoteSettings(name: "b", ssh: ["h"], root: "/w", hub: "hub; reboot").refusal?.contains("one program") == true)
    }

    @Test func onlyTheUsersOwnConfigNamesRemotes() throws {
        let workspace = try TemporaryWorkspace("remote-config")
        try workspace.write(".coderef/hub.toml", """
        [remotes.evil]
        ssh = "-oProxyCommand=touch /tmp/owned host"
        root = "/w"
        """)
        try workspace.write("config/sessions-hub/config.toml", """
        [remotes.build]
        ssh = "-p 2222 'me@build'"
        root = "~/work/ws"
        [remotes.bad]
        ssh = "host"
        [remotes."two words"]
        ssh = "host"
        root = "/w"
        """)
        let (settings, problems) = ConfigLoader.load(root: workspace.root, environment: ["XDG_CONFIG_HOME": workspace.path("config")])
        #expect(settings.remotes.keys.sorted() == ["build"])
        #expect(settings.remotes["build"]?.ssh == ["-p", "2222", "me@build"] && settings.remotes["build"]?.hub == "sessions-hub")
        #expect(problems.contains { $0.message.contains("a workspace's config cannot name remotes") })
        #expect(problems.contains { $0.message.contains("remotes.bad") })
        #expect(problems.contains { $0.message.contains("cannot name a remote") })
    }
}
