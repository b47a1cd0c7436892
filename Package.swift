// swift-tools-version:6.1
import Foundation
import PackageDescription

/// Compiler settings every Porter target shares: the house style is enforced by the compiler
/// (see README, "Architecture").
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// What the `PorterSamples` target must leave alone: it lives at the package root (so that its resources can be the
/// top-level `Mappings/` folder itself, not a copy), so every other top-level entry and every other target's folder
/// is excluded from it.
let samplesExcluded: [String] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    let files = FileManager.default
    let top = ((try? files.contentsOfDirectory(atPath: root)) ?? []).filter {
        !$0.hasPrefix(".") && !["Mappings", "Sources", "Package.swift"].contains($0)
    }
    let sources = ((try? files.contentsOfDirectory(atPath: root + "/Sources")) ?? []).filter {
        $0 != "PorterSamples"
    }
    return (top + sources.map { "Sources/" + $0 }).sorted()
}()

let package = Package(
    name: "Porter",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "X12", targets: ["X12"]),
        .library(name: "CXML", targets: ["CXML"]),
        .library(name: "Orders", targets: ["Orders"]),
        .library(name: "Translation", targets: ["Translation"]),
        .library(name: "Partners", targets: ["Partners"]),
        .library(name: "Conversion", targets: ["Conversion"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Delivery", targets: ["Delivery"]),
        .library(name: "Gateway", targets: ["Gateway"]),
        .executable(name: "porter", targets: ["porter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    ],
    targets: [
        .target(name: "X12", resources: [.process("Schema/Data")], swiftSettings: strictSettings),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .target(name: "CXML", dependencies: ["CLibXML2"], swiftSettings: strictSettings),
        // One Linux call Swift's Glibc module does not declare (sync_file_range), for the directory channel.
        .target(name: "CFileSync"),
        .target(name: "Orders", exclude: ["Schema/porter-document.schema.json"], swiftSettings: strictSettings),
        .target(name: "Translation", dependencies: ["X12", "CXML", "Orders"], swiftSettings: strictSettings),
        .target(
            name: "Partners",
            dependencies: [
                "Translation", "Orders", "X12", "CXML",
                .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "Conversion",
            dependencies: [
                "Partners", "Translation", "Orders", "X12", "CXML",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "Store",
            dependencies: ["Orders", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings),
        .target(
            name: "Delivery",
            dependencies: [
                "CFileSync", "CXML", "Translation", "Orders",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        // The sample Mappings/ and the demo's documents as resources (`porter demo`, `porter run` with no
        // configuration). Its path is the package root so that `.copy("Mappings")` names the top-level folder
        // itself: nothing is duplicated in the sources.
        .target(
            name: "PorterSamples", path: ".", exclude: samplesExcluded,
            sources: ["Sources/PorterSamples/PorterSamples.swift"],
            resources: [.copy("Mappings"), .copy("Sources/PorterSamples/Demo")], swiftSettings: strictSettings),
        .target(
            name: "Gateway",
            dependencies: [
                "Store", "Delivery", "Partners", "Translation", "Orders", "X12", "CXML", "PorterSamples",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "porter",
            dependencies: [
                "X12",
                "CXML",
                "Orders",
                "Translation",
                "Partners",
                "Conversion",
                "Store",
                "Gateway",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "X12Tests", dependencies: ["X12"], swiftSettings: strictSettings),
        .testTarget(name: "CXMLTests", dependencies: ["CXML"], swiftSettings: strictSettings),
        .testTarget(name: "OrdersTests", dependencies: ["Orders"], swiftSettings: strictSettings),
        .testTarget(
            name: "TranslationTests", dependencies: ["Translation", "X12", "Orders"], swiftSettings: strictSettings),
        .testTarget(
            name: "PartnersTests", dependencies: ["Partners", "Translation", "Orders", "X12"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ConversionTests", dependencies: ["Conversion", "Partners", "Translation", "Orders", "X12"],
            swiftSettings: strictSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Orders"], swiftSettings: strictSettings),
        // Test helpers shared by test targets (a real HTTP server on 127.0.0.1); not a product.
        .target(
            name: "PorterTestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/PorterTestSupport",
            swiftSettings: strictSettings),
        .testTarget(
            name: "DeliveryTests",
            dependencies: [
                "Delivery", "PorterTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "GatewayTests",
            dependencies: [
                "Gateway", "Store", "Delivery", "Partners", "Orders", "Translation", "X12", "PorterTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "PorterCLITests",
            dependencies: [
                "porter", "Store", "PorterTestSupport", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
