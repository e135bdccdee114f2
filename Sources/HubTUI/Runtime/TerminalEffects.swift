import Foundation
import HubCore

/// Where an effect is carried out. The loop hands each effect to its handlers in turn, the first
/// that takes it runs it: the terminal's own (`TerminalEffects`, on the loop's thread, since only it
/// writes to the terminal) and everything else off the loop (`EffectRunner`).
protocol EffectHandler: AnyObject {
    /// True when this handler took the effect.
    func handle(_ effect: Effect) -> Bool
}

/// The effects that are bytes to the person's terminal: the bell, a desktop notification, the
/// window title (the terminal's own title pushed first and put back on exit), a theme switch.
final class TerminalEffects: EffectHandler {
    private let terminal: Terminal
    private let insideTmux: Bool
    private var titleSet = false
    /// Set when a theme changed the colours: the next frame is drawn whole.
    var redrawNeeded = false

    init(terminal: Terminal, environment: [String: String]) {
        self.terminal = terminal
        self.insideTmux = environment["TMUX"] != nil
    }

    func handle(_ effect: Effect) -> Bool {
        switch effect {
        case .bell:
            terminal.writeRaw([7])
        case .setTheme(let name):
            if let theme = ThemeLoader.builtIn[name] { terminal.apply(theme) }
            redrawNeeded = true
        case .notify(let title, let body):
            terminal.writeRaw(NotificationEscapes.desktop(title: title, body: body, insideTmux: insideTmux))
        case .setTitle(let title):
            // Push the terminal's own title once, so it comes back when the hub ends.
            if !titleSet { terminal.writeRaw(Array("\u{1B}[22;0t".utf8)) }
            titleSet = true
            terminal.writeRaw(NotificationEscapes.title(title))
        default:
            return false
        }
        return true
    }

    /// The terminal's own title back, when the hub set one.
    func restoreTitle() {
        if titleSet { terminal.writeRaw(Array("\u{1B}[23;0t".utf8)) }
    }
}

extension EffectRunner: EffectHandler {
    func handle(_ effect: Effect) -> Bool {
        switch effect {
        case .quit, .edit, .bell, .notify, .setTitle, .setTheme: return false
        default:
            run(effect)
            return true
        }
    }
}
