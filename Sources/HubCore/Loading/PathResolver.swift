import Foundation

/// Finds, on this machine, a file that a session's JSON names. The people who write these files often
/// run their agents on Windows and the hub elsewhere, so a path like
/// `C:\Users\x\.mcp-servers\coderef\sessions\s\agent\out.json` is tried, in order:
/// 1. as written (an absolute POSIX path, or relative to the session folder, then to the root,
///    never climbing out of the root);
/// 2. under WSL (a `/mnt/<drive>/` mount exists) as `/mnt/c/Users/x/...`;
/// 3. by its trailing components inside the session folder, longest first (`agent/out.json`,
///    then `out.json`).
/// Nothing found means the file is missing here.
public struct PathResolver: Sendable {
    public let root: String
    /// Where Windows drives are mounted (`/mnt` under WSL); nil when not under WSL.
    public let driveMountRoot: String?

    public init(root: String, driveMountRoot: String? = PathResolver.detectDriveMounts()) {
        self.root = root
        self.driveMountRoot = driveMountRoot
    }

    /// `/mnt` when this looks like WSL: `/mnt/c` (or another drive letter folder) exists.
    public static func detectDriveMounts() -> String? {
        for letter in "cdefgh" where FileSystem.isDirectory("/mnt/\(letter)/") && FileSystem.isDirectory("/mnt/\(letter)/Windows") {
            return "/mnt"
        }
        return FileSystem.exists("/proc/sys/fs/binfmt_misc/WSLInterop") ? "/mnt" : nil
    }

    /// The WSL form of a Windows path, or nil when the path is not one.
    public func wslPath(_ written: String) -> String? {
        guard let mount = driveMountRoot, WorkspacePaths.isWindowsAbsolute(written) else { return nil }
        let drive = written.prefix(1).lowercased()
        let rest = written.dropFirst(3).replacingOccurrences(of: "\\", with: "/")
        return WorkspacePaths.standardize("\(mount)/\(drive)/\(rest)")
    }

    public func resolve(_ written: String, inside sessionDirectory: String) -> String? {
        let trimmed = PathResolver.trimmed(written)
        guard !trimmed.isEmpty else { return nil }
        // Each candidate is examined once (a plain `out.json` is both "relative to the session" and
        // its own trailing component): a missing output costs as few lookups as possible.
        var tried = Set<String>()
        // (path, may lie outside the root): relative paths may not climb out of the workspace.
        var candidates: [(String, Bool)] = []
        if trimmed.hasPrefix("/") {
            candidates.append((trimmed, true))
        } else if let wsl = wslPath(trimmed) {
            candidates.append((wsl, true))
        } else if !WorkspacePaths.isWindowsAbsolute(trimmed) {
            let posix = trimmed.contains("\\") ? trimmed.replacingOccurrences(of: "\\", with: "/") : trimmed
            candidates.append((FileSystem.join(sessionDirectory, posix), false))
            candidates.append((FileSystem.join(root, posix), false))
        }
        for (candidate, outsideAllowed) in candidates {
            let standardized = WorkspacePaths.standardize(candidate)
            if !outsideAllowed && !NameValidator.isInside(standardized, root: root) { continue }
            guard tried.insert(standardized).inserted else { continue }
            if FileSystem.isFile(standardized) { return standardized }
        }
        // Trailing components inside the session folder, longest first. `..` never leaves it.
        let components = trimmed.split(whereSeparator: { $0 == "/" || $0 == "\\" }).map(String.init)
        guard !components.isEmpty else { return nil }
        let first = max(0, components.count - 12)
        for start in first..<components.count {
            let tail = components[start...]
            if tail.contains("..") || tail.contains(".") { continue }
            let candidate = WorkspacePaths.standardize(FileSystem.join(sessionDirectory, tail.joined(separator: "/")))
            guard tried.insert(candidate).inserted else { continue }
            if FileSystem.isFile(candidate) { return candidate }
        }
        return nil
    }

    /// Without surrounding spaces and tabs; no copy when there are none (the usual case).
    static func trimmed(_ text: String) -> String {
        func isSpace(_ character: Character) -> Bool { character == " " || character == "\t" }
        guard let first = text.first, let last = text.last, isSpace(first) || isSpace(last) else { return text }
        return String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
