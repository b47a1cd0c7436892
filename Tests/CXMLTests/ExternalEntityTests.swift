import Foundation
import Testing

@testable import CXML

/// No document makes the reader open a file or a connection: the prolog guard refuses
/// entity declarations, libxml2 never loads a DTD, and the deny-all loader refuses whatever
/// libxml2 would still ask for, `file://` included.
@Suite struct ExternalEntityTests {
    /// A temporary file holding a sentinel no output may ever contain.
    final class Sentinel {
        let text = "PORTER-SENTINEL-\(UUID().uuidString)"
        let url: URL

        init(contents: (String) -> String = { $0 }) throws {
            self.url = FileManager.default.temporaryDirectory.appending(path: "porter-sentinel-\(UUID().uuidString)")
            try Data(contents(self.text).utf8).write(to: self.url)
        }

        deinit { try? FileManager.default.removeItem(at: self.url) }

        var fileURL: String { "file://\(self.url.path)" }

        /// Whether anything the reader produced mentions the sentinel.
        func appears(in outcome: ReadOutcome, warnings: [CXMLError] = []) -> Bool {
            let everything =
                outcome.trace + [outcome.error.map(String.init(describing:)) ?? ""] + warnings.map(\.description)
            return everything.contains { $0.contains(self.text) }
        }
    }

    static func fixture(_ name: String, _ replacements: [String: String]) throws -> [UInt8] {
        var text = String(decoding: try FixturePaths.hostileFixture(name), as: UTF8.self)
        for (placeholder, value) in replacements { text = text.replacingOccurrences(of: placeholder, with: value) }
        return Array(text.utf8)
    }

    /// A reader with the prolog guard off and libxml2 told to load DTDs and substitute entities:
    /// only the deny-all loader stands between the document and the file system or network.
    static func unguardedReader(_ bytes: [UInt8]) -> CXMLReader {
        CXMLReader(
            source: CXMLMemorySource(bytes), limits: .init(), keepingWhitespace: false,
            hooks: .init(guardsProlog: false, loadsExternalResources: true))
    }

    @Test func refusesAnExternalEntityToAFile() throws {
        let sentinel = try Sentinel()
        let bytes = try Self.fixture("external-entity-file.xml.template", ["@SENTINEL_URL@": sentinel.fileURL])
        let reader = CXMLReader(bytes: bytes)
        let outcome = readAll(reader)
        #expect(outcome.error?.code == .entityDeclaration)
        #expect(outcome.error?.location == CXMLLocation(line: 3, column: 3, path: ""))
        #expect(!sentinel.appears(in: outcome, warnings: reader.warnings))
    }

    @Test func refusesAnExternalEntityToAURL() throws {
        let listener = try TCPListener()
        let bytes = try Self.fixture("external-entity-url.xml.template", ["@LISTENER_URL@": listener.url])
        #expect(readAll(bytes).error?.code == .entityDeclaration)
        #expect(!listener.acceptedConnection())
    }

    @Test func neverFetchesTheDTD() throws {
        let listener = try TCPListener()
        let dtd = try Sentinel { "<!ENTITY secret \"\($0)\">" }
        for url in [listener.url + "/cXML.dtd", dtd.fileURL] {
            let plain = try Self.fixture("external-dtd.xml.template", ["@DTD_URL@": url, "@REFERENCE@": "plain"])
            let outcome = readAll(plain)
            #expect(outcome.error == nil)
            #expect(outcome.events.first == .documentType(CXMLDocumentType(name: "cXML", systemID: url)))

            let referring = try Self.fixture(
                "external-dtd.xml.template", ["@DTD_URL@": url, "@REFERENCE@": "&secret;"])
            let rejected = readAll(referring)
            #expect(rejected.error?.code == .undeclaredEntity)
            #expect(rejected.error?.location?.path == "cXML/Response/Status")
            #expect(!dtd.appears(in: rejected))
        }
        #expect(!listener.acceptedConnection())
    }

    @Test func theLoaderRefusesFilesWithoutTheGuard() throws {
        let sentinel = try Sentinel()
        let bytes = try Self.fixture("external-entity-file.xml.template", ["@SENTINEL_URL@": sentinel.fileURL])
        let reader = Self.unguardedReader(bytes)
        let outcome = readAll(reader)
        #expect(outcome.error?.code == .externalEntity)
        #expect(outcome.error?.message.contains(sentinel.url.path) == true)
        #expect(!sentinel.appears(in: outcome, warnings: reader.warnings))
        #expect(CXMLEntityLoader.recentDenials.contains { $0.url == sentinel.fileURL })
    }

    @Test func theLoaderRefusesURLsWithoutTheGuard() throws {
        let listener = try TCPListener()
        let bytes = try Self.fixture("external-entity-url.xml.template", ["@LISTENER_URL@": listener.url])
        #expect(readAll(Self.unguardedReader(bytes)).error?.code == .externalEntity)
        #expect(!listener.acceptedConnection())
    }

    @Test func theLoaderRefusesTheDTDWithoutTheGuard() throws {
        let listener = try TCPListener()
        let dtd = try Sentinel { "<!ENTITY secret \"\($0)\">" }
        for url in [listener.url + "/cXML.dtd", dtd.fileURL, dtd.url.path] {
            let bytes = try Self.fixture("external-dtd.xml.template", ["@DTD_URL@": url, "@REFERENCE@": "&secret;"])
            let outcome = readAll(Self.unguardedReader(bytes))
            #expect(outcome.error?.code == .externalEntity, "\(url)")
            #expect(!dtd.appears(in: outcome))
        }
        #expect(!listener.acceptedConnection())
    }

    @Test func parameterEntitiesMeetTheLoaderWithoutTheGuard() throws {
        let listener = try TCPListener()
        let bytes = try Self.fixture("parameter-entities.xml", [:])
            .replacing(Array("http://127.0.0.1:9".utf8), with: Array(listener.url.utf8))
        let outcome = readAll(Self.unguardedReader(bytes))
        #expect(outcome.error != nil)
        #expect(!outcome.trace.contains { $0.contains("leaked") })
        #expect(!listener.acceptedConnection())
    }
}
