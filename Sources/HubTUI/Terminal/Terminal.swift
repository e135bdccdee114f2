/// What the event loop needs from a terminal. Two implementations: `CursesTerminal` (the only
/// code that talks to curses) and `MemoryTerminal` for tests.
public protocol Terminal: AnyObject {
    var size: Size { get }
    /// Polled by the event loop for key presses.
    var inputDescriptor: Int32 { get }
    /// False when no UTF-8 locale could be set: the screen then draws in ASCII.
    var supportsUnicode: Bool { get }
    func draw(_ canvas: Canvas)
    /// Every key waiting, without blocking.
    func readKeys() -> [Key]
    /// Asks the system for the current size after SIGWINCH and tells curses about it.
    func refreshSize() -> Size
    /// Bytes for the terminal itself (an OSC 52 clipboard sequence), written between frames.
    func writeRaw(_ bytes: [UInt8])
    /// Leaves the screen as it was found; safe to call more than once.
    func shutdown()
    /// Hands the terminal to another program (an editor) and takes it back.
    func suspend()
    func resume()
    /// New colours for the same roles (`T`).
    func apply(_ theme: Theme)
}

extension Terminal {
    public func suspend() {}
    public func resume() {}
    public func apply(_ theme: Theme) {}
}

public enum TerminalError: Error, Equatable, CustomStringConvertible {
    case notATerminal
    case noTermVariable
    case unknownTerminal(String)
    case noCursorAddressing(String)
    case startFailed(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the screen needs a terminal (stdin and stdout must be a TTY); for text output use 'sessions-hub status'"
        case .noTermVariable:
            return "TERM is not set, so the terminal type is unknown; set it (for example TERM=xterm-256color) or use 'sessions-hub status'"
        case .unknownTerminal(let term):
            return "unknown terminal type '\(term)' (no terminfo entry); set TERM to one your system knows, such as xterm-256color"
        case .noCursorAddressing(let term):
            return "terminal type '\(term)' cannot move the cursor, so a full-screen view is impossible; use 'sessions-hub status'"
        case .startFailed(let why):
            return "could not start the screen: \(why)"
        }
    }
}
