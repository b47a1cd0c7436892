import Foundation
import Orders
import Testing

/// The canonical writer's byte-level rules: escaping, left-out values, key order, JSON Lines.
@Suite struct WriterTests {
    static func minimalOrder(_ edit: (inout PurchaseOrder) -> Void = { _ in }) -> PurchaseOrder {
        var order = PurchaseOrder(
            envelope: Envelope(
                standard: .x12, sender: EnvelopeIdentity(qualifier: "ZZ", id: "A"),
                receiver: EnvelopeIdentity(qualifier: nil, id: "B")),
            orderType: .standAlone, number: "1", orderDate: DateTime(date: CalendarDate(year: 2025, month: 1, day: 2)!))
        edit(&order)
        return order
    }

    /// Arrays of values are written from a bitwise slot without retaining what the values hold: writing must leave
    /// them whole (heap strings and arrays included), give the same bytes every time and read back as written.
    @Test func writingArraysLeavesTheValuesWhole() throws {
        let long = String(repeating: "a part number longer than fifteen bytes ", count: 3)
        let lines = (1...40).map { number in
            PurchaseOrderLine(
                lineNumber: "line \(number) \(long)", quantity: 12, unit: .each,
                items: [ItemIdentifier(.buyerPart, "\(long)\(number)"), ItemIdentifier(.buyerItem, "B\(number)")],
                descriptions: [ItemDescription("\(long) description \(number)")])
        }
        let order = Self.minimalOrder { $0.lines = lines }
        let document = BusinessDocument.purchaseOrder(order)
        let first = document.encodeCanonicalJSON()
        var writer = CanonicalJSONWriter()
        for _ in 0..<3 { writer.write(document) }
        let expected = (0..<3).flatMap { _ in first + [UInt8(ascii: "\n")] }
        #expect(writer.bytes == expected)
        #expect(document.encodeCanonicalJSON() == first)
        #expect(order.lines == lines)
        #expect(try BusinessDocument.decode(json: first) == document)
    }

    @Test func writesTheMinimalDocumentExactly() {
        let bytes = BusinessDocument.purchaseOrder(Self.minimalOrder()).encodeCanonicalJSON()
        let expected =
            #"{"document":"purchaseOrder","envelope":{"receiver":{"id":"B"},"sender":{"id":"A","qualifier":"ZZ"},"#
            + #""standard":"x12","usage":"production"},"number":"1","orderDate":{"date":"2025-01-02"},"#
            + #""orderType":"standAlone","purpose":"original","schemaVersion":1}"#
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func escapesOnlyQuotesBackslashesAndControlCharacters() throws {
        let text = "quote \" backslash \\ slash / newline \n return \r tab \t bell \u{07} del \u{7F} é 🚚 \u{2028}"
        let order = Self.minimalOrder { $0.number = text }
        let bytes = BusinessDocument.purchaseOrder(order).encodeCanonicalJSON()
        let written = String(decoding: bytes, as: UTF8.self)
        let expected =
            #""number":"quote \" backslash \\ slash / newline \n return \r tab \t bell \u0007 del "#
            + "\u{7F} é 🚚 \u{2028}\""
        #expect(written.contains(expected))
        #expect(try BusinessDocument.decode(json: bytes) == .purchaseOrder(order))
        #expect(try JSONValue.parse(bytes)["number"] == .string(text))
    }

    @Test func escapesShortValuesAtEveryPosition() {
        // Short values take the writer's word-at-a-time path: each byte that needs an escape (and its neighbours that
        // do not) at every position of every length up to 16.
        let specials: [UInt8] = [0x00, 0x01, 0x08, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F]
        for count in 1...16 {
            for position in 0..<count {
                for special in specials {
                    var bytes = Array("ABCDEFGHIJKLMNOP".utf8.prefix(count))
                    bytes[position] = special
                    let text = String(decoding: bytes, as: UTF8.self)
                    let json = BusinessDocument.purchaseOrder(Self.minimalOrder { $0.number = text })
                        .encodeCanonicalJSON()
                    let written = String(decoding: json, as: UTF8.self)
                    #expect(written.contains(#""number":""# + Self.escaped(bytes) + #"","#), "\(count) \(position)")
                }
            }
        }
        for count in 0...16 {
            let text = String(repeating: "9", count: count)
            let json = BusinessDocument.purchaseOrder(Self.minimalOrder { $0.number = text }).encodeCanonicalJSON()
            #expect(String(decoding: json, as: UTF8.self).contains(#""number":""# + text + #"","#))
        }
    }

    /// The canonical escape of ASCII bytes, spelled out.
    private static func escaped(_ bytes: [UInt8]) -> String {
        let named: [UInt8: String] = [
            0x22: "\\\"", 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x08: "\\b", 0x0C: "\\f",
        ]
        return bytes.map { byte in
            if let name = named[byte] { return name }
            if byte < 0x20 { return "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16) }
            return String(UnicodeScalar(byte))
        }.joined()
    }

    @Test func leavesOutEmptyArraysAndEmptyExtensions() {
        let order = Self.minimalOrder {
            $0.lines = [PurchaseOrderLine(lineNumber: nil, quantity: 1, unit: .each)]
            $0.extensions = Extensions()
            $0.notes = []
        }
        let written = String(decoding: BusinessDocument.purchaseOrder(order).encodeCanonicalJSON(), as: UTF8.self)
        #expect(written.contains(#""lines":[{"quantity":"1","unit":"each"}]"#))
        #expect(!written.contains("extensions"))
        #expect(!written.contains("notes"))
        #expect(!written.contains("null"))
    }

    @Test func sortsExtensionKeysByTheirBytes() {
        let order = Self.minimalOrder {
            $0.extensions = ["b": "2", "B": "1", "a": "3", "ä": "4", "A10": "5", "A9": "6"]
        }
        let written = String(decoding: BusinessDocument.purchaseOrder(order).encodeCanonicalJSON(), as: UTF8.self)
        #expect(written.contains(#""extensions":{"A10":"5","A9":"6","B":"1","a":"3","b":"2","ä":"4"}"#))
    }

    @Test func writesOneDocumentPerLine() throws {
        var writer = CanonicalJSONWriter(reservingCapacity: 1024)
        let first = BusinessDocument.purchaseOrder(Self.minimalOrder())
        let second = BusinessDocument.purchaseOrder(Self.minimalOrder { $0.number = "2" })
        writer.write(first)
        writer.write(second)
        let lines = writer.bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(Array(lines[0]) == first.encodeCanonicalJSON())
        #expect(Array(lines[1]) == second.encodeCanonicalJSON())
        #expect(lines[2].isEmpty)
    }

    @Test func sameDocumentSameBytes() {
        // Dictionaries (extensions) hash differently in each process and each instance; the output must not.
        let bytes = BusinessDocument.purchaseOrder(Samples.purchaseOrder).encodeCanonicalJSON()
        for _ in 0..<20 {
            let copy = Samples.purchaseOrder
            #expect(BusinessDocument.purchaseOrder(copy).encodeCanonicalJSON() == bytes)
        }
    }
}
