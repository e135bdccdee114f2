import Foundation

/// A workspace may come from someone else's repository, so an agent command set in its own
/// `.coderef/hub.toml` runs only after the user trusted that file: its SHA-256 is remembered in the
/// user's config folder (`$XDG_CONFIG_HOME/sessions-hub/trusted`, one `<hash> <path>` line each)
/// and asked for again when the file changes. The user's own config needs no trust.
public struct TrustStore: Sendable {
    public let file: String

    public init?(environment: [String: String]) {
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["HOME"].map { FileSystem.join($0, ".config") }
        guard let configHome else { return nil }
        file = FileSystem.join(configHome, "sessions-hub/trusted")
    }

    public init(file: String) { self.file = file }

    /// The workspace's own config file, whose commands need trust.
    public static func workspaceConfig(root: String) -> String { FileSystem.join(root, ".coderef/hub.toml") }

    public static func exists(_ path: String) -> Bool { FileSystem.isFile(path) }

    /// True when `digest` (the SHA-256 of the bytes that were parsed) is the one remembered for `path`.
    public func isTrusted(_ path: String, digest: String?) -> Bool {
        guard let digest else { return false }
        return entries().contains { $0.hash == digest && $0.path == path }
    }

    /// Remembers `digest` — the bytes the person was shown — for `path` (replacing what was
    /// remembered for the same path).
    public func trust(_ path: String, digest: String) throws {
        try FileManager.default.createDirectory(atPath: WorkspacePaths.parent(file), withIntermediateDirectories: true)
        try AtomicFile.withLock(on: file) {
            let kept = entries().filter { $0.path != path }
            let lines = kept.map { "\($0.hash) \($0.path)" } + ["\(digest) \(path)"]
            try AtomicFile.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: file)
        }
    }

    func entries() -> [(hash: String, path: String)] {
        guard let bytes = try? FileSystem.read(file) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line -> (hash: String, path: String)? in
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return (String(parts[0]), String(parts[1]))
        }
    }
}
