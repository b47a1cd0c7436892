import Foundation
import Orders
import Testing
import Translation
import X12

/// Goldens for the 850, 855 and 860 fixtures in each version beside the first ones (`GoldenTests` and the codec
/// suites): each decodes to exactly its JSON, with its key values asserted as typed values.
@Suite("X12 goldens in 004010 and 005010")
struct VersionGoldenTests {
    /// The one document of a fixture, decoded without findings, and its canonical JSON matching the golden.
    static func decode(_ name: String) throws -> BusinessDocument {
        let bytes = try TranslationFixtures.bytes(TranslationFixtures.x12.appending(path: "\(name).edi"))
        var reader = X12DocumentReader(source: MemoryByteSource(bytes), sourceName: name)
        var documents: [BusinessDocument] = []
        while let event = try reader.next() {
            switch event {
            case .document(let set):
                #expect(set.findings.isEmpty, "\(name): \(set.findings)")
                documents.append(try #require(set.document))
            case .finding(let finding): #expect(finding.severity == .info, "\(name): \(finding)")
            case .skipped(let header): Issue.record("\(name): \(header.identifier) skipped")
            }
        }
        try #require(documents.count == 1)
        let golden = try TranslationFixtures.bytes(TranslationFixtures.json.appending(path: "\(name).json"))
        #expect(
            String(decoding: documents[0].encodeCanonicalJSON() + [0x0A], as: UTF8.self)
                == String(decoding: golden, as: UTF8.self), "\(name)")
        return documents[0]
    }

    @Test func industrial850In005010() throws {
        guard case .purchaseOrder(let order) = try Self.decode("850/005010-industrial") else {
            Issue.record("not a purchase order")
            return
        }
        #expect(order.envelope.version == "005010")
        #expect(order.number == "CF-PO-118204")
        #expect(order.lines.map(\.quantity) == ["40", "600", "12"])
        #expect(order.lines.map(\.unitPrice) == ["38.6", "3.15", "64"])
        #expect(order.lines[0].schedules.count == 2)
        #expect(order.allowancesCharges.map(\.amount) == ["85.00", "125.00"], "SAC05 has two implied decimals")
        #expect(order.totals?.lineCount == 3)
        #expect(order.notes.first?.lines.count == 2, "MTX lines")
    }

    @Test func dropship850In004010() throws {
        guard case .purchaseOrder(let order) = try Self.decode("850/004010-dropship") else {
            Issue.record("not a purchase order")
            return
        }
        #expect(order.orderType == .dropship)
        #expect(order.number == "PCO-55190347")
        #expect(order.parties.map(\.role).contains(.shipFrom))
        #expect(order.lines.map(\.unitPrice) == ["89", "14.5"])
    }

    @Test func rejected855In005010() throws {
        guard case .orderAcknowledgment(let acknowledgment) = try Self.decode("855/005010-rejected") else {
            Issue.record("not an acknowledgment")
            return
        }
        #expect(acknowledgment.acknowledgmentType == .rejected)
        #expect(acknowledgment.orderNumber == "CF-PO-118377")
        #expect(acknowledgment.sellerOrderNumber == "IFS-ACK-5531")
        #expect(acknowledgment.notes.first?.title == "REJECT REASON")
        #expect(acknowledgment.lines.isEmpty)
    }

    @Test func accepted855In004010() throws {
        guard case .orderAcknowledgment(let acknowledgment) = try Self.decode("855/004010-accepted") else {
            Issue.record("not an acknowledgment")
            return
        }
        #expect(acknowledgment.acknowledgmentType == .accepted)
        #expect(acknowledgment.lines.map(\.quantity) == ["48", "36", "120"])
        #expect(acknowledgment.lines.flatMap(\.statuses).allSatisfy { $0.status == .accepted })
        #expect(acknowledgment.extensions.values.isEmpty)
    }

    @Test func cancellation860In005010() throws {
        guard case .orderChange(let change) = try Self.decode("860/005010-cancel") else {
            Issue.record("not a change")
            return
        }
        #expect(change.purpose == .cancellation)
        #expect(change.orderNumber == "CF-PO-118377")
        #expect(change.changeSequence == "2")
    }
}
