// swift-tools-version:6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode is the tools-version default;
/// these two upcoming features keep dependencies explicit, as swift-log and Hummingbird do.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Encours",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "encours", targets: ["encours"]),
        .executable(name: "encoursd", targets: ["encoursd"]),
        .library(name: "EncoursCore", targets: ["EncoursCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "EncoursCore",
            swiftSettings: strictSettings
        ),
        .target(
            name: "EncoursStore",
            dependencies: [
                "EncoursCore",
                "CSQLite",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Migrations/*.sql compiled into the binary (installed binaries have no source
            // tree); Sources/EncoursStore/Migrations is a symlink to the top-level folder.
            resources: [.embedInCode("Migrations")],
            swiftSettings: strictSettings
        ),
        // Readers of what reaches the ledger: canonical NDJSON, invoicing CSV exports (fields
        // split by CSV.swift), FEC; every error names file, line and field.
        .target(
            name: "EncoursImport",
            dependencies: [
                "EncoursCore",
                .product(name: "CSV", package: "CSV.swift"),
                // CSV mapping files are TOML, read as the daemon's configuration is.
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strictSettings
        ),
        // Documents for people rendered from the core's figures: the statement of account as
        // text and HTML through Mustache templates, embedded and overridable from a folder.
        .target(
            name: "EncoursDocuments",
            dependencies: [
                "EncoursCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.embedInCode("Templates")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "EncoursGenerator",
            dependencies: ["EncoursCore"],
            swiftSettings: strictSettings
        ),
        // The daemon's plumbing around the core: HTTP on the Unix socket, peer-credential
        // roles, the single writer with group commit, snapshots, metrics, readiness.
        .target(
            name: "EncoursServer",
            dependencies: [
                "EncoursCore",
                "EncoursStore",
                "EncoursImport",
                "EncoursDocuments",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.embedInCode("openapi.yaml")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "encoursd",
            dependencies: [
                "EncoursServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "encours",
            dependencies: [
                "EncoursCore",
                "EncoursGenerator",
                "EncoursStore",
                "EncoursImport",
                "EncoursDocuments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "encours-bench",
            dependencies: [
                "EncoursCore",
                "EncoursStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Load generator for the daemon's append benchmark (Scripts/bench).
        .executableTarget(
            name: "encours-load",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // Helpers the test targets share (temporary folders, the sqlite3 shell, hand-written
        // events); a plain target so it builds with the package, in no product.
        .target(
            name: "EncoursTestSupport",
            dependencies: ["EncoursCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EncoursCoreTests",
            dependencies: ["EncoursCore", "EncoursTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EncoursStoreTests",
            dependencies: ["EncoursStore", "EncoursCore", "EncoursGenerator", "EncoursTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EncoursImportTests",
            dependencies: ["EncoursImport", "EncoursCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EncoursDocumentsTests",
            dependencies: ["EncoursDocuments", "EncoursCore", "EncoursTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EncoursGeneratorTests",
            dependencies: ["EncoursGenerator", "EncoursCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EncoursServerTests",
            dependencies: [
                "encoursd",
                "encours",
                "EncoursCore",
                "EncoursTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EncoursCLITests",
            dependencies: ["encours", "EncoursCore", "EncoursTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
