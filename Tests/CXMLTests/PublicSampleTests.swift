import CXML
import Foundation
import Testing

/// The public cXML samples in `../shared/fixtures/public/cxml/`, read in place.
@Suite struct PublicSampleTests {
    /// One row of `MANIFEST.tsv` for a cXML sample.
    struct Sample: CustomTestStringConvertible, Sendable {
        var name: String
        /// The second word of the manifest's type column: `OrderRequest`, `Response`…
        var documentElement: String
        var isMalformed: Bool
        var testDescription: String { self.name }
    }

    static func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: FixturePaths.publicCXML.path)
            .filter { $0.hasSuffix(".xml") }.sorted()
    }

    static func samples() throws -> [Sample] {
        let manifest = try String(
            contentsOf: FixturePaths.publicCXML.deletingLastPathComponent().appending(path: "MANIFEST.tsv"),
            encoding: .utf8)
        return manifest.split(separator: "\n").compactMap { line -> Sample? in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 7, columns[0].hasPrefix("cxml/") else { return nil }
            let type = columns[4].split(separator: " ")
            return Sample(
                name: String(columns[0].dropFirst("cxml/".count)),
                documentElement: type.count > 1 ? String(type[1]) : "",
                isMalformed: columns[6].contains("MALFORMED"))
        }
    }

    @Test func theManifestListsEveryFile() throws {
        #expect(try Self.samples().map(\.name).sorted() == Self.files())
    }

    @Test(arguments: try samples())
    func readsEverySample(_ sample: Sample) throws {
        let outcome = readAll(try CXMLReader(path: FixturePaths.publicCXML.appending(path: sample.name).path))
        if sample.isMalformed {
            #expect(outcome.error?.code == .notWellFormed)
            #expect(outcome.error?.location?.line == 5)
            #expect(outcome.error?.location?.path == "cXML/Response")
            return
        }
        #expect(outcome.error == nil)
        #expect(outcome.elementNames.first == "cXML")
        #expect(outcome.rootAttributes["payloadID"]?.isEmpty == false)
        #expect(outcome.rootAttributes["timestamp"]?.isEmpty == false)
        // The document element: the child of Request or Message, or the Response itself.
        let document = outcome.events.lazy.compactMap { event -> String? in
            guard case .elementStart(let name, _, let location) = event else { return nil }
            let path = location.path
            if path == "cXML/Response" { return name }
            if path.hasPrefix("cXML/Request/") || path.hasPrefix("cXML/Message/") { return name }
            return nil
        }.first
        #expect(document?.lowercased() == sample.documentElement.lowercased())
        // The last event closes the root.
        if case .elementEnd(let name, _) = outcome.events.last {
            #expect(name == "cXML")
        } else {
            Issue.record("the last event of \(sample.name) is not the end of cXML")
        }
    }

    @Test func readsTheDoctypeVersion() throws {
        let outcome = readAll(
            try CXMLReader(path: FixturePaths.publicCXML.appending(path: "focx__ShipNoticeRequest.xml").path))
        guard case .documentType(let type) = outcome.events.first else {
            Issue.record("no DOCTYPE")
            return
        }
        #expect(type.version == "1.2.050")
        #expect(type.dtdName == "Fulfill.dtd")
        #expect(outcome.rootAttributes["payloadID"] == "0c30050@supplierorg.com")
    }
}
