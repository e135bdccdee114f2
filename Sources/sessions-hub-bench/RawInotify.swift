import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The floor for change → screen: how long the kernel takes to report a rename to a bare inotify
/// watch on the same machine, in the same run.
enum RawInotify {
    static func latency(folder: String, changes: Int) -> String {
        let target = folder + "/raw-baseline.json"
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0, inotify_add_watch(fd, folder, UInt32(IN_MOVED_TO | IN_CLOSE_WRITE)) >= 0 else { return "inotify unavailable" }
        defer {
            close(fd)
            unlink(target)
        }
        var times: [Double] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        for index in 0..<changes {
            FileManager.default.createFile(atPath: target + ".tmp", contents: Data(#"{"status": "raw-\#(index)"}"#.utf8))
            while read(fd, &buffer, buffer.count) > 0 {}
            let start = Measure.now()
            rename(target + ".tmp", target)
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 1000)
            times.append(Measure.now() - start)
            while read(fd, &buffer, buffer.count) > 0 {}
        }
        return Measure.ms(Measure.percentile(times, 0.5)) + " / " + Measure.ms(Measure.percentile(times, 0.99))
    }
}
