/// Style roles → colours and attributes. The built-in default reads well on dark and light
/// backgrounds (text uses the terminal's own colours; accents avoid yellow-on-white).
public struct Theme: Equatable, Sendable {
    enum Color: Equatable, Sendable, Hashable {
        /// The terminal's own foreground or background.
        case `default`
        /// 0–7 standard, 8–15 bright, 16–255 the xterm cube and greys.
        case index(Int)

        static let black = Color.index(0), red = Color.index(1), green = Color.index(2), yellow = Color.index(3)
        static let blue = Color.index(4), magenta = Color.index(5), cyan = Color.index(6), white = Color.index(7)
        static let brightBlack = Color.index(8)

        /// The nearest of the 8 basic colours (by RGB distance), for terminals that have only those.
        var basic: Color {
            guard case .index(let n) = self else { return self }
            if n < 8 { return self }
            if n < 16 { return n == 8 ? .index(0) : .index(n - 8) }
            let rgb: (Int, Int, Int)
            if n >= 232 {
                let level = 8 + 10 * (n - 232)
                rgb = (level, level, level)
            } else {
                let levels = [0, 95, 135, 175, 215, 255]
                let cube = n - 16
                rgb = (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
            }
            let basics = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229)]
            let distances = basics.map { ($0.0 - rgb.0) * ($0.0 - rgb.0) + ($0.1 - rgb.1) * ($0.1 - rgb.1) + ($0.2 - rgb.2) * ($0.2 - rgb.2) }
            return .index(distances.indices.min { distances[$0] < distances[$1] }!)
        }
    }

    struct Style: Equatable, Sendable, Hashable {
        var foreground: Color
        public var background: Color
        var bold: Bool
        var dim: Bool
        var reverse: Bool
        var underline: Bool

        public init(_ foreground: Color = .default, on background: Color = .default, bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
            self.foreground = foreground
            self.background = background
            self.bold = bold
            self.dim = dim
            self.reverse = reverse
            self.underline = underline
        }
    }

    public var name: String
    var styles: [StyleRole: Style]

    func style(_ role: StyleRole) -> Style { styles[role] ?? Style() }

    /// How a role looks without colour (NO_COLOR, monochrome terminals): attributes only.
    static func monochrome(_ role: StyleRole) -> Style {
        switch role {
        case .selection, .statusBar, .statusBarAccent, .statusBarKey, .statusBarError, .overlayTitle: return Style(bold: role != .statusBar, reverse: true)
        case .selectionDim: return Style(underline: true)
        case .flash: return Style(bold: true, reverse: true)
        case .title, .header, .accent, .warning, .error, .key, .inProgress, .failed, .blocked: return Style(bold: true)
        case .muted, .border, .progressTodo, .complete: return Style(dim: true)
        default: return Style()
        }
    }

    /// For light backgrounds (`Themes/light.toml` is this theme written out; a test keeps them equal).
    public static let light = Theme(name: "light", styles: [
        .text: Style(),
        .muted: Style(.index(243)),
        .accent: Style(.index(25), bold: true),
        .title: Style(bold: true),
        .border: Style(.index(245)),
        .header: Style(.index(90), bold: true),
        .selection: Style(.index(16), on: .index(153)),
        .selectionDim: Style(bold: true, underline: true),
        .key: Style(.index(25), bold: true),
        .warning: Style(.index(130), bold: true),
        .error: Style(.index(160), bold: true),
        .statusBar: Style(.index(16), on: .index(252)),
        .statusBarAccent: Style(.index(231), on: .index(25)),
        .statusBarKey: Style(.index(25), on: .index(252), bold: true),
        .statusBarError: Style(.index(160), on: .index(252), bold: true),
        .overlay: Style(),
        .overlayTitle: Style(.index(231), on: .index(25)),
        .progressDone: Style(.index(28)),
        .progressTodo: Style(.index(250)),
        .flash: Style(.index(16), on: .index(222), bold: true),
        .notStarted: Style(),
        .inProgress: Style(.index(25), bold: true),
        .complete: Style(.index(28)),
        .blocked: Style(.index(130), bold: true),
        .failed: Style(.index(160), bold: true, underline: true),
        .other: Style(.index(90)),
    ])

    public static let `default` = Theme(name: "default", styles: [
        .text: Style(),
        .muted: Style(.brightBlack),
        .accent: Style(.cyan, bold: true),
        .title: Style(bold: true),
        .border: Style(.brightBlack),
        .header: Style(.magenta, bold: true),
        .selection: Style(.index(16), on: .cyan),
        .selectionDim: Style(bold: true, underline: true),
        .key: Style(.cyan, bold: true),
        .warning: Style(.index(208), bold: true),
        .error: Style(.red, bold: true),
        .statusBar: Style(.white, on: .index(236)),
        .statusBarAccent: Style(.index(16), on: .cyan),
        .statusBarKey: Style(.index(51), on: .index(236), bold: true),
        .statusBarError: Style(.index(203), on: .index(236), bold: true),
        .overlay: Style(),
        .overlayTitle: Style(.index(16), on: .cyan),
        .progressDone: Style(.green),
        .progressTodo: Style(.brightBlack),
        .flash: Style(.index(16), on: .index(220), bold: true),
        .notStarted: Style(),
        .inProgress: Style(.index(33), bold: true),
        .complete: Style(.green),
        .blocked: Style(.index(208), bold: true),
        .failed: Style(.red, bold: true),
        .other: Style(.magenta),
    ])
}
