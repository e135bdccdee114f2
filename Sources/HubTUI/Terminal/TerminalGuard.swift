#if canImport(Glibc)
import Glibc
#endif

/// The parts of the terminal lifecycle that must work even when Swift code cannot run normally:
/// - a self-pipe that signal handlers write one byte to (SIGINT/TERM/HUP/WINCH become Actions in
///   the event loop; nothing else happens inside a handler);
/// - a crash handler (SIGSEGV/SIGBUS/SIGILL/SIGTRAP/SIGABRT/SIGFPE: a Swift trap) that restores
///   the saved termios, leaves the alternate screen, shows the cursor, then re-raises.
enum TerminalGuard {
    nonisolated(unsafe) static var pipeWrite: Int32 = -1
    nonisolated(unsafe) static var pipeRead: Int32 = -1
    nonisolated(unsafe) static var savedTermios = termios()
    nonisolated(unsafe) static var haveSavedTermios = false

    /// SIGQUIT too: left to its default it dumped core with the terminal raw on the alternate screen.
    static let forwarded: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH]
    static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// Saves the terminal's state and installs the handlers. Call before curses starts, so that
    /// curses leaves our handlers in place. Returns the pipe's read end for `poll`.
    static func install() -> Int32 {
        if tcgetattr(STDIN_FILENO, &savedTermios) == 0 { haveSavedTermios = true }
        if pipeRead < 0, let (read, write) = WakePipe.makeDescriptors() {
            pipeRead = read
            pipeWrite = write
        }
        for signal in forwarded { setHandler(signal, forwardSignal) }
        for signal in fatal { setHandler(signal, crashHandler) }
        // A parent may have left these blocked (processes inherit the mask): we need them.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signal in forwarded + fatal + [SIGTSTP, SIGCONT] { sigaddset(&wanted, signal) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        return pipeRead
    }

    /// Restores default handlers (after the screen is gone).
    static func uninstall() {
        for signal in forwarded + fatal { setHandler(signal, nil) }
    }

    /// Signals received since the last call, in order.
    static func drainSignals() -> [Int32] {
        guard pipeRead >= 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64)
        var signals: [Int32] = []
        while true {
            let count = read(pipeRead, &buffer, buffer.count)
            if count <= 0 { break }
            signals += buffer.prefix(count).map { Int32($0) }
        }
        return signals
    }

    /// Puts the terminal back as it was found: saved termios, main screen, visible cursor.
    /// Async-signal-safe (only tcsetattr and write).
    static func restoreTerminal() {
        if haveSavedTermios { tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
        let reset: StaticString = "\u{1B}[0m\u{1B}[?1049l\u{1B}[?25h\r\n"
        _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
    }

    private static func setHandler(_ signal: Int32, _ handler: (@convention(c) (Int32) -> Void)?) {
        var action = sigaction()
        if let handler {
            action.__sigaction_handler.sa_handler = handler
        } else {
            action.__sigaction_handler.sa_handler = SIG_DFL
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = signal == SIGWINCH ? SA_RESTART : 0
        sigaction(signal, &action, nil)
    }
}

/// Signal handler: one byte into the self-pipe. Nothing else is safe here.
private func forwardSignal(_ signal: Int32) {
    let saved = errno
    var byte = UInt8(truncatingIfNeeded: signal)
    if TerminalGuard.pipeWrite >= 0 { _ = write(TerminalGuard.pipeWrite, &byte, 1) }
    errno = saved
}

/// Crash handler: give the person their terminal back, then die as the signal intended.
private func crashHandler(_ signal: Int32) {
    TerminalGuard.restoreTerminal()
    var action = sigaction()
    action.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&action.sa_mask)
    sigaction(signal, &action, nil)
    raise(signal)
}
