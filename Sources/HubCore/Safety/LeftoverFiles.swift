import Foundation

/// Temporary files and folders the hub's writers leave when they are killed mid-write
/// (`.<name>.hub-<pid>-<n>.tmp`): never shown, found and removed by `doctor --fix`. A workspace is
/// someone else's repository, so only what the hub itself could have left is ever removed: the exact
/// name pattern, inside the root after links, a regular file, or a folder holding nothing but the
/// files a session or stub write puts in it.
public enum LeftoverFiles {
    /// The one name every writer gives its temporary file or folder beside `name` (hidden, so no
    /// reader lists it; marked, so `doctor --fix` can find what a killed writer left).
    static func temporaryName(for name: String) -> String {
        ".\(name).hub-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    /// `.<name>.hub-<digits>-<digits>.tmp`, and nothing looser.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".hub-", options: .backwards),
              marker.lowerBound > name.index(after: name.startIndex) else { return false }
        let numbers = name[marker.upperBound..<name.index(name.endIndex, offsetBy: -4)].split(separator: "-", omittingEmptySubsequences: false)
        return numbers.count == 2 && numbers.allSatisfy { !$0.isEmpty && $0.count <= 10 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// The files a session or stub write puts in its temporary folder.
    static let writtenNames: Set<String> = ["communication.json", "instructions.json", "README.md", "stub.json"]

    public struct Found: Equatable, Sendable {
        /// What may be removed.
        public var removable: [String] = []
        /// Named like a leftover, but not only what the hub writes (kept, with why).
        public var kept: [(path: String, why: String)] = []

        public static func == (a: Found, b: Found) -> Bool {
            a.removable == b.removable && a.kept.map(\.path) == b.kept.map(\.path) && a.kept.map(\.why) == b.kept.map(\.why)
        }
    }

    public static func find(_ layout: WorkspaceLayout) -> Found {
        var found = Found()
        let root = layout.root
        var folders = (layout.sessionDirectories + layout.stubDirectories + layout.archivedStubDirectories).map(layout.absolute)
        folders.append(FileSystem.join(root, HubStateFolder.relativePath))
        // A folder the config names outside the root, or reached through a link, is not searched.
        var seen = Set<FolderIdentity>()
        func look(_ folder: String, depth: Int) {
            for entry in FileSystem.listing(folder) {
                let path = FileSystem.join(folder, entry.name)
                if isTemporaryName(entry.name) {
                    if let why = whyNotOurs(path, root: root) { found.kept.append((path, why)) } else { found.removable.append(path) }
                } else if depth < 2 && entry.type == UInt8(DT_DIR) && !entry.name.hasPrefix(".") {
                    look(path, depth: depth + 1)
                }
            }
        }
        for folder in folders where RootedPath.isInside(folder, root: root) {
            guard let identity = FolderIdentity(folder), seen.insert(identity).inserted else { continue }
            look(folder, depth: 0)
        }
        found.removable.sort()
        found.kept.sort { $0.path < $1.path }
        return found
    }

    /// Nil when `path` is something a killed hub write leaves; else why it is kept.
    static func whyNotOurs(_ path: String, root: String) -> String? {
        guard RootedPath.isInside(path, root: root) else { return "it leads outside the workspace" }
        var info = stat()
        guard lstat(path, &info) == 0 else { return "it cannot be examined" }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR:
            for entry in FileSystem.listing(path) {
                guard entry.type == UInt8(DT_REG), writtenNames.contains(entry.name) || isTemporaryName(entry.name) else {
                    return "it holds \(TerminalText.sanitize(entry.name)), which the hub never writes there"
                }
            }
            return nil
        default: return "it is not a file or a folder the hub writes"
        }
    }

    /// Removes them (each checked again just before); returns those that could not be removed.
    public static func remove(_ paths: [String], root: String) -> [String] {
        paths.filter { path in
            guard whyNotOurs(path, root: root) == nil else { return true }
            var info = stat()
            guard lstat(path, &info) == 0 else { return false }
            if info.st_mode & S_IFMT == S_IFDIR {
                for entry in FileSystem.listing(path) { unlink(FileSystem.join(path, entry.name)) }
                return rmdir(path) != 0
            }
            return unlink(path) != 0
        }
    }
}
