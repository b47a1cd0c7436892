// swift-tools-version: 6.1
import PackageDescription

// Porter's benchmark tools live in their own package so that the main package's CI never has to
// build them. `porter-bench` is one executable with a subcommand per tool or benchmark.
//
// The measurements depend on the main package (`..`) and its products.

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "PorterBenchmarks",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "porter-bench", targets: ["porter-bench"]),
        .executable(name: "x12-memory", targets: ["x12-memory"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(name: "Porter", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "porter-bench",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "X12", package: "Porter"),
                .product(name: "CXML", package: "Porter"),
                .product(name: "Orders", package: "Porter"),
                .product(name: "Translation", package: "Porter"),
                .product(name: "Store", package: "Porter"),
                .product(name: "Gateway", package: "Porter"),
                .product(name: "Conversion", package: "Porter"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Sources/porter-bench",
            swiftSettings: strictSettings
        ),
        // The X12 library's own memory: an executable that links nothing else.
        .executableTarget(
            name: "x12-memory",
            dependencies: [.product(name: "X12", package: "Porter")],
            path: "Sources/x12-memory",
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
