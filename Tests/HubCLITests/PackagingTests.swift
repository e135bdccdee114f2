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
        for command in ["ui", "status", "start", "new", "advance", "archive", "unarchive", "one-liner", "dispatch", "trust", "set-status", "triage", "config", "doctor", "mcp", "demo"] {
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

    // MARK: hostile names through each shell's completion

    /// A demo workspace plus folders and agent ids whose names are shell code, and an empty folder
    /// where that code would leave its marks.
    func hostileWorkspace(_ label: String) throws -> (TemporaryWorkspace, marks: String) {
        let workspace = try TemporaryWorkspace.demo(label)
        for (index, name) in ["$(touch pwned-stub-1)", "`touch pwned-stub-2`", "${IFS}x;touch pwned-stub-3"].enumerated() {
            try workspace.write("coderef/working/\(name)/stub.json", #"{"feature_name": "h\#(index)", "status": "ready"}"#)
        }
        try workspace.write(".coderef/sessions/$(touch pwned-session)/communication.json", #"{"agents": [{"agent_id": "a", "status": "in_progress"}]}"#)
        try workspace.write(".coderef/sessions/zz-hostile-ids/communication.json", #"{"agents": [{"agent_id": "$(touch pwned-agent)", "status": "in_progress"}, {"agent_id": "`touch pwned-agent-2`", "status": "in_progress"}, {"agent_id": "safe-agent", "status": "in_progress"}]}"#)
        try workspace.mkdir("marks")
        return (workspace, workspace.path("marks"))
    }

    func marks(_ folder: String) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? ["(unreadable)"] }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "needs bash"))
    func bashCompletionNeverRunsAWorkspacesNames() throws {
        let (workspace, marks) = try hostileWorkspace("completion-hostile-bash")
        let script = workspace.path("completion.bash")
        try ProcessRunner.run(binary, ["--generate-completion-script", "bash"]).stdout.write(toFile: script, atomically: true, encoding: .utf8)
        func complete(_ words: [String]) throws -> [String] {
            let program = """
            cd '\(marks)'; source '\(script)'
            COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " "))); COMP_CWORD=\(words.count - 1)
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _sessions-hub; printf '%s\\n' "${COMPREPLY[@]}"
            """
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = built + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            return try ProcessRunner.run("/bin/bash", ["-c", program], environment: environment).stdout.split(separator: "\n").map(String.init)
        }
        #expect(try complete(["sessions-hub", "start", "--root", workspace.root, ""]).contains("parallel-docs-audit"))
        _ = try complete(["sessions-hub", "one-liner", "--root", workspace.root, ""])
        #expect(try complete(["sessions-hub", "set-status", "--root", workspace.root, "zz-hostile-ids", ""]).contains("safe-agent"))
        #expect(self.marks(marks).isEmpty, "a name ran as code: \(self.marks(marks))")
    }

    /// Presses Tab in a real interactive shell in tmux (fish and zsh complete only interactively):
    /// `shell` is started in the marks folder, `setup` loads the completion and ends by printing
    /// `ready-2` (computed by the shell, so the typed line never shows it).
    func completeInteractively(_ workspace: TemporaryWorkspace, marks: String, shell: String, setup: String, tabs: [String]) throws {
        let pane = try TmuxPane(width: 200, height: 40, extraEnvironment: ["PATH": built + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"), "HOME": workspace.root])
        try pane.run("cd '\(marks)' && exec \(shell)")
        try pane.run(setup)
        try pane.waitFor(text: "ready-2")
        for (line, offered) in [("sessions-hub start --root \(workspace.root) ", "parallel-docs-audit"), ("sessions-hub set-status --root \(workspace.root) zz-hostile-ids ", "safe-agent")] {
            try pane.tmux(["send-keys", "-t", "main", "-l", line])
            for tab in tabs { try pane.keys(tab) }
            try pane.waitFor("\(offered) offered", timeout: 20) { $0.contains(offered) }
            try pane.keys("C-c")
            try pane.run("clear")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/fish") && TmuxPane.isAvailable, "needs fish (scripts/test installs it) and tmux"))
    func fishCompletionNeverRunsAWorkspacesNames() throws {
        let (workspace, marks) = try hostileWorkspace("completion-hostile-fish")
        let script = workspace.path("completion.fish")
        try ProcessRunner.run(binary, ["--generate-completion-script", "fish"]).stdout.write(toFile: script, atomically: true, encoding: .utf8)
        try completeInteractively(workspace, marks: marks, shell: "fish --no-config", setup: "source '\(script)'; clear; echo ready-(math 1 + 1)", tabs: ["Tab"])
        #expect(self.marks(marks).isEmpty, "a name ran as code: \(self.marks(marks))")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh") && TmuxPane.isAvailable, "needs zsh (scripts/test installs it) and tmux"))
    func zshCompletionNeverRunsAWorkspacesNames() throws {
        let (workspace, marks) = try hostileWorkspace("completion-hostile-zsh")
        let functions = workspace.path("zfunc")
        try FileManager.default.createDirectory(atPath: functions, withIntermediateDirectories: true)
        try ProcessRunner.run(binary, ["--generate-completion-script", "zsh"]).stdout.write(toFile: functions + "/_sessions-hub", atomically: true, encoding: .utf8)
        try completeInteractively(workspace, marks: marks, shell: "zsh -f",
                                  setup: "PS1='zsh-ready%# '; fpath=('\(functions)' $fpath); autoload -U compinit; compinit -u; clear; echo ready-$((1+1))", tabs: ["Tab", "Tab"])
        #expect(self.marks(marks).isEmpty, "a name ran as code: \(self.marks(marks))")
    }
}
