#if canImport(Glibc)
import Glibc
#endif

/// Collects problems while a file or a workspace loads. A class so that nested readers share it.
final class ProblemLog {
    private(set) var problems: [Problem] = []

    func add(_ path: String, _ message: String, kind: Problem.Kind = .field) {
        problems.append(Problem(path: path, message: message, kind: kind))
    }

    func add(_ problem: Problem) { problems.append(problem) }

    /// The subfolders of `folder`; one that cannot be listed is a problem, not an empty folder.
    func subdirectories(of folder: String, shownAs display: String) -> [String] {
        FileSystem.subdirectories(folder) { code in
            self.add(display, "this folder cannot be read (\(String(cString: strerror(code)))); its contents are not shown", kind: .unreadable)
        }
    }
}
