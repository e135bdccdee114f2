import Foundation
import HubCore
import HubTestSupport
import Testing
@testable import HubTUI

@Suite struct ThemeTests {
    static let themes = TestPaths.packageRoot + "/Themes"

    @Test func theDefaultThemeFileIsTheBuiltInTheme() throws {
        let file = try ThemeLoader.parse(file: Self.themes + "/default.toml")
        for role in StyleRole.allCases {
            #expect(file.style(role) == Theme.default.style(role), "\(role.name)")
        }
    }

    @Test func theLightThemeFileIsTheBuiltInLightTheme() throws {
        let file = try ThemeLoader.parse(file: Self.themes + "/light.toml")
        for role in StyleRole.allCases {
            #expect(file.style(role) == Theme.light.style(role), "\(role.name)")
        }
        // Failed and blocked differ by more than a shade (and failed is underlined).
        #expect(Theme.light.style(.failed) != Theme.light.style(.blocked))
        #expect(try ThemeLoader.load("light", root: nil, environment: [:]).name == "light", "found by name")
    }

    @Test func capitalTCyclesThroughTheBuiltInThemes() throws {
        let (_, snapshot) = try Fixtures.demo()
        var state = Fixtures.state(snapshot)
        #expect(Reducer.reduce(&state, .key(.character("T"))).contains(.setTheme("light")))
        #expect(state.message?.text.contains("light") == true)
        #expect(Reducer.reduce(&state, .key(.character("T"))).contains(.setTheme("mono")))
        #expect(Reducer.reduce(&state, .key(.character("T"))).contains(.setTheme("default")))
    }

    @Test func everyShippedThemeParses() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.themes) where name.hasSuffix(".toml") {
            #expect(throws: Never.self) { try ThemeLoader.parse(file: Self.themes + "/" + name) }
        }
    }

    @Test func colorsByNameIndexAndHex() throws {
        let theme = try ThemeLoader.parse("""
        [styles]
        accent = { fg = "bright-red", bg = 17, bold = true }
        muted = { fg = "#ffffff" }
        text = { fg = "#000000" }
        complete = { fg = "#5f8700" }
        """, path: "t.toml")
        #expect(theme.style(.accent) == Theme.Style(.index(9), on: .index(17), bold: true))
        #expect(theme.style(.muted).foreground == .index(231))
        #expect(theme.style(.text).foreground == .index(16))
        #expect(theme.style(.complete).foreground == .index(64))
        #expect(theme.style(.header) == Theme.default.style(.header), "roles left out keep the default")
    }

    @Test func mistakesAreExplained() {
        #expect(throws: ThemeLoader.Failure.self) { try ThemeLoader.parse("[styles]\nnot_a_role = { fg = 1 }", path: "t.toml") }
        #expect(throws: ThemeLoader.Failure.self) { try ThemeLoader.parse("[styles]\ntext = { fg = 300 }", path: "t.toml") }
        #expect(throws: ThemeLoader.Failure.self) { try ThemeLoader.parse("[styles\n", path: "t.toml") }
        #expect(throws: ThemeLoader.Failure.self) { try ThemeLoader.load("no-such-theme", root: nil, environment: [:]) }
        #expect((try? ThemeLoader.load("mono", root: nil, environment: [:]))?.name == "mono")
    }

    @Test func eightColourFallbackIsNearest() {
        #expect(Theme.Color.index(9).basic == .index(1))
        #expect(Theme.Color.index(21).basic == .index(4))
        #expect(Theme.Color.index(33).basic == .index(6), "azure is nearer cyan than blue")
        #expect(Theme.Color.index(208).basic == .index(3))
        #expect(Theme.Color.index(236).basic == .index(0))
        #expect(Theme.Color.default.basic == .default)
    }
}

/// `[keys]` in the config rebinds actions; conflicts are said with the file and the key.
@Suite struct KeymapOverrideTests {
    @Test func rebindsAndReportsConflicts() throws {
        let (keymap, problems) = Keymap.standard.applying(["help": ["f1", "?"], "quit": ["ctrl-q"], "copy": ["j"], "nothing": ["x"], "filter": ["ctrl-"]], source: "/ws/.coderef/hub.toml")
        #expect(keymap.command(for: .function(1)) == .help)
        #expect(keymap.command(for: .control("q")) == .quit)
        #expect(keymap.command(for: .character("q")) == nil, "quit's default keys are replaced")
        #expect(keymap.command(for: .character("y")) == .yank, "a conflicting binding keeps its defaults")
        #expect(keymap.command(for: .character("j")) == .moveDown)
        #expect(problems.contains("/ws/.coderef/hub.toml: [keys] copy: 'j' is already the key of move_down; ignored"))
        #expect(problems.contains { $0.contains("nothing: no such action") })
        #expect(problems.contains { $0.contains("'ctrl-' is not a key") })
        #expect(Overlays.helpLines(keymap).contains { $0.first?.0.hasPrefix("F1 ?") == true }, "help follows the keymap")
    }

    /// Overrides reach dialogs, the picker and the viewer: their keys, their footers, `?`.
    @Test func overridesReachEveryScope() throws {
        let (keymap, problems) = Keymap.standard.applying(["confirm": ["o", "enter"], "search": ["f"], "cancel": ["x"]], source: nil)
        #expect(problems.isEmpty, "x is dismiss in the list but free in a dialog: \(problems)")
        #expect(keymap.command(for: .character("o"), in: .dialog) == .confirm && keymap.command(for: .character("o"), in: .picker) == .confirm)
        #expect(keymap.command(for: .character("y"), in: .dialog) == nil || keymap.command(for: .character("y"), in: .dialog) == .yank,
                "y no longer confirms; in a dialog it falls back to the list")
        #expect(keymap.command(for: .character("x"), in: .dialog) == .cancel && keymap.command(for: .character("x")) == .dismiss)
        #expect(keymap.command(for: .character("f"), in: .viewer) == .search && keymap.command(for: .character("/"), in: .viewer) == .filter)
        #expect(Confirmation(.character("o"), keymap: keymap) == .yes && Confirmation(.character("y"), keymap: keymap) == .neither)
        #expect(Confirmation.footer("archive", keymap: keymap) == "o/Enter archive   x cancel")
        #expect(Confirmation.footer("archive", keymap: keymap, defaultsToNo: true) == "o archive   Enter/x cancel")
        #expect(Overlays.helpLines(keymap).contains { $0.first?.0 == KeyScope.viewer.title })
    }

    @Test func theConfigFileCarriesTheKeys() throws {
        let workspace = try TemporaryWorkspace("keys-config")
        _ = try workspace.write(".coderef/hub.toml", "[keys]\nhelp = [\"f1\"]\nquit = \"ctrl-q\"\n")
        let (settings, problems) = ConfigLoader.load(root: workspace.root, environment: [:])
        #expect(problems.isEmpty)
        #expect(settings.keyOverrides == ["help": ["f1"], "quit": ["ctrl-q"]])
        #expect(settings.keyOverridesSource == workspace.path(".coderef/hub.toml"))
    }
}

/// The terminal's own effects, run by the loop's handler: bytes to the person's terminal.
@Suite struct TerminalEffectsTests {
    @Test func theTitleIsPushedOnceAndPutBackTheBellRingsTheRestIsNotItsOwn() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        let effects = TerminalEffects(terminal: terminal, environment: [:])
        #expect(effects.handle(.setTitle("sessions-hub · 2 need you")) && effects.handle(.setTitle("sessions-hub · nothing needs you")))
        #expect(effects.handle(.bell))
        #expect(!effects.handle(.reload) && !effects.handle(.edit(path: "/x")), "not the terminal's: the runner's, or the loop's own")
        effects.restoreTitle()
        let text = String(decoding: terminal.rawOutput, as: UTF8.self)
        #expect(text.components(separatedBy: "\u{1B}[22;0t").count == 2, "the person's title pushed once")
        #expect(text.contains("nothing needs you") && text.contains("\u{07}") && text.hasSuffix("\u{1B}[23;0t"))
        #expect(effects.handle(.setTheme("light")) && effects.redrawNeeded)
    }
}
