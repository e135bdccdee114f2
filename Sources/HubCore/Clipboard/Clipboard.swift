/// Puts text on the clipboard of the person at the keyboard, wherever they are: inside tmux through
/// `tmux load-buffer -w -` (tmux's default `set-clipboard external` ignores an application's own
/// OSC 52, PLATFORM.md); otherwise OSC 52 to the terminal (wrapped for GNU screen), which travels
/// over SSH; then desktop tools. The order is configurable; unavailable methods are skipped.
public enum Clipboard {
    /// OSC 52 payloads above this are dropped silently by many terminals: refuse instead.
    public static let osc52Limit = 100_000
    /// tmux forwarded 500 KB and silently dropped 1.1 MB here (PLATFORM.md).
    public static let tmuxLimit = 500_000
    public static let toolLimit = 10_000_000

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case tooLarge(bytes: Int, limit: Int, method: ClipboardMethod)
        case nothingWorked([String])

        public var description: String {
            switch self {
            case .tooLarge(let bytes, let limit, let method):
                return "not copied: \(bytes / 1024) KB is more than \(method.label) carries (\(limit / 1024) KB)"
            case .nothingWorked(let tried):
                return tried.isEmpty ? "not copied: no clipboard method is available here" : "not copied: " + tried.joined(separator: "; ")
            }
        }
    }

    /// `ESC ] 52 ; c ; <base64> BEL`, or inside GNU screen its DCS passthrough form.
    public static func osc52(_ text: String, insideScreen: Bool) -> [UInt8] {
        let sequence = "\u{1B}]52;c;" + Base64.encode(Array(text.utf8)) + "\u{07}"
        return Array((insideScreen ? "\u{1B}P" + sequence + "\u{1B}\\" : sequence).utf8)
    }

    /// Whether `method` can be tried here: tmux inside tmux, OSC 52 with a terminal, a desktop tool
    /// installed with its display (Wayland for wl-copy, X for xclip and xsel). `copy` and `doctor`
    /// both ask this, so what doctor says is the route `y` takes.
    public static func available(_ method: ClipboardMethod, environment: [String: String], hasTerminal: Bool) -> Bool {
        switch method {
        case .tmux: return !(environment["TMUX"] ?? "").isEmpty && ToolRunner.which("tmux", environment: environment) != nil
        case .osc52: return hasTerminal
        case .wlCopy: return !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty && ToolRunner.which(method.rawValue, environment: environment) != nil
        case .xclip, .xsel: return !(environment["DISPLAY"] ?? "").isEmpty && ToolRunner.which(method.rawValue, environment: environment) != nil
        case .pbcopy: return ToolRunner.which(method.rawValue, environment: environment) != nil
        }
    }

    /// The methods `copy` would try here, in the configured order.
    public static func route(order: [ClipboardMethod], environment: [String: String], hasTerminal: Bool) -> [ClipboardMethod] {
        order.filter { available($0, environment: environment, hasTerminal: hasTerminal) }
    }

    /// Tries the methods in order. `writeToTerminal` sends OSC 52 bytes (nil: no terminal to write to).
    /// OSC 52 cannot be confirmed (a terminal that ignores it says nothing), so after sending it a
    /// desktop tool is still tried when one is there; the result names the surest method that worked.
    public static func copy(_ text: String, order: [ClipboardMethod], environment: [String: String], writeToTerminal: (([UInt8]) -> Bool)?) -> Result<ClipboardMethod, Failure> {
        let bytes = Array(text.utf8)
        var sentOSC52 = false
        var tried: [String] = []
        var tooLarge: Failure?
        for method in order {
            switch method {
            case .tmux:
                guard available(method, environment: environment, hasTerminal: writeToTerminal != nil), let tmux = ToolRunner.which("tmux", environment: environment) else { continue }
                guard bytes.count <= tmuxLimit else { tooLarge = tooLarge ?? .tooLarge(bytes: bytes.count, limit: tmuxLimit, method: method); continue }
                do {
                    try ToolRunner.run(tmux, ["load-buffer", "-w", "-"], input: bytes, environment: environment)
                    return .success(method)
                } catch { tried.append("\(error)") }
            case .osc52:
                guard let writeToTerminal else { continue }
                let payload = osc52(text, insideScreen: !(environment["STY"] ?? "").isEmpty)
                guard payload.count <= osc52Limit else { tooLarge = tooLarge ?? .tooLarge(bytes: bytes.count, limit: osc52Limit * 3 / 4, method: method); continue }
                if writeToTerminal(payload) {
                    sentOSC52 = true
                    continue
                }
                tried.append("the terminal could not be written to")
            case .wlCopy, .xclip, .xsel, .pbcopy:
                guard available(method, environment: environment, hasTerminal: writeToTerminal != nil), let tool = ToolRunner.which(method.rawValue, environment: environment) else { continue }
                guard bytes.count <= toolLimit else { tooLarge = tooLarge ?? .tooLarge(bytes: bytes.count, limit: toolLimit, method: method); continue }
                let arguments: [String] = method == .xclip ? ["-selection", "clipboard"] : (method == .xsel ? ["--clipboard", "--input"] : [])
                do {
                    try ToolRunner.run(tool, arguments, input: bytes, environment: environment)
                    return .success(method)
                } catch { tried.append("\(error)") }
            }
        }
        if sentOSC52 { return .success(.osc52) }
        return .failure(tooLarge ?? .nothingWorked(tried))
    }
}

extension ClipboardMethod {
    /// What a person is told after a copy, worded by what is known: tmux and the desktop tools
    /// confirm; OSC 52 is only sent, and the terminal decides.
    public var outcome: String {
        switch self {
        case .tmux: return "copied into tmux's buffer (and the terminal's clipboard when tmux forwards it)"
        case .osc52: return "sent to the terminal as OSC 52 (it reaches the clipboard if the terminal allows it; sessions-hub doctor explains)"
        default: return "copied with \(label)"
        }
    }

    /// How the status bar names the method ("OSC 52 via tmux").
    public var label: String {
        switch self {
        case .tmux: return "tmux (load-buffer -w)"
        case .osc52: return "OSC 52"
        case .wlCopy: return "wl-copy"
        case .xclip: return "xclip"
        case .xsel: return "xsel"
        case .pbcopy: return "pbcopy"
        }
    }
}

/// Standard base64 (RFC 4648, with padding), without Foundation.
public enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 2 < bytes.count {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] { out.append(alphabet[Int(chunk >> UInt32(shift) & 63)]) }
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            let chunk = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
            out.append(alphabet[Int(chunk >> 18 & 63)])
            out.append(alphabet[Int(chunk >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(chunk >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
