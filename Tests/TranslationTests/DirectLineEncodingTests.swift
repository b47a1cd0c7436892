import Orders
import Testing
import Translation
import X12

/// The 850 line as the encoder writes it element by element when nothing is kept in `extensions`: the same
/// segments as the general path, code lists looked up both ways (short codes, names longer than 15 bytes, codes
/// Porter does not name), segments with no data left out.
@Suite struct DirectLineEncodingTests {
    private static func order(_ lines: [PurchaseOrderLine]) -> PurchaseOrder {
        var order = PurchaseOrder(
            envelope: Envelope(
                standard: .x12, sender: EnvelopeIdentity(qualifier: "ZZ", id: "BUYER"),
                receiver: EnvelopeIdentity(qualifier: "ZZ", id: "SUPPLIER")),
            orderType: .standAlone, number: "PO-1",
            orderDate: DateTime(date: CalendarDate(year: 2025, month: 3, day: 4)!))
        order.lines = lines
        return order
    }

    private static func segments(_ order: PurchaseOrder) throws -> [String] {
        let bytes = try X12PurchaseOrderEncoder(version: "004010").encodeInterchange(order)
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { String($0.dropLast()) }
    }

    @Test func writesEveryTypedLineSegmentInOrder() throws {
        var line = PurchaseOrderLine(
            lineNumber: "1", quantity: 12, unit: .each, unitPrice: DecimalNumber("8.09"), priceBasis: .perEach)
        line.items = [ItemIdentifier(.upc, "012345678905"), ItemIdentifier("ZZ", "X-1")]
        line.descriptions = [ItemDescription("RED MUG", language: "EN"), ItemDescription("SECOND")]
        line.pack = PackDetails(
            pack: 48, size: 1, sizeUnit: .each, packagingCode: "CTN25", weight: DecimalNumber("7.2"),
            weightUnit: .pound)
        line.references = [Reference(.vendorOrder, "V-9", description: "NOTE"), Reference("XX", nil)]
        line.dates = [QualifiedDate(.deliveryRequested, CalendarDate(year: 2025, month: 4, day: 1)!)]
        let segments = try Self.segments(Self.order([line]))
        let start = try #require(segments.firstIndex { $0.hasPrefix("PO1*") })
        #expect(
            Array(segments[start..<start + 7]) == [
                "PO1*1*12*EA*8.09*PE*UP*012345678905*ZZ*X-1",
                "PID*F****RED MUG****EN",
                "PID*F****SECOND",
                "PO4*48*1*EA*CTN25**7.2*LB",
                "REF*VN*V-9*NOTE",
                "REF*XX",
                "DTM*002*20250401",
            ])
        let decoded = try #require(
            X12PurchaseOrderDecoder.decodeAll(
                from: MemoryByteSource(
                    try X12PurchaseOrderEncoder(version: "004010").encodeInterchange(Self.order([line])))
            ).first?.order)
        #expect(decoded.lines == [line])
    }

    @Test func keepsCodesPorterDoesNotNameAndLeavesOutEmptySegments() throws {
        var line = PurchaseOrderLine(lineNumber: nil, quantity: 3, unit: "XY")
        line.pack = PackDetails()
        line.references = [Reference("", nil)]
        let segments = try Self.segments(Self.order([line]))
        #expect(segments.contains("PO1**3*XY"))
        #expect(!segments.contains { $0.hasPrefix("PO4") || $0.hasPrefix("REF") })
    }
}
