import Foundation

/// Temporary files and folders the hub's writers leave when they are killed mid-write
/// (`.<name>.hub-<pid>-<n>.tmp`): never shown, found and removed by `doctor --fix`.
public enum LeftoverFiles {
    /// The one name every writer gives its temporary file or folder beside `name` (hidden, so no
    /// reader lists it; marked, so `doctor --fix` can find what a killed writer left).
    static func temporaryName(for name: String) -> String {
        ".\(name).hub-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    static func isTemporaryName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".hub-") && name.hasSuffix(".tmp")
    }

    public static func find(_ layout: WorkspaceLayout) -> [String] {
        var found: [String] = []
        var folders = (layout.sessionDirectories + layout.stubDirectories + layout.archivedStubDirectories).map(layout.absolute)
        folders.append(FileSystem.join(layout.root, ".coderef/sessions-hub"))
        func look(_ folder: String, depth: Int) {
            for entry in FileSystem.listing(folder) {
                let path = FileSystem.join(folder, entry.name)
                if isTemporaryName(entry.name) {
                    found.append(path)
                } else if depth < 2 && entry.type == UInt8(DT_DIR) && !entry.name.hasPrefix(".") {
                    look(path, depth: depth + 1)
                }
            }
        }
        for folder in Set(folders) { look(folder, depth: 0) }
        return found.sorted()
    }

    /// Removes them; returns those that could not be removed.
    public static func remove(_ paths: [String]) -> [String] {
        paths.filter { (try? FileManager.default.removeItem(atPath: $0)) == nil }
    }
}
