import Foundation
import Orders
import Testing

/// Quantities and money never pass through floating point, and keep the digits they were written with.
@Suite struct DecimalNumberTests {
    @Test(arguments: [
        "0.10", "12345678901234567.89", "12.5", "0", "0.00", "-3.20", "1.000", "99999999999999999999999999999999999999",
    ])
    func keepsTheTextAsWritten(_ text: String) throws {
        let number = try #require(DecimalNumber(text))
        #expect(number.text == text)
        #expect(number.description == text)
    }

    @Test func valueIsExact() throws {
        // `DecimalNumber("...")` with a literal is the literal form (SE-0213); `DecimalNumber(text)` parses.
        let number: DecimalNumber = "12345678901234567.89"
        #expect(number.value * 100 == Decimal(string: "1234567890123456789"))
        #expect(number.value != Decimal(Double(12345678901234567.89)), "a Double cannot hold it")
        #expect(DecimalNumber("0.10").value == Decimal(string: "0.1"))
        #expect(DecimalNumber("0.10") != DecimalNumber("0.1"), "equality is on the text as written")
        #expect(DecimalNumber("0.10").fractionDigitCount == 2)
        #expect(DecimalNumber(String("0.10"))?.text == "0.10")
    }

    @Test func roundTripsExactlyThroughADocument() throws {
        var order = Samples.purchaseOrder
        order.lines[0].unitPrice = "0.10"
        order.totals = OrderTotals(amount: "12345678901234567.89")
        let bytes = BusinessDocument.purchaseOrder(order).encodeCanonicalJSON()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""unitPrice":"0.10""#))
        #expect(text.contains(#""amount":"12345678901234567.89""#))
        guard case .purchaseOrder(let read) = try BusinessDocument.decode(json: bytes) else {
            Issue.record("not a purchase order")
            return
        }
        #expect(read.lines[0].unitPrice?.text == "0.10")
        #expect(read.totals?.amount?.text == "12345678901234567.89")
        // Through JSONEncoder and JSONDecoder too: decimals are strings, so no Double on the way.
        let viaFoundation = try JSONDecoder().decode(
            BusinessDocument.self, from: try JSONEncoder().encode(BusinessDocument.purchaseOrder(order)))
        #expect(viaFoundation == .purchaseOrder(order))
    }

    @Test(arguments: ["007", "-0", "-0.00", "00.50"])
    func normalizesOnlyTheIntegerPartAndTheSign(_ text: String) throws {
        let expected = ["007": "7", "-0": "0", "-0.00": "0.00", "00.50": "0.50"]
        #expect(DecimalNumber(text)?.text == expected[text])
    }

    @Test(arguments: [
        "", "-", "1e3", "+1", ".5", "5.", "1,5", " 1", "1 ", "0x10", "NaN", "1.2.3", "١٢",
        "123456789012345678901234567890123456789",
    ])
    func refusesWhatIsNotAPlainDecimal(_ text: String) {
        #expect(DecimalNumber(text) == nil)
    }

    @Test func writesADecimalValue() {
        #expect(DecimalNumber(Decimal(string: "0.1")!).text == "0.1")
        #expect(DecimalNumber(Decimal(string: "0.1")!, minimumFractionDigits: 2).text == "0.10")
        #expect(DecimalNumber(Decimal(5), minimumFractionDigits: 2).text == "5.00")
        #expect(DecimalNumber(Decimal(string: "1.234")!, minimumFractionDigits: 2).text == "1.234")
        #expect(DecimalNumber(Decimal(string: "-1000")!).text == "-1000")
        #expect(DecimalNumber(integerLiteral: 48).text == "48")
    }

    @Test func aJSONNumberIsNotADecimal() throws {
        let text = String(decoding: try Fixtures.bytes("850/004010-retail-sdq.json"), as: UTF8.self)
            .replacingOccurrences(of: #""quantity":"48""#, with: #""quantity":48"#)
        #expect(throws: OrdersError.self) { try BusinessDocument.decode(json: Array(text.utf8)) }
        do {
            _ = try BusinessDocument.decode(json: Array(text.utf8))
        } catch {
            #expect(error.code == .invalidValue)
            #expect(error.path == "lines[0].quantity")
        }
    }
}
