import Foundation
import Orders
import Testing

/// The byte-level shortcuts of the model (small ASCII strings, the writer's own buffer) give what the general
/// paths give.
@Suite struct FastPathTests {
    @Test func smallStringsAreLaidOutAsPacked() {
        // The constant check on the hot path agrees with the full check of every length.
        #expect(ASCIIText.packsSmallStrings == ASCIIText.verifiedSmallStringLayout)
        #if _endian(little) && _pointerBitWidth(_64)
            // On the 64-bit machines Porter runs on the fast path is on: a runtime that laid small strings out
            // otherwise would turn it off silently (decoding about a fifth slower), and this says so.
            #expect(ASCIIText.verifiedSmallStringLayout)
        #endif
    }

    @Test func asciiTextIsTheDecodedString() {
        let samples = [
            "", "A", "EA", "8.09", "RH-52560", "622564265055", "ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNOP",
            "COZY PHOTO FRAME IVORY 8X10 IN", "é", "caf\u{E9}", "12345678901234\u{E9}", "\u{7F}~*>", "a\u{0}b",
        ]
        for sample in samples {
            let bytes = Array(sample.utf8)
            let text = bytes.withUnsafeBufferPointer { ASCIIText.string($0) }
            #expect(text == sample)
            #expect(Array(text.utf8) == bytes)
            #expect(text.count == sample.count)
            #expect(text.hashValue == sample.hashValue)
        }
        // Invalid UTF-8 is repaired as `String(decoding:as:)` repairs it.
        let invalid: [UInt8] = [0x41, 0xFF, 0x42]
        #expect(
            invalid.withUnsafeBufferPointer { ASCIIText.string($0) } == String(decoding: invalid, as: UTF8.self))
    }

    @Test func aCopiedWriterKeepsItsOwnBytes() {
        var first = CanonicalJSONWriter()
        first.write(.purchaseOrder(WriterTests.minimalOrder()))
        var second = first
        second.write(.purchaseOrder(WriterTests.minimalOrder { $0.number = "2" }))
        first.write(.purchaseOrder(WriterTests.minimalOrder { $0.number = "3" }))
        let one = BusinessDocument.purchaseOrder(WriterTests.minimalOrder()).encodeCanonicalJSON() + [0x0A]
        let two = BusinessDocument.purchaseOrder(WriterTests.minimalOrder { $0.number = "2" }).encodeCanonicalJSON()
        let three = BusinessDocument.purchaseOrder(WriterTests.minimalOrder { $0.number = "3" }).encodeCanonicalJSON()
        #expect(first.bytes == one + three + [0x0A])
        #expect(second.bytes == one + two + [0x0A])
        var third = second
        third.removeAll()
        #expect(third.bytes.isEmpty)
        #expect(second.bytes == one + two + [0x0A])
    }

    @Test func aLargeDocumentGrowsTheBuffer() throws {
        let order = WriterTests.minimalOrder { order in
            order.lines = (1...500).map { number in
                PurchaseOrderLine(
                    lineNumber: "\(number)", quantity: 12, unit: "EA", unitPrice: "8.09",
                    descriptions: [ItemDescription(String(repeating: "X\u{1}\"", count: number))])
            }
        }
        let bytes = BusinessDocument.purchaseOrder(order).encodeCanonicalJSON()
        #expect(bytes.count > 64 * 1024)
        #expect(try BusinessDocument.decode(json: bytes) == .purchaseOrder(order))
    }
}
