/// The escape sequences that tell a person something outside the screen: the terminal title (OSC 2),
/// and desktop notifications as terminals understand them (OSC 9 for iTerm2, Windows Terminal,
/// kitty, foot; OSC 777 for rxvt, VTE/GNOME). Inside tmux they are wrapped for its passthrough.
/// All text is sanitised first: a note written by an agent must never carry an escape through.
public enum NotificationEscapes {
    public static func title(_ text: String) -> [UInt8] {
        Array(("\u{1B}]2;" + clean(text) + "\u{07}").utf8)
    }

    public static func desktop(title: String, body: String, insideTmux: Bool) -> [UInt8] {
        let osc9 = "\u{1B}]9;" + clean(title + ": " + body) + "\u{07}"
        let osc777 = "\u{1B}]777;notify;" + clean(title).replacingOccurrences(of: ";", with: ",") + ";" + clean(body) + "\u{07}"
        guard insideTmux else { return Array((osc9 + osc777).utf8) }
        return Array((passthrough(osc9) + passthrough(osc777)).utf8)
    }

    /// tmux's DCS passthrough: `ESC P tmux; <sequence with every ESC doubled> ESC \`.
    static func passthrough(_ sequence: String) -> String {
        "\u{1B}Ptmux;" + sequence.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
    }

    static func clean(_ text: String) -> String {
        String(TerminalText.sanitize(text).prefix(200))
    }
}
