import Foundation
import Orders
import Translation
import X12

/// The fixtures the translation tests read, in place.
enum TranslationFixtures {
    /// The package root (four levels above this file).
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let x12 = root.appending(path: "Fixtures/x12")
    static let json = root.appending(path: "Fixtures/json")
    /// `../shared/fixtures/public/x12`, read in place.
    static let publicX12 = root.deletingLastPathComponent().appending(path: "shared/fixtures/public/x12")

    /// The 850 interchanges under `Fixtures/x12/850`.
    static let purchaseOrderNames: [String] = {
        let folder = x12.appending(path: "850").path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".edi") }.sorted()
    }()

    static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    /// Every 850 in a file, decoded.
    static func decode(_ url: URL) throws -> [X12PurchaseOrderDecoding] {
        try X12PurchaseOrderDecoder.decodeAll(
            from: MemoryByteSource(try bytes(url)), sourceName: url.lastPathComponent)
    }

    /// Every 850 in some bytes, decoded.
    static func decode(_ bytes: [UInt8]) throws -> [X12PurchaseOrderDecoding] {
        try X12PurchaseOrderDecoder.decodeAll(from: MemoryByteSource(bytes))
    }
}
