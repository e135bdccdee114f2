import Foundation

/// The built-in demo workspace: a few stubs and sessions covering the main layouts, written by code
/// into a folder of the caller's choosing (never into the package). `sessions-hub demo` uses it.
public enum DemoWorkspace {
    /// Writes the demo files under `root` (created if needed). Existing files are left alone, so a
    /// demo folder is never overwritten by mistake.
    public static func write(to root: String) throws {
        let manager = FileManager.default
        for (relative, text) in DemoFiles.all {
            let path = FileSystem.join(root, relative)
            try manager.createDirectory(atPath: WorkspacePaths.parent(path), withIntermediateDirectories: true)
            guard !manager.fileExists(atPath: path) else { continue }
            try AtomicFile.write(Array(text.utf8), to: path)
        }
    }

    /// A fresh temporary folder holding the demo workspace.
    public static func makeTemporary() throws -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array(FileSystem.join(base, "sessions-hub-demo-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard made != nil else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: base])
        }
        let root = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        try write(to: root)
        return root
    }
}
