import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Everything a freshly started agent writes to its terminal, from its first byte: how the hub
/// learns whether it asked for bracketed paste (tmux 3.3a has no format for that mode).
///
/// The agent's window runs a fixed gate first — `sh -c 'read -r _ < "$0"; exec "$@"' FIFO CMD…`
/// (the command's words are arguments, never part of the script) — which waits on a FIFO of ours
/// until tmux's `pipe-pane` copies the pane's output into our file; then the gate opens and the
/// agent starts with nothing missed. The tap is removed once the one-liner is handed over.
public final class OutputTap: @unchecked Sendable {
    let folder: String
    let fifo: String
    let log: String

    /// A private folder (0700) with the gate's FIFO and the output file.
    public init() throws(TmuxClient.Failure) {
        var template = Array(FileSystem.join(FileManager.default.temporaryDirectory.path, "sessions-hub-tap.XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw TmuxClient.Failure(message: "could not make a private temporary folder: \(String(cString: strerror(errno)))")
        }
        folder = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        fifo = FileSystem.join(folder, "gate")
        log = FileSystem.join(folder, "output")
        guard mkfifo(fifo, 0o600) == 0 else {
            let why = String(cString: strerror(errno))
            rmdir(folder)
            throw TmuxClient.Failure(message: "could not make the start gate: \(why)")
        }
    }

    deinit { remove() }

    /// The words the window runs: the gate, then the agent's own.
    public func gated(_ arguments: [String], environment: [String: String]) -> [String] {
        let sh = ToolRunner.which("sh", environment: environment) ?? "/bin/sh"
        return [sh, "-c", "IFS= read -r _ < \"$0\"; exec \"$@\"", fifo] + arguments
    }

    /// Copies the pane's output into the tap's file (tmux runs the command with `sh -c` after
    /// expanding formats: the path is quoted for both).
    public func attach(to pane: String, tmux: TmuxClient) throws(TmuxClient.Failure) {
        let quoted = ShellQuote.word(log)
        try tmux.run(["pipe-pane", "-O", "-t", pane, HostileNames.tmuxLiteral("cat >> \(quoted)")])
    }

    /// Lets the agent start: a line into the FIFO once the gate has it open for reading.
    public func open(within seconds: TimeInterval = 5) throws(TmuxClient.Failure) {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let fd = Glibc.open(fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            if fd >= 0 {
                let line: [UInt8] = [0x0a]
                _ = line.withUnsafeBytes { write(fd, $0.baseAddress, 1) }
                close(fd)
                return
            }
            // ENXIO: the gate has not opened its end yet.
            guard errno == ENXIO, Date() < deadline else {
                throw TmuxClient.Failure(message: "the agent's window did not start (its start gate was never opened)")
            }
            usleep(10_000)
        }
    }

    /// Whether the agent left bracketed paste on, from all it wrote so far (nil: it never said).
    public func bracketedPaste() -> Bool? {
        guard let bytes = try? FileSystem.read(log) else { return nil }
        return Readiness.bracketedPaste(in: bytes)
    }

    /// Stops copying the pane's output.
    public func detach(from pane: String, tmux: TmuxClient) {
        _ = try? tmux.run(["pipe-pane", "-t", pane])
    }

    func remove() {
        unlink(fifo)
        unlink(log)
        rmdir(folder)
    }
}
