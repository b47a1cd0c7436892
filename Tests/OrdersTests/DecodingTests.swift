import Foundation
import Orders
import Testing

/// Reading the JSON form: what is accepted, and what each error says.
@Suite struct DecodingTests {
    static func goldenText(_ name: String = "850/004010-retail-sdq.json") throws -> String {
        String(decoding: try Fixtures.bytes(name), as: UTF8.self)
    }

    static func error(_ text: String) -> OrdersError? {
        do {
            _ = try BusinessDocument.decodeAll(json: Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownDocumentKind() throws {
        let error = Self.error(try Self.goldenText().replacingOccurrences(of: "\"purchaseOrder\"", with: "\"invoice\""))
        #expect(error?.code == .unknownDocument)
        #expect(error?.description.contains("invoice") == true)
    }

    @Test func newerSchemaVersion() throws {
        let error = Self.error(
            try Self.goldenText().replacingOccurrences(of: "\"schemaVersion\":1", with: "\"schemaVersion\":2"))
        #expect(error?.code == .unsupportedSchemaVersion)
    }

    @Test func missingKeyNamesItsPath() throws {
        let error = Self.error(
            try Self.goldenText().replacingOccurrences(
                of: #""unit":"each","unitPrice":"27.95""#, with: #""unitPrice":"27.95""#))
        #expect(error?.code == .invalidValue)
        #expect(error?.path == "lines[1]")
        #expect(error?.message == "missing \"unit\"")
    }

    @Test func notJSON() {
        #expect(Self.error("{\"document\": ")?.code == .invalidJSON)
        #expect(Self.error("")?.code == .invalidJSON)
        #expect(Self.error("hello")?.code == .invalidJSON)
        #expect(Self.error("{\"document\":}")?.code == .invalidJSON)
        #expect(Self.error("{\"document\" \"purchaseOrder\"}")?.code == .invalidJSON)
    }

    @Test func jsonLinesErrorsGiveTheLine() throws {
        let good = try Self.goldenText()
        let bad = good.replacingOccurrences(of: "\"quantity\":\"48\"", with: "\"quantity\":\"4 8\"")
        let error = Self.error(good + "\n" + good + bad)
        #expect(error?.line == 4)
        #expect(error?.path == "lines[0].quantity")
        #expect(error?.description.contains("line 4") == true)
    }

    @Test func unknownKeysAreIgnoredAndUnknownCodesKept() throws {
        let text = try Self.goldenText()
            .replacingOccurrences(of: #""document":"#, with: #""addedInALaterRelease":{"x":[1,2]},"document":"#)
            .replacingOccurrences(of: #""quantity":"48","unit":"each""#, with: #""quantity":"48","unit":"XY""#)
        let document = try BusinessDocument.decode(json: Array(text.utf8))
        guard case .purchaseOrder(let order) = document else {
            Issue.record("not a purchase order")
            return
        }
        #expect(order.lines[0].unit == UnitOfMeasure("XY"))
        #expect(!order.lines[0].unit.isNamed)
        #expect(order.lines[1].unit == .each)
        #expect(String(decoding: document.encodeCanonicalJSON(), as: UTF8.self).contains(#""unit":"XY""#))
    }

    @Test func aByteOrderMarkAndBlankLinesAreSkipped() throws {
        let good = try Self.goldenText()
        let bytes = [0xEF, 0xBB, 0xBF] + Array(("\r\n\n" + good + "\n\n" + good).utf8)
        #expect(try BusinessDocument.decodeAll(json: bytes).count == 2)
    }

    @Test func envelopeCanBeReplaced() throws {
        var document = try Fixtures.document("997/005010-partial.json")
        var envelope = document.envelope
        envelope.interchangeControlNumber = "000000001"
        document.envelope = envelope
        #expect(document.envelope.interchangeControlNumber == "000000001")
        #expect(document.kind == .functionalAcknowledgment)
    }
}
