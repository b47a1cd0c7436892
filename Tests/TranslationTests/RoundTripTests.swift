import Foundation
import Orders
import Testing
import Translation
import X12

/// X12 → order → X12 → order gives the same order.
@Suite("850 round trips")
struct RoundTripTests {
    /// Decodes, encodes each order in an interchange of its own, decodes again and compares.
    static func roundTrip(_ url: URL) throws -> [PurchaseOrder] {
        var orders: [PurchaseOrder] = []
        for result in try TranslationFixtures.decode(url) {
            guard let order = result.order else { continue }
            let bytes = try Self.encode(order)
            let again = try TranslationFixtures.decode(bytes)
            try #require(again.count == 1, "\(url.lastPathComponent): \(String(decoding: bytes, as: UTF8.self))")
            let json = again[0].order.map {
                String(decoding: BusinessDocument.purchaseOrder($0).encodeCanonicalJSON(), as: UTF8.self)
            }
            #expect(
                again[0].order == order,
                "\(url.lastPathComponent) \(order.number)\n\(String(decoding: BusinessDocument.purchaseOrder(order).encodeCanonicalJSON(), as: UTF8.self))\n≠\n\(json ?? "nil")\n\(String(decoding: bytes, as: UTF8.self))"
            )
            orders.append(order)
        }
        return orders
    }

    /// Writes an order with the standard delimiters, or `*` `>` `~` when its data holds `:` or `^`.
    static func encode(_ order: PurchaseOrder) throws -> [UInt8] {
        do {
            return try X12PurchaseOrderEncoder().encodeInterchange(order)
        } catch {
            guard error.code == .delimiterInData else { throw error }
            let delimiters = X12Delimiters(
                element: UInt8(ascii: "*"), component: UInt8(ascii: ">"), repetition: nil, segment: [UInt8(ascii: "~")])
            return try X12PurchaseOrderEncoder().encodeInterchange(order, delimiters: delimiters)
        }
    }

    /// What the order model has no typed field for yet, by fixture: REF04, MTX01.
    static let expectedExtensions: [String: [String: String]] = [
        "005010-industrial.edi": ["REF[1]04-1": "AH", "REF[1]04-2": "AMD-3", "N9[1]/MTX[1]01": "GEN"],
        "005010-multi-set.edi": ["N9[1]/MTX[1]01": "GEN"],
    ]

    @Test("every Fixtures/x12/850 file round-trips", arguments: TranslationFixtures.purchaseOrderNames)
    func fixture(name: String) throws {
        let orders = try Self.roundTrip(TranslationFixtures.x12.appending(path: "850/\(name)"))
        #expect(!orders.isEmpty)
        var kept: [String: String] = [:]
        for order in orders {
            kept.merge(order.extensions.values) { first, _ in first }
            for line in order.lines { #expect(line.extensions.isEmpty, "\(name) line \(line.lineNumber ?? "?")") }
        }
        #expect(kept == Self.expectedExtensions[name, default: [:]])
    }

    @Test("the multi-set interchange gives three orders")
    func multiSet() throws {
        let results = try TranslationFixtures.decode(
            TranslationFixtures.x12.appending(path: "850/005010-multi-set.edi"))
        #expect(results.compactMap { $0.order?.number } == ["SVG-240551", "SVG-240552", "SVG-240553"])
        #expect(results.compactMap { $0.order?.lines.count } == [2, 1, 3])
        #expect(results.compactMap { $0.order?.envelope.transactionControlNumber } == ["0001", "0002", "0003"])
    }

    @Test("005010 notes are written as MTX, 004010 as MSG")
    func noteSegments() throws {
        let retail = try #require(
            try TranslationFixtures.decode(TranslationFixtures.x12.appending(path: "850/004010-retail-sdq.edi")).first?
                .order)
        let as4010 = String(decoding: try X12PurchaseOrderEncoder().encodeInterchange(retail), as: UTF8.self)
        #expect(as4010.contains("MSG*Floor-ready"))
        let as5010 = String(
            decoding: try X12PurchaseOrderEncoder(version: "005010").encodeInterchange(retail), as: UTF8.self)
        #expect(as5010.contains("MTX**Floor-ready"))
        var again = try #require(try TranslationFixtures.decode(Array(as5010.utf8)).first?.order)
        #expect(again.envelope.version == "005010")
        again.envelope.version = retail.envelope.version
        #expect(again == retail)
    }

    @Test("the retail order is written back as its fixture, segment for segment")
    func retailBytes() throws {
        let url = TranslationFixtures.x12.appending(path: "850/004010-retail-sdq.edi")
        let order = try #require(try TranslationFixtures.decode(url).first?.order)
        let written = String(
            decoding: try X12PurchaseOrderEncoder().encodeInterchange(
                order,
                delimiters: X12Delimiters(
                    element: UInt8(ascii: "*"), component: UInt8(ascii: ">"), repetition: nil,
                    segment: [UInt8(ascii: "~")])),
            as: UTF8.self)
        let original = String(decoding: try TranslationFixtures.bytes(url), as: UTF8.self)
        let body = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("ISA") }.map(String.init) }
        #expect(body(written) == body(original))
    }

    @Test("sets written into a caller's group decode back")
    func callerManagedEnvelope() throws {
        let results = try TranslationFixtures.decode(
            TranslationFixtures.x12.appending(path: "850/005010-multi-set.edi"))
        let orders = results.compactMap(\.order)
        let sink = MemoryByteSink()
        var writer = try X12Writer(sink: sink, delimiters: .standard, controlNumbers: SequentialControlNumbers())
        try writer.beginInterchange(
            X12InterchangeEnvelope(
                senderQualifier: "ZZ", senderID: "PORTER", receiverQualifier: "ZZ", receiverID: "PARTNER",
                date: "250305", time: "2215", version: "00501"))
        try writer.beginGroup(
            X12GroupEnvelope(
                functionalIdentifier: "PO", senderCode: "PORTER", receiverCode: "PARTNER", date: "20250305",
                time: "2215", version: "005010"))
        for order in orders { try X12PurchaseOrderEncoder().write(order, to: &writer) }
        try writer.endGroup()
        try writer.endInterchange()
        let decoded = try TranslationFixtures.decode(sink.bytes).compactMap(\.order)
        #expect(decoded.map(\.number) == orders.map(\.number))
        #expect(decoded.map(\.lines) == orders.map(\.lines))
        #expect(decoded.map(\.envelope.sender.id) == ["PORTER", "PORTER", "PORTER"])
    }
}
