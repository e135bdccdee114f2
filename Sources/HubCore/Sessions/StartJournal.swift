import Foundation

/// Starting a session is two changes — the session folder appears, then the stub is marked promoted —
/// and a process can be killed between them. Before the folder is renamed into place, a small
/// journal entry says what is being done (`.coderef/sessions-hub/pending/<session>.json`); it is
/// removed once the stub is promoted. The next hub command (or the screen) finishes what a killed
/// start left: the folder is there → the stub is promoted; the folder is not → the entry and the
/// temporary folder are removed. Never a session without its promoted stub, for long.
public enum StartJournal {
    public static let relativeFolder = HubStateFolder.relativePath + "/pending"

    struct Entry {
        var folder: String
        var stub: String
        var workorderId: String
    }

    static func path(root: String, sessionName: String) -> String {
        FileSystem.join(FileSystem.join(root, relativeFolder), SessionPlanner.fileSlug(sessionName) + ".json")
    }

    /// Written (and synced) before the session folder is renamed into place.
    static func open(_ plan: SessionPlan, root: String) throws {
        let file = try HubStateFolder.prepare("pending/" + SessionPlanner.fileSlug(plan.sessionName) + ".json", root: root)
        let value = JSONValue.object(JSONObject([
            ("folder", .string(plan.folder)), ("stub", .string(plan.stubAbsolutePath)), ("workorder_id", .string(plan.workorderId)),
        ]))
        try AtomicFile.write(JSONPrinter.compactBytes(value), to: file)
    }

    static func close(_ plan: SessionPlan, root: String) {
        unlink(path(root: root, sessionName: plan.sessionName))
    }

    /// Finishes or undoes every start a killed process left; returns what was done, one line each.
    @discardableResult
    public static func recover(root: String) -> [String] {
        let folder = FileSystem.join(root, relativeFolder)
        // A journal folder that leads out of the workspace is not ours to act on.
        guard RootedPath.isInside(folder, root: root) else { return [] }
        var done: [String] = []
        for name in FileSystem.entries(folder) where name.hasSuffix(".json") {
            let file = FileSystem.join(folder, name)
            guard let bytes = try? FileSystem.read(file), let value = try? JSONParser.parse(bytes),
                  let session = value["folder"]?.stringValue, let stub = value["stub"]?.stringValue,
                  let workorder = value["workorder_id"]?.stringValue,
                  RootedPath.isInside(session, root: root), RootedPath.isInside(stub, root: root) else {
                unlink(file)
                continue
            }
            if FileSystem.isDirectory(session) {
                let promoted = (try? StubPromotion.promote(stub, to: workorder, root: root)) != nil
                if promoted || !FileSystem.isFile(stub) {
                    done.append("finished starting \(WorkspacePaths.lastComponent(session)): the stub is marked promoted")
                    unlink(file)
                }
            } else {
                // The folder never arrived: remove its temporary folder, if any, and the entry.
                let parent = WorkspacePaths.parent(session)
                let prefix = "." + WorkspacePaths.lastComponent(session) + ".hub-"
                for entry in FileSystem.entries(parent) where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
                    try? FileManager.default.removeItem(atPath: FileSystem.join(parent, entry))
                }
                done.append("undid an unfinished start of \(WorkspacePaths.lastComponent(session)): nothing was created")
                unlink(file)
            }
        }
        return done
    }
}
