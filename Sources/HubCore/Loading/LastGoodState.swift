/// A file caught halfway through being written must not blank a row: when a reload finds a file
/// unreadable that was readable before, the previous state of its stub or session stays, marked,
/// until the file's next change.
public enum LastGoodState {
    public static func keep(previous: WorkspaceSnapshot, next: WorkspaceSnapshot) -> WorkspaceSnapshot {
        let before = Set(previous.problems.filter(\.isUnreadableFile).map(\.path))
        let newlyBroken = next.problems.filter { $0.isUnreadableFile && !before.contains($0.path) }.map(\.path)
        guard !newlyBroken.isEmpty else { return next }
        var result = next
        // The sessions a broken file belongs to: those whose folder is one of the file's ancestors.
        var brokenBySession: [Int: [String]] = [:]
        for path in newlyBroken {
            var folder = WorkspacePaths.parent(path)
            while !folder.isEmpty && folder != "/" && folder != "." {
                let index = result.sessions.lowerBound(path: folder)
                if index < result.sessions.count && result.sessions[index].path == folder {
                    brokenBySession[index, default: []].append(path)
                }
                let up = WorkspacePaths.parent(folder)
                if up == folder { break }
                folder = up
            }
        }
        for (index, broken) in brokenBySession {
            guard let oldIndex = previous.sessions.index(ofPath: result.sessions[index].path) else { continue }
            var old = previous.sessions[oldIndex]
            old.unreadableFiles = broken
            result.sessions[index] = old
        }
        for path in newlyBroken {
            guard let index = result.stubs.index(ofPath: path), let oldIndex = previous.stubs.index(ofPath: path) else { continue }
            result.stubs[index] = previous.stubs[oldIndex]
        }
        return result
    }
}
