// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sessions-hub",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sessions-hub", targets: ["sessions-hub"]),
        .library(name: "HubCore", targets: ["HubCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // The official MCP SDK: `sessions-hub mcp` serves the hub's tools to agents over stdio.
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        // The MCP SDK's own logging package (its Transport protocol names a Logger).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // SHA-256 for the trust store (which workspace configs the user trusted) and triage fingerprints.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Property-based tests with shrinking (tests only).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // libncursesw through a system-library target (PLATFORM.md: no pkgConfig, it only adds warnings).
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The domain: no curses, no terminal.
        // One system call Swift cannot see (renameat2 with RENAME_NOREPLACE).
        .target(name: "CHubSystem"),
        .target(name: "HubCore", dependencies: ["CHubSystem", .product(name: "TOMLKit", package: "TOMLKit"), .product(name: "Crypto", package: "swift-crypto")]),
        // The screen. Only its Terminal folder may import CNcursesw.
        .target(name: "HubTUI", dependencies: ["HubCore", "CHubSystem", "CNcursesw", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The MCP server: the hub's core operations as tools for agents (no second implementation).
        .target(name: "HubMCP", dependencies: ["HubCore", .product(name: "MCP", package: "swift-sdk"), .product(name: "Logging", package: "swift-log")]),
        // Command-line wiring, kept in a library so tests can run commands in-process.
        .target(
            name: "HubCLI",
            dependencies: [
                "HubCore", "HubTUI", "HubMCP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sessions-hub", dependencies: ["HubCLI"]),
        // A simulated agent (reads its one-liner like an interactive agent, then does the work it
        // names): the agent command of the living demo and of the dispatch tests.
        .executableTarget(name: "sessions-hub-sim-agent", dependencies: ["HubCore"]),
        // Speed and memory measurements (release build: scripts/bench); never part of the tests.
        // (HubTestSupport for its loopback sshd: the remote figures run against a real one.)
        .executableTarget(name: "sessions-hub-bench", dependencies: ["HubCore", "HubTUI", "HubTestSupport"]),
        // Hostile inputs, concurrent writers, kills and terminal endings (scripts/stress); not a test.
        .executableTarget(name: "sessions-hub-stress", dependencies: ["HubCore"]),
        // Helpers shared by the test targets (temporary workspaces, the corpus, the built binary).
        .target(name: "HubTestSupport", dependencies: ["HubCore"], path: "Tests/HubTestSupport"),
        .testTarget(name: "HubCoreTests", dependencies: ["HubCore", "HubTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "HubCLITests", dependencies: ["HubCLI", "HubCore", "HubTestSupport", "HubTUI"], exclude: ["Golden"]),
        .testTarget(name: "HubMCPTests", dependencies: ["HubMCP", "HubCore", "HubTestSupport", .product(name: "MCP", package: "swift-sdk")]),
        .testTarget(
            name: "HubTUITests",
            dependencies: ["HubTUI", "HubCore", "HubTestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Golden"]
        ),
        // The built binary in a real terminal (tmux), driven with send-keys, read with capture-pane.
        .testTarget(name: "EndToEndTests", dependencies: ["HubTestSupport", "HubCore"], exclude: ["Scripts"]),
    ]
)
