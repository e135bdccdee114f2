import Foundation
import HubCore
#if canImport(Glibc)
import Glibc
#endif

/// The event loop: one thread, one `poll(2)` over the terminal, the signal self-pipe, the watcher
/// (inotify) and background work, with a timeout only as long as the next due timer (a coalesced
/// reload, a poller's next look, a message or highlight expiring, the minute at which age labels
/// change). Actions go through `Reducer.reduce`; effects are run here and their results come back as
/// actions. A frame is drawn only when the state changed.
public final class ScreenApp {
    let terminal: Terminal
    let live: LiveWorkspace
    let keymap: Keymap
    let signalDescriptor: Int32
    var state: AppState
    /// 128 + signal number when a signal ended the program, else 0.
    var exitStatus: Int32 = 0
    let background = BackgroundWork()
    /// How many times the loop woke up (the benchmark checks that idle means asleep).
    public private(set) var wakeups = 0
    let environment: [String: String]

    public init(terminal: Terminal, live: LiveWorkspace, context: AppContext? = nil, keymap: Keymap = .standard, signalDescriptor: Int32 = -1, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.terminal = terminal
        self.live = live
        self.keymap = keymap
        self.signalDescriptor = signalDescriptor
        self.environment = environment
        self.state = AppState(snapshot: live.current, size: terminal.size, now: Date(), glyphs: terminal.supportsUnicode ? .unicode : .ascii, context: context)
        _ = Reducer.reduce(&state, .resize(terminal.size))
        _ = Reducer.reduce(&state, .watching(live.summary))
    }

    /// Runs until quit; returns the exit status. The terminal is shut down on return.
    public func run() -> Int32 {
        defer { terminal.shutdown() }
        terminal.draw(Render.screen(state, keymap: keymap))
        if ProcessInfo.processInfo.environment["SESSIONS_HUB_TEST_TRAP"] == "1" { ScreenApp.trapForTesting() }
        var idleInputPolls = 0
        while true {
            var descriptors = [
                pollfd(fd: terminal.inputDescriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signalDescriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: background.readDescriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: live.fileDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds())
            wakeups += 1
            if ready < 0 && errno != EINTR { return 1 }

            var actions: [Action] = []
            if descriptors[2].revents & Int16(POLLIN) != 0 {
                for message in background.take() {
                    switch message {
                    case .action(let action): actions.append(action)
                    case .terminalBytes(let bytes): terminal.writeRaw(bytes)
                    }
                }
            }
            if descriptors[1].revents & Int16(POLLIN) != 0 {
                for signal in TerminalGuard.drainSignals() {
                    if signal == SIGWINCH {
                        actions.append(.resize(terminal.refreshSize()))
                    } else {
                        exitStatus = 128 + signal
                        actions.append(.terminate)
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
                    actions.append(.terminate)
                }
            }
            // The watcher: collects changes, and reloads once a burst has settled (or a poll is due).
            let (snapshot, notices) = live.update(now: Date())
            actions += notices.map(Action.notice)
            if let snapshot {
                actions.append(.snapshotLoaded(snapshot))
                actions.append(.watching(live.summary))
            }
            actions.append(.tick(Date()))

            let before = state
            var quit = false
            while !actions.isEmpty {
                let action = actions.removeFirst()
                for effect in Reducer.reduce(&state, action, keymap: keymap) {
                    switch effect {
                    case .quit: quit = true
                    case .reload: actions.append(.snapshotLoaded(live.reloadAll()))
                    case .bell: terminal.writeRaw([7])
                    case .archive(let plan):
                        do {
                            try Archiver.apply(plan)
                            actions.append(.archived(.success(plan.what)))
                        } catch {
                            actions.append(.archived(.failure(StartFailure("\(error)"))))
                        }
                    case .readFile(let path, let title): actions.append(.fileLoaded(title: title, text: ScreenApp.viewerText(path)))
                    case .startSession(let plan): startSession(plan)
                    case .copy(let request): copy(request)
                    }
                }
                if quit { break }
            }
            if quit { return exitStatus }
            if state != before { terminal.draw(Render.screen(state, keymap: keymap)) }
        }
    }

    /// A file for the viewer: at most 2 MB, invalid UTF-8 replaced; a failure becomes the text shown.
    static func viewerText(_ path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "(cannot be read: \(path))" }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 2 * 1024 * 1024)) ?? Data()
        let text = String(decoding: data, as: UTF8.self)
        return data.count == 2 * 1024 * 1024 ? text + "\n(… cut at 2 MB)" : text
    }

    /// Writes the session in the background; the result comes back as `.sessionStarted`.
    func startSession(_ plan: SessionPlan) {
        let root = state.context.layout.root
        background.run { work in
            do {
                try SessionWriter.apply(plan, root: root)
                work.post(.action(.sessionStarted(.success(plan.displayFolder))))
            } catch {
                work.post(.action(.sessionStarted(.failure(StartFailure("\(error)")))))
            }
        }
    }

    /// Copies in the background (a clipboard tool may hang: it has a deadline), records the hand-off.
    func copy(_ request: CopyRequest) {
        let root = state.context.layout.root
        let order = state.context.settings.clipboardOrder
        let environment = self.environment
        background.run { work in
            let result = Clipboard.copy(request.text, order: order, environment: environment) { bytes in
                work.post(.terminalBytes(bytes))
                return true
            }
            let now = Date()
            if case .success = result {
                try? HandoffLog.record(root: root, session: request.sessionPath, agents: request.agents, at: now)
            }
            work.post(.action(.copyFinished(request, result, at: now)))
        }
    }

    /// Until the next thing that changes the screen by itself: a message expiring, or the next
    /// minute (ages are shown in whole minutes at most that fine).
    func timeoutMilliseconds() -> Int32 {
        let now = Date()
        var next = 60 - now.timeIntervalSince1970.truncatingRemainder(dividingBy: 60)
        let deadlines = [state.message?.expires, state.flashes.values.min(), live.nextDeadline].compactMap { $0 }
        for deadline in deadlines { next = min(next, max(0, deadline.timeIntervalSince(now))) }
        return Int32(max(1, min(60_000, next * 1000 + 1)))
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
