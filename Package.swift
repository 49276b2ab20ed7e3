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
        .library(name: "EncoursCore", targets: ["EncoursCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
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
        .target(
            name: "EncoursImport",
            dependencies: ["EncoursCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "EncoursGenerator",
            dependencies: ["EncoursCore"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "encours",
            dependencies: [
                "EncoursCore",
                "EncoursGenerator",
                "EncoursStore",
                "EncoursImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
            name: "EncoursGeneratorTests",
            dependencies: ["EncoursGenerator", "EncoursCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EncoursCLITests",
            dependencies: ["encours", "EncoursCore", "EncoursTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
