import Foundation
import Testing
import HubTestSupport
import HubCore
import HubTUI

/// `make install` / `uninstall`, the man page and the completion scripts, as a user gets them.
@Suite(.enabled(if: TestPaths.binary != nil, "needs the built sessions-hub binary"))
struct PackagingTests {
    let binary = TestPaths.binary ?? ""
    var built: String { (binary as NSString).deletingLastPathComponent }

    static let installed = [
        "bin/sessions-hub", "bin/sessions-hub-sim-agent", "share/man/man1/sessions-hub.1",
        "share/bash-completion/completions/sessions-hub", "share/zsh/site-functions/_sessions-hub",
        "share/fish/vendor_completions.d/sessions-hub.fish",
        "share/sessions-hub/themes/default.toml", "share/sessions-hub/themes/light.toml",
    ]

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/make"), "needs make"))
    func makeInstallPutsEveryFileInPlaceAndUninstallTakesThemAway() throws {
        let stage = try TemporaryWorkspace("make-install")
        let install = try ProcessRunner.run("/usr/bin/make", ["-C", TestPaths.packageRoot, "install", "BUILT=\(built)", "DESTDIR=\(stage.root)", "PREFIX=/opt/hub"], timeout: 120)
        #expect(install.status == 0, "\(install.stderr)")
        let prefix = stage.path("opt/hub")
        for file in PackagingTests.installed {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file) installed")
        }
        // The installed binary runs from another folder.
        let workspace = try TemporaryWorkspace.demo("make-install-ws")
        let version = try ProcessRunner.run(prefix + "/bin/sessions-hub", ["--version"], cwd: "/")
        #expect(version.status == 0 && version.stdout == "sessions-hub \(HubVersion.string)\n")
        let status = try ProcessRunner.run(prefix + "/bin/sessions-hub", ["status", "--root", workspace.root], cwd: "/")
        #expect(status.status == 0 && status.stdout.contains("Stubs (5)"))
        let uninstall = try ProcessRunner.run("/usr/bin/make", ["-C", TestPaths.packageRoot, "uninstall", "DESTDIR=\(stage.root)", "PREFIX=/opt/hub"])
        #expect(uninstall.status == 0)
        for file in PackagingTests.installed {
            #expect(!FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file) removed")
        }
    }

    @Test func theManualListsEveryCommandAndTheKeymap() throws {
        let page = try ProcessRunner.run(binary, ["manual"]).stdout
        for command in ["ui", "status", "start", "new", "advance", "archive", "unarchive", "one-liner", "dispatch", "trust", "set-status", "config", "doctor", "mcp", "demo"] {
            #expect(page.contains(".SS \(command)\n"), "\(command) in the man page")
        }
        // KEYS: one entry per binding, with its keys and action name, in the keymap's order.
        let keys = try #require(page.range(of: ".SH KEYS\n")).upperBound
        let section = String(page[keys...].prefix { _ in true }).components(separatedBy: ".SH FILES")[0]
        let entries = section.components(separatedBy: ".TP\n").dropFirst()
        #expect(entries.count == Keymap.standard.bindings.count)
        for (entry, binding) in zip(entries, Keymap.standard.bindings) {
            #expect(entry.hasPrefix(".B " + binding.keys.map(\.description).joined(separator: " ").replacingOccurrences(of: "\\", with: "\\e")))
            #expect(entry.contains("[\(binding.command.configName)]"))
        }
        for section in [".SH FILES", ".SH CONFIGURATION", ".SH ENVIRONMENT", "NO_COLOR", "XDG_CONFIG_HOME", "TMUX", "VISUAL"] {
            #expect(page.contains(section))
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsCoverTheCommandsAndTheWorkspacesNames(shell: String) throws {
        let script = try ProcessRunner.run(binary, ["--generate-completion-script", shell])
        #expect(script.status == 0)
        for command in ["status", "start", "dispatch", "set-status", "one-liner"] { #expect(script.stdout.contains(command)) }
        #expect(script.stdout.contains("---completion"), "names come from the workspace")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "needs bash"))
    func bashCompletesSessionAndAgentNames() throws {
        let workspace = try TemporaryWorkspace.demo("completion")
        let script = workspace.path("completion.bash")
        try ProcessRunner.run(binary, ["--generate-completion-script", "bash"]).stdout.write(toFile: script, atomically: true, encoding: .utf8)
        func complete(_ words: [String]) throws -> [String] {
            let line = words.joined(separator: " ")
            let program = """
            source \(script)
            COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " "))); COMP_CWORD=\(words.count - 1)
            COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            _sessions-hub; printf '%s\\n' "${COMPREPLY[@]}"
            """
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = built + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            return try ProcessRunner.run("/bin/bash", ["-c", program], environment: environment).stdout.split(separator: "\n").map(String.init)
        }
        #expect(try complete(["sessions-hub", "one-liner", "--root", workspace.root, "api"]) == ["api-migration-phase1"])
        #expect(try complete(["sessions-hub", "one-liner", "--root", workspace.root, "api-migration-phase1", "docs"]) == ["docs-writer"])
        #expect(try complete(["sessions-hub", "start", "--root", workspace.root, "par"]) == ["parallel-docs-audit"])
    }
}
