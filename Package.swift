// swift-tools-version:6.0
//
// BookingDesk: the counter desk (`booking-desk`) and the booking API (`booking-server`).
// Modules depend downwards only; each C library sits behind exactly one Swift module:
// sqlite3 -> SQLite, libsodium -> Secrets, libcurl -> Curl, libmicrohttpd -> HTTPServer,
// ncursesw -> TerminalUI.

import PackageDescription

let package = Package(
    name: "BookingDesk",
    products: [
        .executable(name: "booking-desk", targets: ["booking-desk"]),
        .executable(name: "booking-server", targets: ["booking-server"]),
        .executable(name: "booking-bench", targets: ["booking-bench"]),
    ],
    targets: [
        // C libraries from Debian's packages.
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CSodium", path: "Sources/CSodium",
            providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(
            name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "CMicroHTTPD", path: "Sources/CMicroHTTPD", pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]),
        // No pkgConfig: SwiftPM would drop ncursesw.pc's -D flags anyway (see shim.h).
        .systemLibrary(
            name: "CNcursesw", path: "Sources/CNcursesw",
            providers: [.apt(["libncurses-dev"])]),

        // Both sides.
        .target(name: "BookingCore"),
        .target(
            name: "BookingAPI", dependencies: ["BookingCore"],
            resources: [.copy("openapi.json")]),
        .target(name: "Logging"),
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        .target(name: "Secrets", dependencies: ["CSodium"]),
        .target(name: "Curl", dependencies: ["CCurl"]),

        // Server side.
        .target(name: "HTTPServer", dependencies: ["CMicroHTTPD", "Logging"]),
        .target(
            name: "BookingStore", dependencies: ["BookingCore", "BookingAPI", "SQLite", "Logging"]),
        .target(
            name: "BookingServer",
            dependencies: [
                "BookingCore", "BookingAPI", "BookingStore", "HTTPServer", "Secrets", "Curl",
                "Logging",
            ]),
        .executableTarget(name: "booking-server", dependencies: ["BookingServer", "BookingAPI"]),

        // Desk side.
        .target(name: "TerminalUI", dependencies: ["CNcursesw"]),
        .target(name: "DeskClient", dependencies: ["BookingAPI", "Curl", "Logging"]),
        .target(
            name: "OfflineCache",
            dependencies: ["BookingCore", "BookingAPI", "SQLite", "Secrets", "Logging"]),
        .target(
            name: "DeskApp",
            dependencies: [
                "BookingCore", "BookingAPI", "TerminalUI", "DeskClient", "OfflineCache",
                "BookingServer", "Logging",
            ]),
        .executableTarget(name: "booking-desk", dependencies: ["DeskApp"]),

        // Benchmarks: `swift run -c release booking-bench --help`.
        .executableTarget(
            name: "booking-bench",
            dependencies: [
                "BookingCore", "BookingAPI", "BookingStore", "BookingServer", "Curl", "SQLite",
                "Secrets", "Logging", "DeskApp", "DeskClient", "OfflineCache", "TerminalUI",
            ]),

        // Helpers the tests share: a folder of its own per test; a real server on a loopback
        // port, an API client, tmux.
        .target(name: "TestFiles", path: "Tests/TestFiles"),
        .target(
            name: "TestSupport",
            dependencies: [
                "BookingAPI", "BookingCore", "BookingServer", "Curl", "Logging", "Secrets",
            ],
            path: "Tests/TestSupport"),

        .testTarget(name: "BookingCoreTests", dependencies: ["BookingCore"]),
        .testTarget(
            name: "BookingAPITests", dependencies: ["BookingAPI", "BookingCore", "BookingServer"]),
        .testTarget(
            name: "InfrastructureTests",
            dependencies: ["SQLite", "Secrets", "Curl", "HTTPServer", "Logging", "TestFiles"]),
        .testTarget(name: "CurlTests", dependencies: ["Curl", "TestFiles"]),
        .testTarget(
            name: "DeskClientTests",
            dependencies: [
                "DeskClient", "BookingAPI", "BookingCore", "BookingServer", "Curl", "TestSupport",
            ]),
        .testTarget(
            name: "BookingStoreTests",
            dependencies: ["BookingStore", "BookingCore", "BookingAPI", "SQLite", "TestFiles"]),
        .testTarget(
            name: "BookingServerTests",
            dependencies: [
                "BookingServer", "BookingAPI", "BookingCore", "BookingStore", "SQLite", "Secrets",
                "Curl", "TestSupport", "booking-server",
            ]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TestFiles"]),
        .testTarget(
            name: "OfflineCacheTests",
            dependencies: ["OfflineCache", "BookingCore", "BookingAPI", "SQLite", "TestFiles"]),
        .testTarget(
            name: "DeskAppTests",
            dependencies: [
                "DeskApp", "TerminalUI", "DeskClient", "OfflineCache", "BookingCore", "BookingAPI",
                "Logging", "TestSupport",
            ]),
        .testTarget(
            name: "DeskEndToEndTests",
            dependencies: [
                "TestSupport", "BookingAPI", "BookingCore", "BookingServer", "booking-desk",
                "booking-server",
            ]),
    ]
)
