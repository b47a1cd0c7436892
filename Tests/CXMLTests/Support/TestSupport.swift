import CXML
import Foundation

/// Paths of the project's and the shared fixtures.
enum FixturePaths {
    /// The package root (three levels above this file).
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let hostile = root.appending(path: "Fixtures/cxml/hostile")
    /// `../shared`, read in place.
    static let shared = root.deletingLastPathComponent().appending(path: "shared")
    static let publicCXML = shared.appending(path: "fixtures/public/cxml")
    static let dtds = shared.appending(path: "cxml-dtd/1.2.069")

    static func hostileFixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: hostile.appending(path: name)))
    }
}

/// Everything a reader handed out before it ended or failed.
struct ReadOutcome {
    var events: [CXMLEvent] = []
    var error: CXMLError?

    /// One line per event, with locations: identical for any chunking of the same input.
    var trace: [String] {
        self.events.map { event in
            switch event {
            case .documentType(let type):
                return "doctype \(type.name) \(type.systemID ?? "-")"
            case .elementStart(let name, let attributes, let location):
                let attributes = attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
                return "start \(name) [\(attributes)] \(location)"
            case .text(let text, let location):
                return "text \(text.debugDescription) \(location)"
            case .elementEnd(let name, let location):
                return "end \(name) \(location)"
            }
        }
    }

    /// The attributes of the first element, the root.
    var rootAttributes: [String: String] {
        for case .elementStart(_, let attributes, _) in self.events {
            return Dictionary(attributes.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        return [:]
    }

    var elementNames: [String] {
        self.events.compactMap { if case .elementStart(let name, _, _) = $0 { name } else { nil } }
    }
}

/// Reads a document to its end or its first error.
func readAll(_ reader: CXMLReader) -> ReadOutcome {
    var outcome = ReadOutcome()
    do {
        while let event = try reader.next() { outcome.events.append(event) }
    } catch {
        outcome.error = error
    }
    return outcome
}

func readAll(_ bytes: [UInt8], limits: CXMLReader.Limits = .init(), chunkSize: Int? = nil) -> ReadOutcome {
    guard let chunkSize else { return readAll(CXMLReader(bytes: bytes, limits: limits)) }
    var offset = 0
    let source = CXMLChunkSource {
        guard offset < bytes.count else { return nil }
        let end = min(offset + chunkSize, bytes.count)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
    return readAll(CXMLReader(source, limits: limits))
}

func readAll(_ text: String, limits: CXMLReader.Limits = .init(), chunkSize: Int? = nil) -> ReadOutcome {
    readAll(Array(text.utf8), limits: limits, chunkSize: chunkSize)
}
