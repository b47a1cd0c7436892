import CXML
import Foundation
import Orders
import Testing
import Translation

/// The cXML fixtures, public samples and DTDs the cXML codec tests read in place, and the DTD check of every
/// document the tests write.
enum CXMLFixtures {
    static let root = TranslationFixtures.root
    /// `Fixtures/cxml`: the documents written for these tests, one folder per document type.
    static let cxml = root.appending(path: "Fixtures/cxml")
    /// `Fixtures/json/cxml`: their golden canonical JSON.
    static let json = root.appending(path: "Fixtures/json/cxml")
    /// `../shared/fixtures/public/cxml`, read in place.
    static let publicCXML = root.deletingLastPathComponent().appending(path: "shared/fixtures/public/cxml")
    /// `../shared/cxml-dtd/1.2.069`.
    static let dtds = root.deletingLastPathComponent().appending(path: "shared/cxml-dtd/1.2.069")

    /// The fixture documents of one type (`OrderRequest`…), by file name.
    static func names(_ folder: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: cxml.appending(path: folder).path)) ?? []
        return files.filter { $0.hasSuffix(".xml") }.sorted()
    }

    static func decode(_ url: URL) throws -> CXMLDocumentDecoding {
        try CXMLDocumentDecoder(sourceName: url.lastPathComponent).decode(path: url.path)
    }

    /// The canonical JSON of a document, with a final line feed, as the golden files hold it.
    static func json(_ document: BusinessDocument) -> String {
        String(decoding: document.encodeCanonicalJSON() + [0x0A], as: UTF8.self)
    }

    /// Checks `bytes` against the cXML 1.2.069 DTD named in their DOCTYPE with the real `xmllint`
    /// (`--noout --nonet --dtdvalid`), and returns its complaints (empty when valid).
    static func dtdErrors(_ bytes: [UInt8], dtd: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appending(path: "porter-cxml-\(UUID().uuidString).xml")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = [
            "xmllint", "--noout", "--nonet", "--dtdvalid", dtds.appending(path: dtd).path, file.path,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        if process.terminationStatus != 0 { return text.isEmpty ? "xmllint exited \(process.terminationStatus)" : text }
        return ""
    }

    /// Records an issue unless `bytes` are valid against their DTD.
    static func expectValid(
        _ bytes: [UInt8], dtd: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let errors = try dtdErrors(bytes, dtd: dtd)
        #expect(
            errors.isEmpty, "not valid against \(dtd):\n\(errors)\n\(String(decoding: bytes, as: UTF8.self))",
            sourceLocation: sourceLocation)
    }
}
