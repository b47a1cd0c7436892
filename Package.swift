// swift-tools-version:6.1
import PackageDescription

/// Compiler settings every Porter target shares: the house style is enforced by the compiler
/// (see README, "Architecture").
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Porter",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "X12", targets: ["X12"]),
        .library(name: "CXML", targets: ["CXML"]),
        .library(name: "Orders", targets: ["Orders"]),
        .library(name: "Translation", targets: ["Translation"]),
        .library(name: "Partners", targets: ["Partners"]),
        .executable(name: "porter", targets: ["porter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .target(name: "X12", resources: [.process("Schema/Data")], swiftSettings: strictSettings),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .target(name: "CXML", dependencies: ["CLibXML2"], swiftSettings: strictSettings),
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
        .executableTarget(
            name: "porter",
            dependencies: [
                "X12",
                "CXML",
                "Orders",
                "Translation",
                "Partners",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
            name: "PorterCLITests",
            dependencies: ["porter"],
            swiftSettings: strictSettings
        ),
    ]
)
