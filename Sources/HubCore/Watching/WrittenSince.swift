import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The entries of some folders written at or after a moment (modification or status-change time):
/// what changed while a load ran that no watch saw yet.
enum WrittenSince {
    static func paths(in folders: [String], since moment: Date) -> Set<String> {
        // A little slack: file times and our clock are read at different granularities.
        let limit = moment.timeIntervalSince1970 - 0.05
        var result = Set<String>()
        for folder in folders {
            for entry in FileSystem.entries(folder) {
                let path = FileSystem.join(folder, entry)
                guard let info = FileSystem.status(path) else { continue }
                let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
                let changed = Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9
                if max(modified, changed) >= limit { result.insert(path) }
            }
        }
        return result
    }
}
