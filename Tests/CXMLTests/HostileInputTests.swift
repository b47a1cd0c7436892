import CXML
import Foundation
import Testing

/// Every hostile or broken document is rejected with a clear, located error.
///
/// How fast each is rejected is measured apart from the tests (see `RejectionTimings.swift`);
/// the tests assert no timings.
@Suite struct HostileInputTests {
    /// The committed fixtures and the code each must be rejected with (the folder's README).
    static let fixtures: [(String, CXMLError.Code)] = [
        ("billion-laughs.xml", .entityDeclaration),
        ("quadratic-blowup.xml", .entityDeclaration),
        ("parameter-entities.xml", .entityDeclaration),
        ("internal-subset.xml", .internalSubset),
        ("entity-outside-doctype.xml", .entityDeclaration),
        ("undeclared-entity.xml", .undeclaredEntity),
        ("many-attributes.xml", .tooManyAttributes),
        ("truncated.xml", .truncated),
        ("not-well-formed.xml", .notWellFormed),
        ("utf16-declared-utf8-bytes.xml", .encoding),
        ("utf8-declared-utf16-bytes.xml", .encoding),
        ("invalid-utf8.xml", .encoding),
        ("unsupported-encoding.xml", .encoding),
        ("invalid-shift-jis.xml", .encoding),
        ("invalid-utf16.xml", .encoding),
        ("non-ascii-in-ascii.xml", .encoding),
    ]

    /// Where each fixture's error is: line, column, path (none for `invalid-shift-jis.xml`:
    /// libxml2's converter cannot say where the bytes it refuses are).
    static let locations: [String: CXMLLocation] = [
        "billion-laughs.xml": CXMLLocation(line: 3, column: 3, path: ""),
        "quadratic-blowup.xml": CXMLLocation(line: 2, column: 17, path: ""),
        "parameter-entities.xml": CXMLLocation(line: 3, column: 3, path: ""),
        "internal-subset.xml": CXMLLocation(line: 2, column: 75, path: ""),
        "entity-outside-doctype.xml": CXMLLocation(line: 2, column: 1, path: ""),
        "undeclared-entity.xml": CXMLLocation(line: 4, column: 49, path: "cXML/Response/Status"),
        "many-attributes.xml": CXMLLocation(line: 3, column: 3, path: "cXML"),
        "truncated.xml": CXMLLocation(line: 8, column: 1, path: "cXML/Header/Sender/Credential"),
        "not-well-formed.xml": CXMLLocation(line: 6, column: 20, path: "cXML/Request/OrderRequest"),
        "utf16-declared-utf8-bytes.xml": CXMLLocation(line: 1, column: 1, path: ""),
        "utf8-declared-utf16-bytes.xml": CXMLLocation(line: 1, column: 1, path: ""),
        "invalid-utf8.xml": CXMLLocation(line: 3, column: 45, path: "cXML/Response/Status"),
        "unsupported-encoding.xml": CXMLLocation(line: 1, column: 57, path: ""),
        "invalid-utf16.xml": CXMLLocation(line: 3, column: 43, path: "cXML/Response/Status"),
        "non-ascii-in-ascii.xml": CXMLLocation(line: 3, column: 45, path: "cXML/Response/Status"),
    ]

    @Test(arguments: fixtures)
    func rejectsTheFixture(name: String, code: CXMLError.Code) throws {
        let outcome = readAll(try FixturePaths.hostileFixture(name))
        let error = try #require(outcome.error)
        #expect(error.code == code)
        #expect(error.location == Self.locations[name], "\(error)")
        #expect(!error.message.isEmpty)
        // No expansion ever reaches an event.
        #expect(!outcome.trace.contains { $0.contains("lol") || $0.contains("aaaa") })
    }

    @Test func namesTheEncodingWhoseConverterFailed() throws {
        let error = try #require(readAll(try FixturePaths.hostileFixture("invalid-shift-jis.xml")).error)
        #expect(error.message == "the document's bytes are not valid Shift_JIS")
    }

    @Test func rejects10000NestedElements() throws {
        let document = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        let outcome = readAll(document)
        let error = try #require(outcome.error)
        #expect(error.code == .tooDeep)
        #expect(error.location?.line == 1)
        #expect(error.location?.column == 64 * 3 + 1)
        #expect(error.location?.path == Array(repeating: "a", count: 64).joined(separator: "/"))
    }

    @Test func rejectsA20MegabyteAttribute() throws {
        var bytes = Array("<cXML payloadID=\"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 20_000_000)
        bytes += Array("\" timestamp=\"2026-11-22T10:15:00-05:00\"/>".utf8)
        let error = try #require(readAll(bytes).error)
        #expect(error.code == .valueTooLong)
        #expect(error.location?.line == 1)
        #expect(error.location?.column == 18 + (1 << 20))
        #expect(error.location?.path == "cXML")
    }

    @Test func rejectsALongAttributeValueWithQuotesInside() throws {
        // Runs between delimiters stay short; libxml2 hands the value over and the reader measures it.
        let value = String(repeating: "x'", count: 600_000)
        let error = try #require(readAll("<cXML a=\"\(value)\"/>").error)
        #expect(error.code == .valueTooLong)
    }

    @Test func rejectsALongText() throws {
        let text = String(repeating: "word \"quoted\" ", count: 100_000)
        let error = try #require(readAll("<cXML><Comments>\(text)</Comments></cXML>").error)
        #expect(error.code == .valueTooLong)
        #expect(error.location?.path == "cXML/Comments")
    }

    @Test func rejectsADocumentOverTheSizeLimit() throws {
        let document = "<cXML>" + String(repeating: "<Extrinsic name=\"n\">v</Extrinsic>", count: 1000) + "</cXML>"
        // Byte 9,990 is inside the start tag of the 303rd Extrinsic (6 + 302 × 33 + 1 = 9,973).
        let limits = CXMLReader.Limits(maximumDocumentSize: 9_990)
        let error = try #require(readAll(document, limits: limits, chunkSize: 4096).error)
        #expect(error.code == .tooLarge)
        #expect(error.location == CXMLLocation(line: 1, column: 9_991, path: "cXML/Extrinsic[303]"))
        #expect(readAll(document, limits: CXMLReader.Limits(maximumDocumentSize: document.utf8.count)).error == nil)
    }

    @Test func rejectsADocumentOfAKnownSizeBeforeReadingIt() throws {
        let document = "<cXML>" + String(repeating: "<Extrinsic name=\"n\">v</Extrinsic>", count: 1000) + "</cXML>"
        let limits = CXMLReader.Limits(maximumDocumentSize: 9_990)
        let error = try #require(readAll(document, limits: limits).error)
        #expect(error.code == .tooLarge)
        #expect(error.message == "the document has \(document.utf8.count) bytes, more than the limit of 9990")
        #expect(error.location == CXMLLocation(line: 1, column: 1, path: ""))
    }

    @Test func rejectsAPrologOverItsLimit() throws {
        let document = "<?xml version=\"1.0\"?>" + String(repeating: "<!-- padding -->\n", count: 5000) + "<cXML/>"
        let error = try #require(readAll(document).error)
        #expect(error.code == .tooLarge)
        #expect(error.message.contains("prolog"))
    }

    @Test(arguments: [
        ("", "the input is empty"),
        ("  \n", "the input is empty"),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE cXML SYSTEM \"cXML.dtd\">\n", "the input ended before the root element"),
        ("<cXML><Header", "the input ended before the root element was closed"),
        ("<cXML><Header a=\"", "the input ended before the root element was closed"),
    ])
    func rejectsTruncatedInput(document: String, message: String) throws {
        let error = try #require(readAll(document).error)
        #expect(error.code == .truncated)
        #expect(error.message == message)
    }

    @Test func rejectsGarbageAfterTheRoot() throws {
        let error = try #require(readAll("<cXML/><cXML/>").error)
        #expect(error.code == .notWellFormed)
    }

    @Test func rejectsAControlCharacter() throws {
        let error = try #require(readAll("<cXML>a\u{1}b</cXML>").error)
        #expect(error.code == .notWellFormed)
        #expect(error.location?.path == "cXML")
    }

    @Test func rejectsUCS4AndEBCDIC() throws {
        #expect(readAll([0x00, 0x00, 0x00, 0x3C, 0x00, 0x00, 0x00, 0x61]).error?.code == .encoding)
        #expect(readAll([0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40]).error?.code == .encoding)
    }
}
