import Foundation
import HubCore

/// A temporary folder for one test, removed when the value is released.
public final class TemporaryWorkspace: @unchecked Sendable {
    public let root: String

    /// A fresh folder holding the built-in demo workspace, its dates moved to `now` (as `sessions-hub
    /// demo` does; goldens pass their own fixed clock).
    public static func demo(_ label: String, now: Date = Date()) throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace(label)
        try DemoWorkspace.write(to: workspace.root, now: now)
        return workspace
    }

    public init(_ label: String = "test") throws {
        let base = FileManager.default.temporaryDirectory.path
        let path = (base as NSString).appendingPathComponent("sessions-hub-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        // Resolve symlinks (/tmp may be one) so paths compare equal to what the loader reports.
        root = (path as NSString).resolvingSymlinksInPath
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    public func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    /// Writes text (creating folders), returning the absolute path.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    public func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    public func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Loads the workspace with the default layout and no WSL mapping (tests must not depend on the machine).
    public func load(layout: WorkspaceLayout? = nil) -> WorkspaceSnapshot {
        let layout = layout ?? WorkspaceLayout(root: root)
        return WorkspaceLoader(layout: layout, resolver: PathResolver(root: layout.root, driveMountRoot: nil)).load()
    }

    /// Copies a folder tree into this workspace's root.
    public func copyContents(of source: String) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: source) {
            try FileManager.default.copyItem(atPath: (source as NSString).appendingPathComponent(name), toPath: path(name))
        }
    }
}

/// Where things are for tests: the package, the shared corpus beside the clone, the built binary.
public enum TestPaths {
    /// The package root, from this file's location (Tests/HubTestSupport/...).
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `../shared/corpus/workspace` beside the package (CI puts shared/ there).
    public static let corpus: String = {
        if let override = ProcessInfo.processInfo.environment["SESSIONS_HUB_CORPUS"], !override.isEmpty { return override }
        return URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared/corpus/workspace").path
    }()

    public static var corpusExists: Bool { FileManager.default.fileExists(atPath: corpus + "/coderef") }

    /// The simulated agent, built beside the binary (the agent command of the dispatch tests).
    public static var simulatedAgent: String? {
        guard let binary else { return nil }
        let path = URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("sessions-hub-sim-agent").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// ptpython, installed into the build folder by `scripts/test` (nil when PyPI could not be reached).
    public static var ptpython: String? {
        let path = packageRoot + "/.build/editors-venv/bin/ptpython"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// The `sessions-hub` executable built next to the test bundle.
    public static let binary: String? = {
        if let override = ProcessInfo.processInfo.environment["SESSIONS_HUB_BIN"], !override.isEmpty { return override }
        var candidates: [URL] = []
        for argument in CommandLine.arguments {
            var url = URL(fileURLWithPath: argument)
            while url.path != "/" && !url.path.isEmpty {
                if url.pathExtension == "xctest" { candidates.append(url.deletingLastPathComponent()) }
                url.deleteLastPathComponent()
            }
        }
        candidates.append(Bundle.main.bundleURL)
        candidates.append(URL(fileURLWithPath: packageRoot).appendingPathComponent(".build/debug"))
        for directory in candidates {
            let path = directory.appendingPathComponent("sessions-hub").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()
}
