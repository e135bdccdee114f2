import Foundation

/// The tmux command line, run without a shell (through `Subprocess`), with its output read back.
/// Inside tmux `$TMUX` names the server; `socket` (`-L NAME`) picks another one.
public struct TmuxClient: Sendable {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public let executable: String
    public let environment: [String: String]
    public let socket: String?

    public init?(environment: [String: String], socket: String? = nil) {
        guard let tmux = ToolRunner.which("tmux", environment: environment) else { return nil }
        executable = tmux
        self.environment = environment
        self.socket = socket
    }

    /// Runs `tmux <arguments>`; its stdout, or a Failure with what tmux said on stderr.
    @discardableResult
    /// Outside tmux, dispatch opens its windows in a named session: started detached (in `folder`)
    /// when it does not exist yet. Returns true when it was started now.
    public func ensureDetachedSession(_ name: String, folder: String) throws(Failure) -> Bool {
        if (try? run(["has-session", "-t", "=" + name])) != nil { return false }
        _ = try run(["new-session", "-d", "-s", name, "-c", HostileNames.tmuxLiteral(folder)])
        return true
    }

    public func run(_ arguments: [String], input: [UInt8]? = nil, timeout: TimeInterval = 5) throws(Failure) -> String {
        let full = (socket.map { ["-L", $0] } ?? []) + arguments
        let result: Subprocess.Captured
        do {
            result = try Subprocess.capture(executable, full, environment: environment, input: input, timeout: timeout)
        } catch {
            throw Failure(message: "tmux: \(error)")
        }
        guard result.status == 0 else {
            let said = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(message: "tmux \(arguments.first ?? ""): " + (said.isEmpty ? "exit \(result.status)" : TerminalText.sanitize(said)))
        }
        return String(decoding: result.stdout, as: UTF8.self)
    }

    /// True when the pane (`%12`) still exists.
    public func paneIsOpen(_ pane: String) -> Bool {
        ((try? run(["display-message", "-p", "-t", pane, "#{pane_id}"])) ?? "").hasPrefix(pane)
    }

    /// The pane's last `lines` lines, control characters removed (for the agent detail).
    public func lastLines(_ pane: String, lines: Int) -> [String]? {
        guard let text = try? run(["capture-pane", "-p", "-J", "-t", pane, "-S", "-\(lines)"]) else { return nil }
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.sanitize(String($0)) }
        while result.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { result.removeLast() }
        return Array(result.suffix(lines))
    }

    /// What the pane shows, and where its cursor is: two captures differ when anything moved.
    public func look(_ pane: String) throws(Failure) -> String {
        let text = try run(["capture-pane", "-p", "-J", "-t", pane])
        let cursor = try run(["display-message", "-p", "-t", pane, "#{cursor_x},#{cursor_y}"])
        return text + "\n@" + cursor
    }

    /// The text left of the cursor on its line, from a `look` (its `@x,y`) and that one row as the
    /// terminal shows it (not joined): the prompt an editor waits after.
    public func beforeCursor(_ pane: String, look: String) -> String? {
        guard let at = look.range(of: "\n@", options: .backwards) else { return nil }
        let numbers = look[at.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
        guard numbers.count == 2, let row = try? run(["capture-pane", "-p", "-t", pane, "-S", "\(numbers[1])", "-E", "\(numbers[1])"]) else { return nil }
        return String(row.trimmingCharacters(in: .newlines).prefix(numbers[0]))
    }
}
