import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// The event loop: one thread, one `poll(2)` over the terminal, the signal self-pipe and the
/// effect runner's results, with a timeout only as long as the next due timer (a message or
/// highlight expiring, the minute at which age labels change). Actions go through
/// `Reducer.reduce`; effects go to the `EffectRunner`, which runs them off this thread (the
/// workspace is loaded and reloaded on a thread of its own) and sends results back as actions.
/// Nothing here waits for the disk, so keys and signals are answered at once, even mid-reload.
/// A frame is drawn only when what it shows changed.
public final class ScreenApp {
    let terminal: Terminal
    let keymap: Keymap
    let signalDescriptor: Int32
    private(set) var state: AppState
    /// 128 + signal number when a signal ended the program, else 0.
    var exitStatus: Int32 = 0
    let runner: EffectRunner
    let environment: [String: String]
    /// How many times the loop woke up (the benchmark checks that idle means asleep).
    public private(set) var wakeups = 0
    /// How many frames were handed to the terminal.
    private(set) var framesDrawn = 0
    private var lastFrame: Canvas?
    private var idleInputPolls = 0
    private var started = false
    /// The remotes followed (each on its own thread; their states come back as actions).
    private let remotes: [RemoteFeed]
    private var finished = false
    /// The terminal's effects, then the rest off the loop: each effect goes to the first that takes it.
    private let terminalEffects: TerminalEffects
    private var handlers: [EffectHandler] { [terminalEffects, runner] }

    public init(terminal: Terminal, live: LiveWorkspace, context: AppContext? = nil, keymap: Keymap = .standard, signalDescriptor: Int32 = -1, environment: [String: String] = ProcessInfo.processInfo.environment,
                remotes: [RemoteFeed] = []) {
        self.remotes = remotes
        self.terminal = terminal
        self.keymap = keymap
        self.signalDescriptor = signalDescriptor
        let context = context ?? AppContext(layout: live.loader.layout)
        self.state = AppState(snapshot: live.current, size: terminal.size, now: Date(), glyphs: terminal.supportsUnicode ? .unicode : .ascii, context: context)
        self.runner = EffectRunner(live: live, context: context, environment: environment, remotes: remotes)
        self.terminalEffects = TerminalEffects(terminal: terminal, environment: environment)
        self.environment = environment
        state.loading = !live.hasLoaded
        _ = Reducer.reduce(&state, .resize(terminal.size))
        if live.hasLoaded { _ = Reducer.reduce(&state, .watching(live.summary)) }
        if let greeting = context.greeting { state.message = StatusMessage(text: greeting, isError: false, expires: Date().addingTimeInterval(60)) }
    }

    /// Runs until quit; returns the exit status. The terminal is shut down on return.
    public func run() -> Int32 {
        defer { terminal.shutdown() }
        if ProcessInfo.processInfo.environment["SESSIONS_HUB_TEST_TRAP"] == "1" {
            drawIfChanged()
            ScreenApp.trapForTesting()
        }
        while true {
            if let status = step() { return status }
        }
    }

    /// One turn of the loop: wait (at most `timeout` ms, else until the next timer), handle what
    /// arrived, draw if the screen changed. Returns the exit status once the program should end.
    /// Tests drive the loop with it directly.
    public func step(timeout: Int32? = nil) -> Int32? {
        if finished { return exitStatus }
        if !started {
            started = true
            drawIfChanged()
            runner.start()
            let results = runner.results
            for feed in remotes { feed.start { view in results.post(.action(.remoteChanged(view))) } }
        }
        var descriptors = [
            pollfd(fd: terminal.inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signalDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: runner.results.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&descriptors, nfds_t(descriptors.count), timeout.map { min($0, timeoutMilliseconds()) } ?? timeoutMilliseconds())
        wakeups += 1
        if ready < 0 && errno != EINTR { return finish(1) }

        var actions: [Action] = [.tick(Date())]
        if descriptors[1].revents & Int16(POLLIN) != 0 {
            for signal in TerminalGuard.drainSignals() {
                if signal == SIGWINCH {
                    actions.append(.resize(terminal.refreshSize()))
                } else {
                    exitStatus = 128 + signal
                    return finish(exitStatus)
                }
            }
        }
        let input = descriptors[0].revents
        if input & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
            let keys = terminal.readKeys()
            actions += keys.map(Action.key)
            // stdin at EOF keeps polling readable while no key ever comes: that is a hang-up.
            idleInputPolls = keys.isEmpty ? idleInputPolls + 1 : 0
            if input & Int16(POLLHUP | POLLERR) != 0 || (idleInputPolls > 3 && bytesWaiting() == 0) {
                exitStatus = 128 + SIGHUP
                return finish(exitStatus)
            }
        }
        if descriptors[2].revents & Int16(POLLIN) != 0 {
            for message in runner.results.take() {
                switch message {
                case .action(let action): actions.append(action)
                case .terminalBytes(let bytes): terminal.writeRaw(bytes)
                }
            }
        }

        for action in actions {
            for effect in Trace.timed("reduce \(action.traceName)", { Reducer.reduce(&state, action, keymap: keymap) }) {
                switch effect {
                case .quit: return finish(exitStatus)
                // The editor takes the terminal from the loop and gives it back: the loop's own.
                case .edit(let path): openEditor(path)
                default:
                    _ = handlers.first { $0.handle(effect) }
                    if terminalEffects.redrawNeeded {
                        terminalEffects.redrawNeeded = false
                        lastFrame = nil
                    }
                }
            }
        }
        drawIfChanged()
        return nil
    }

    /// `e`: the screen steps aside for $VISUAL/$EDITOR (run through the shell, as git does, with the
    /// file as its argument, never inside the script) and comes back when it exits. Ctrl-C typed in
    /// the editor is the editor's, not a reason to quit.
    private func openEditor(_ path: String) {
        let editor = environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        terminal.suspend()
        var status: Int32?
        var failure: String?
        do {
            status = try Subprocess.run("/bin/sh", ["-c", editor + " \"$1\"", "sessions-hub-editor", path], environment: environment, inheritTerminal: true, timeout: 24 * 3600)
        } catch {
            failure = error.description
        }
        terminal.resume()
        for signal in TerminalGuard.drainSignals() where signal == SIGTERM || signal == SIGHUP {
            exitStatus = 128 + signal
        }
        lastFrame = nil
        if let failure {
            _ = Reducer.reduce(&state, .notice("the editor '\(TerminalText.sanitize(editor))': \(TerminalText.sanitize(failure))"), keymap: keymap)
        } else if status == 127 {
            _ = Reducer.reduce(&state, .notice("could not start the editor '\(TerminalText.sanitize(editor))' (set VISUAL or EDITOR)"), keymap: keymap)
        }
    }

    /// True when nothing is running or waiting to be read: no effect in flight, no reload pending,
    /// no result waiting for the loop (tests run the loop until this holds).
    public var isIdle: Bool { runner.isIdle }

    private func finish(_ status: Int32) -> Int32 {
        terminalEffects.restoreTitle()
        finished = true
        exitStatus = status
        runner.stop()
        for feed in remotes { feed.stop() }
        return status
    }

    /// Renders the state; hands the frame to the terminal only when it differs from the last one
    /// (the minute tick, say, changes nothing unless an age label moves).
    private func drawIfChanged() {
        let frame = Trace.timed("render") { Render.screen(state, keymap: keymap) }
        guard frame != lastFrame else { return }
        lastFrame = frame
        framesDrawn += 1
        terminal.draw(frame)
    }

    /// Until the next thing that changes the screen by itself: a message expiring, or the next
    /// minute (ages are shown in whole minutes at most that fine).
    func timeoutMilliseconds() -> Int32 {
        let now = Date()
        // The next whole minute (ages move), or sooner for a message, a highlight or a held order.
        let minute = now.addingTimeInterval(60 - now.timeIntervalSince1970.truncatingRemainder(dividingBy: 60))
        let deadlines = [minute, state.message?.expires, state.flashes.values.min(), state.newOrderWaits ? state.orderHeldUntil : nil].compactMap { $0 }
        return PollTimeout.milliseconds(until: deadlines.min(), now: now, minimum: 1)
    }

    /// A real Swift runtime trap (index out of range), so tests can check that a crash gives the
    /// terminal back (TerminalGuard's crash handler). Reached only with SESSIONS_HUB_TEST_TRAP=1.
    static func trapForTesting() {
        let empty: [Int] = []
        let index = Int(ProcessInfo.processInfo.environment["SESSIONS_HUB_TEST_TRAP"] ?? "1") ?? 1
        print(empty[index])
    }

    private func bytesWaiting() -> Int32 {
        var count: Int32 = 0
        return ioctl(terminal.inputDescriptor, UInt(FIONREAD), &count) == 0 ? count : 0
    }
}
