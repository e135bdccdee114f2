import Foundation
import HubCore
import TOMLKit

/// Themes from TOML files (the repository's `Themes/*.toml` show the format):
///
/// ```toml
/// name = "solarized"
/// [styles]
/// text = { fg = "default" }
/// selection = { fg = 16, bg = "#2aa198", bold = true }
/// in_progress = { fg = "blue", bold = true }
/// ```
/// Colours: a name (`black`, `red`, ... `white`, `bright-black` ... `bright-white`, `default`), an index
/// 0–255, or `#rrggbb` (mapped to the nearest of the 256). Roles a file leaves out keep the default.
/// A theme is named by `--theme` or `[ui] theme` in the config: a file path, or a name looked up in
/// `$XDG_CONFIG_HOME/sessions-hub/themes/`, the workspace's `.coderef/themes/`, then the built-ins.
public enum ThemeLoader {
    static let builtIn: [String: Theme] = ["default": .default, "light": .light, "mono": Theme(name: "mono", styles: Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ($0, Theme.monochrome($0)) }))]
    /// The order `T` cycles through.
    public static let cycle = ["default", "light", "mono"]

    public enum Failure: Error, CustomStringConvertible {
        case notFound(String, searched: [String])
        case invalid(String, String)

        public var description: String {
            switch self {
            case .notFound(let name, let searched):
                return "no theme '\(name)' (built in: \(ThemeLoader.builtIn.keys.sorted().joined(separator: ", ")); looked in \(searched.joined(separator: ", ")))"
            case .invalid(let path, let why): return "theme \(path): \(why)"
            }
        }
    }

    public static func load(_ name: String, root: String?, environment: [String: String]) throws -> Theme {
        if name.contains("/") || name.hasSuffix(".toml") { return try parse(file: name) }
        var folders: [String] = []
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["HOME"].map { $0 + "/.config" }
        if let configHome { folders.append(configHome + "/sessions-hub/themes") }
        if let root { folders.append(root + "/.coderef/themes") }
        // The person's own files win; then the built-ins (no file read at start-up for them); then
        // the other themes shipped beside the program.
        func file(in folders: [String]) -> String? {
            folders.map { $0 + "/" + name + ".toml" }.first { FileManager.default.fileExists(atPath: $0) }
        }
        if let path = file(in: folders) { return try parse(file: path) }
        if let theme = builtIn[name] { return theme }
        let shipped = shippedFolders()
        if let path = file(in: shipped) { return try parse(file: path) }
        throw Failure.notFound(name, searched: folders + shipped)
    }

    /// The themes shipped with the program: `$PREFIX/share/sessions-hub/themes` beside an installed
    /// binary, or the package's `Themes/` above a binary in its build folder.
    static func shippedFolders() -> [String] {
        var folder = ExecutablePath.folder
        var found: [String] = []
        let installed = ((folder as NSString).deletingLastPathComponent as NSString).appendingPathComponent("share/sessions-hub/themes")
        if FileManager.default.fileExists(atPath: installed) { found.append(installed) }
        for _ in 0..<4 {
            folder = (folder as NSString).deletingLastPathComponent
            let themes = (folder as NSString).appendingPathComponent("Themes")
            if FileManager.default.fileExists(atPath: themes + "/default.toml") {
                found.append(themes)
                break
            }
        }
        return found
    }

    public static func parse(file path: String) throws -> Theme {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch { throw Failure.invalid(path, "cannot be read (\(error.localizedDescription))") }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Failure.invalid(path, "not valid TOML at line \(error.source.begin.line), column \(error.source.begin.column)")
        }
        var theme = Theme.default
        theme.name = table["name"]?.string ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard let styles = table["styles"]?.table else { throw Failure.invalid(path, "no [styles] table") }
        let roles = Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ($0.name, $0) })
        for key in styles.keys {
            guard let role = roles[key] else { throw Failure.invalid(path, "unknown style role '\(key)' (known: \(roles.keys.sorted().joined(separator: ", ")))") }
            guard let entry = styles[key]?.table else { throw Failure.invalid(path, "\(key) must be a table like { fg = \"red\", bold = true }") }
            var style = Theme.Style()
            if let fg = entry["fg"] { style.foreground = try color(fg, path: path, key: key + ".fg") }
            if let bg = entry["bg"] { style.background = try color(bg, path: path, key: key + ".bg") }
            style.bold = entry["bold"]?.bool ?? false
            style.dim = entry["dim"]?.bool ?? false
            style.reverse = entry["reverse"]?.bool ?? false
            style.underline = entry["underline"]?.bool ?? false
            theme.styles[role] = style
        }
        return theme
    }

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func color(_ value: TOMLValueConvertible, path: String, key: String) throws -> Theme.Color {
        if let index = value.int {
            guard (0...255).contains(index) else { throw Failure.invalid(path, "\(key): \(index) is not a colour index 0–255") }
            return .index(index)
        }
        guard let text = value.string?.lowercased() else { throw Failure.invalid(path, "\(key): expected a colour name, index or #rrggbb") }
        if text == "default" || text == "none" { return .default }
        if let index = names.firstIndex(of: text) { return .index(index) }
        if text.hasPrefix("bright-"), let index = names.firstIndex(of: String(text.dropFirst(7))) { return .index(index + 8) }
        if text.hasPrefix("#"), text.count == 7, let rgb = Int(text.dropFirst(), radix: 16) {
            return .index(nearest256(red: rgb >> 16 & 255, green: rgb >> 8 & 255, blue: rgb & 255))
        }
        throw Failure.invalid(path, "\(key): unknown colour '\(text)'")
    }

    /// The nearest xterm-256 colour (the 6×6×6 cube or the grey ramp).
    static func nearest256(red: Int, green: Int, blue: Int) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func cubeIndex(_ value: Int) -> Int { levels.enumerated().min { abs($0.element - value) < abs($1.element - value) }!.offset }
        let (r, g, b) = (cubeIndex(red), cubeIndex(green), cubeIndex(blue))
        let cube = 16 + 36 * r + 6 * g + b
        let cubeDistance = [(levels[r], red), (levels[g], green), (levels[b], blue)].reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let grey = max(0, min(23, ((red + green + blue) / 3 - 8) / 10))
        let greyLevel = 8 + 10 * grey
        let greyDistance = [red, green, blue].reduce(0) { $0 + ($1 - greyLevel) * ($1 - greyLevel) }
        return greyDistance < cubeDistance ? 232 + grey : cube
    }
}
