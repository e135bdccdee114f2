@preconcurrency import CNcursesw
import HubCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The real terminal, through ncursesw: the only file that calls curses. It starts with checks
/// that fail cleanly (no TTY, no TERM, unknown or cursor-less terminal) before anything is drawn,
/// uses the wide-character API, maps style roles to colour pairs and attributes (8-colour
/// fallback, NO_COLOR), and restores the terminal on every exit path.
final class CursesTerminal: Terminal {
    let supportsUnicode: Bool
    var inputDescriptor: Int32 { STDIN_FILENO }
    private var screen: OpaquePointer?
    private var attributes: [StyleRole: (attr: attr_t, pair: Int16)] = [:]
    private var isShutDown = false

    /// Checks that the screen can start here, without drawing anything: a TTY on both ends, a TERM
    /// the system knows, and cursor addressing (newterm succeeds for TERM=dumb and draws garbage).
    static func preflight(environment: [String: String]) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        guard let term = environment["TERM"], !term.isEmpty else { throw .noTermVariable }
        var status: Int32 = 0
        guard setupterm(term, STDOUT_FILENO, &status) == OK else { throw .unknownTerminal(term) }
        let cup = tigetstr("cup")
        let hasCursorAddressing = cup != nil && Int(bitPattern: cup) != -1
        del_curterm(cur_term)
        guard hasCursorAddressing else { throw .noCursorAddressing(term) }
    }

    /// `ascii`: borders, glyphs and bars in plain ASCII (`--ascii`); also chosen when the person's
    /// locale says it is not UTF-8 (`LANG=C`, `LC_ALL=POSIX`, a Latin-1 locale).
    private var noColor = false

    init(theme: Theme, environment: [String: String], ascii: Bool = false) throws(TerminalError) {
        try CursesTerminal.preflight(environment: environment)
        let term = environment["TERM"] ?? ""
        let utf8 = CursesTerminal.setUTF8Locale()
        supportsUnicode = utf8 && !ascii && CursesTerminal.localeAllowsUTF8(environment)

        _ = TerminalGuard.install()
        guard let screen = newterm(term, stdout, stdin) else {
            TerminalGuard.uninstall()
            throw .startFailed("newterm failed for TERM=\(term)")
        }
        self.screen = screen
        cbreak()
        noecho()
        nonl()
        keypad(stdscr, true)
        nodelay(stdscr, true)
        set_escdelay(25)
        curs_set(0)
        leaveok(stdscr, true)
        if (environment["SESSIONS_HUB_MOUSE"] ?? "1") != "0" {
            mousemask(shim_mouse_mask(), nil)
            mouseinterval(0)
        }
        noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        setUpColors(theme, noColor: noColor)
    }

    deinit { shutdown() }

    /// `setlocale(LC_ALL, "")`, falling back to C.UTF-8 (often the only UTF-8 locale installed).
    /// False when the locale the person set names an encoding other than UTF-8 (`C`, `POSIX`,
    /// `en_US.ISO-8859-1`): their terminal may not draw UTF-8. Unset means no opinion.
    static func localeAllowsUTF8(_ environment: [String: String]) -> Bool { LocaleRule.allowsUTF8(environment) }

    static func setUTF8Locale() -> Bool {
        func isUTF8() -> Bool {
            guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
            let name = String(cString: codeset).uppercased()
            return name == "UTF-8" || name == "UTF8"
        }
        if setlocale(LC_ALL, "") != nil, isUTF8() { return true }
        if setlocale(LC_CTYPE, "C.UTF-8") != nil, isUTF8() { return true }
        if setlocale(LC_CTYPE, "en_US.UTF-8") != nil, isUTF8() { return true }
        return false
    }

    private func setUpColors(_ theme: Theme, noColor: Bool) {
        let useColor = !noColor && has_colors()
        if useColor {
            start_color()
            use_default_colors()
        }
        let colorCount = useColor ? Int(COLORS) : 0
        func curses(_ color: Theme.Color) -> Int16 {
            guard case .index(let n) = color else { return -1 }
            if n < colorCount { return Int16(n) }
            if colorCount >= 16, case .index(let basic) = color.basic { return Int16(basic) }
            if case .index(let basic) = color.basic { return Int16(basic) }
            return -1
        }
        for (index, role) in StyleRole.allCases.enumerated() {
            let style = useColor ? theme.style(role) : Theme.monochrome(role)
            var attr: attr_t = 0
            if style.bold { attr |= shim_a_bold() }
            if style.dim { attr |= shim_a_dim() }
            if style.reverse { attr |= shim_a_reverse() }
            if style.underline { attr |= shim_a_underline() }
            var pair: Int16 = 0
            if useColor && (style.foreground != .default || style.background != .default) {
                pair = Int16(index + 1)
                init_pair(pair, curses(style.foreground), curses(style.background))
            }
            attributes[role] = (attr, pair)
        }
    }

    var size: Size { Size(width: Int(getmaxx(stdscr)), height: Int(getmaxy(stdscr))) }

    func refreshSize() -> Size {
        var window = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 {
            resizeterm(Int32(window.ws_row), Int32(window.ws_col))
        }
        return size
    }

    func draw(_ canvas: Canvas) {
        guard !isShutDown else { return }
        erase()
        var cell = cchar_t()
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let item = canvas[x, y]
                if item.isContinuation { continue }
                let style = attributes[item.role] ?? (0, 0)
                var characters: [wchar_t] = supportsUnicode
                    ? item.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                    : item.text.unicodeScalars.map { $0.isASCII ? wchar_t(bitPattern: $0.value) : wchar_t(63) }
                if characters.isEmpty { characters = [32] }
                characters.append(0)
                setcchar(&cell, characters, style.attr, style.pair, nil)
                mvadd_wch(Int32(y), Int32(x), &cell)
            }
        }
        refresh()
    }

    func apply(_ theme: Theme) {
        guard !isShutDown else { return }
        setUpColors(theme, noColor: noColor)
    }

    func suspend() {
        guard !isShutDown else { return }
        def_prog_mode()
        endwin()
    }

    func resume() {
        guard !isShutDown else { return }
        reset_prog_mode()
        clearok(stdscr, true)
        refresh()
    }

    func writeRaw(_ bytes: [UInt8]) {
        guard !isShutDown else { return }
        WriteAll.write(STDOUT_FILENO, bytes)
    }

    func readKeys() -> [Key] {
        var keys: [Key] = []
        var character: wint_t = 0
        while true {
            let result = wget_wch(stdscr, &character)
            if result == ERR { break }
            if result == KEY_CODE_YES && Int32(character) == KEY_MOUSE {
                var event = MEVENT()
                if getmouse(&event) == OK {
                    let (x, y) = (Int(event.x), Int(event.y))
                    switch shim_mouse_kind(event.bstate) {
                    case 1: keys.append(.wheelUp(x: x, y: y))
                    case 2: keys.append(.wheelDown(x: x, y: y))
                    case 3: keys.append(.click(x: x, y: y))
                    default: break
                    }
                }
            } else if result == KEY_CODE_YES {
                if let key = CursesTerminal.special(Int32(character)) { keys.append(key) }
            } else if let key = CursesTerminal.character(UInt32(character)) {
                keys.append(key)
            }
        }
        return keys
    }

    static func special(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        default:
            for n in 1...12 where code == shim_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        TerminalGuard.uninstall()
    }
}
