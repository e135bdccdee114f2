import Testing
import HubTestSupport
@testable import HubCore

@Suite struct PathResolverTests {
    @Test func windowsPathResolvesByItsTailInsideTheSession() throws {
        let workspace = try TemporaryWorkspace("paths")
        try workspace.write("s/agent/outputs/report.md", "x")
        try workspace.write("s/top.md", "x")
        let resolver = PathResolver(root: workspace.root, driveMountRoot: nil)
        let session = workspace.path("s")
        #expect(resolver.resolve(#"C:\Users\w\.mcp\sessions\s\agent\outputs\report.md"#, inside: session) == workspace.path("s/agent/outputs/report.md"))
        #expect(resolver.resolve(#"C:\Users\w\elsewhere\top.md"#, inside: session) == workspace.path("s/top.md"))
        #expect(resolver.resolve(#"C:\Users\w\missing.md"#, inside: session) == nil)
        #expect(resolver.resolve("agent/outputs/report.md", inside: session) == workspace.path("s/agent/outputs/report.md"))
        #expect(resolver.resolve("", inside: session) == nil)
        #expect(resolver.resolve(#"..\..\etc\passwd"#, inside: session) == nil)
    }

    @Test func wslMapsDrivesFirst() throws {
        let workspace = try TemporaryWorkspace("wsl")
        try workspace.write("mnt/c/Users/x/project/out.json", "{}")
        try workspace.write("s/out.json", "{}")
        let resolver = PathResolver(root: workspace.path("s"), driveMountRoot: workspace.path("mnt"))
        #expect(resolver.wslPath(#"C:\Users\x\project\out.json"#) == workspace.path("mnt/c/Users/x/project/out.json"))
        #expect(resolver.resolve(#"C:\Users\x\project\out.json"#, inside: workspace.path("s")) == workspace.path("mnt/c/Users/x/project/out.json"))
        #expect(resolver.wslPath("/already/posix") == nil)
    }

    @Test func recognisesWindowsAbsolutePaths() {
        #expect(WorkspacePaths.isWindowsAbsolute(#"C:\x"#))
        #expect(WorkspacePaths.isWindowsAbsolute("d:/x"))
        #expect(!WorkspacePaths.isWindowsAbsolute("/x"))
        #expect(!WorkspacePaths.isWindowsAbsolute("C:"))
        #expect(!WorkspacePaths.isWindowsAbsolute("1:/x"))
    }

    @Test func standardizesLexically() {
        #expect(WorkspacePaths.standardize("/a/./b/../c//d/") == "/a/c/d")
        #expect(WorkspacePaths.standardize("/../x") == "/x")
        #expect(WorkspacePaths.relative("/r/a/b", to: "/r") == "a/b")
        #expect(WorkspacePaths.relative("/other", to: "/r") == "/other")
    }
}

@Suite struct NameValidatorTests {
    @Test(arguments: ["feature", "api-migration-phase2", "日本語-feature", "rocket-🚀", "a b", "WO-X-001"])
    func acceptsOrdinaryNames(name: String) {
        #expect(NameValidator.isValid(name))
    }

    @Test(arguments: ["", "a/b", #"a\b"#, "..", "a..b", ".hidden", "tab\there", "esc\u{1B}x", " lead", "trail ", String(repeating: "x", count: 201), "c1\u{85}x"])
    func refusesNamesThatCouldEscapeOrHide(name: String) {
        #expect(!NameValidator.isValid(name))
    }

    @Test func insideChecksTheWholeComponent() {
        #expect(NameValidator.isInside("/w/root/a", root: "/w/root"))
        #expect(!NameValidator.isInside("/w/rootx/a", root: "/w/root"))
        #expect(!NameValidator.isInside("/w/root/../x", root: "/w/root"))
    }
}

@Suite struct DiscoveryTests {
    @Test func walksUpToTheFirstWorkspace() throws {
        let workspace = try TemporaryWorkspace("discover")
        try workspace.mkdir("coderef/working")
        try workspace.mkdir("project/deep/er")
        #expect(try WorkspaceDiscovery.discover(from: workspace.path("project/deep/er")) == workspace.root)
        try workspace.mkdir("project/.coderef")
        #expect(try WorkspaceDiscovery.discover(from: workspace.path("project/deep/er")) == workspace.path("project"))
    }

    @Test func explicitRootMustExist() throws {
        let workspace = try TemporaryWorkspace("explicit")
        try workspace.write("file", "x")
        #expect(throws: WorkspaceDiscovery.Failure.rootMissing("/no/such/dir")) { try WorkspaceDiscovery.resolveRoot(explicit: "/no/such/dir") }
        #expect(throws: WorkspaceDiscovery.Failure.rootNotADirectory(workspace.path("file"))) { try WorkspaceDiscovery.resolveRoot(explicit: workspace.path("file")) }
        #expect(try WorkspaceDiscovery.resolveRoot(explicit: "sub/..", cwd: workspace.root) == workspace.root)
    }

    @Test func noWorkspaceAboveIsAnError() throws {
        let workspace = try TemporaryWorkspace("none")
        // /tmp itself may sit below a folder with coderef/ on some machine; only check the message shape.
        if let found = try? WorkspaceDiscovery.discover(from: workspace.root) {
            #expect(!found.hasPrefix(workspace.root))
        } else {
            #expect(throws: WorkspaceDiscovery.Failure.self) { try WorkspaceDiscovery.discover(from: workspace.root) }
        }
    }
}

@Suite struct StandardPathTests {
    /// The fast check may only say "already standard" when the full standardisation agrees (it may
    /// be cautious with relative `..`, which then takes the slow path).
    @Test(arguments: ["/", "", ".", "..", "a", "/a/b", "a/b/", "//a", "/a//b", "./a", "a/.", "a/..", "../a", "/a/./b", "/a/../b",
                      "a/...", ".hidden/x", "a/.b", "/x/y/z.json", "C:\\Users\\x", "a/b/c/", "/..", "a..b/c"])
    func isStandardAgreesWithStandardize(path: String) {
        if WorkspacePaths.isStandard(path) { #expect(WorkspacePaths.standardize(path) == path, "\(path)") }
        if !["", ".", "..", "../a"].contains(path) { #expect(WorkspacePaths.isStandard(path) == (WorkspacePaths.standardize(path) == path), "\(path)") }
    }
}
