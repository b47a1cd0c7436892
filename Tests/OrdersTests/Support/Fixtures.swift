import Foundation
import Orders

/// The golden JSON documents and the schema, read in place from the package.
enum Fixtures {
    /// The package root (three levels above this file's folder).
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let json = root.appending(path: "Fixtures/json")
    static let schemaURL = root.appending(path: "Sources/Orders/Schema/porter-document.schema.json")

    /// Every golden file, as a path relative to `Fixtures/json` (`850/004010-retail-sdq.json`).
    static let goldenNames: [String] = {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: json.path)) ?? []
        var names: [String] = []
        for folder in folders.sorted() where !folder.hasPrefix(".") {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: json.appending(path: folder).path)) ?? []
            names += files.filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
        }
        return names
    }()

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: json.appending(path: name)))
    }

    static func document(_ name: String) throws -> BusinessDocument {
        try BusinessDocument.decode(json: try bytes(name))
    }

    static func schema() throws -> JSONValue {
        try JSONValue.parse(try Data(contentsOf: schemaURL))
    }

    static func purchaseOrder(_ name: String) throws -> PurchaseOrder {
        guard case .purchaseOrder(let order) = try document(name) else { throw FixtureError(name) }
        return order
    }

    static func acknowledgment(_ name: String) throws -> OrderAcknowledgment {
        guard case .orderAcknowledgment(let acknowledgment) = try document(name) else { throw FixtureError(name) }
        return acknowledgment
    }

    static func shipNotice(_ name: String) throws -> ShipNotice {
        guard case .shipNotice(let notice) = try document(name) else { throw FixtureError(name) }
        return notice
    }

    struct FixtureError: Error {
        var name: String
        init(_ name: String) { self.name = name }
    }
}
