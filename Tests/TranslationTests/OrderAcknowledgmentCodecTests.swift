import Foundation
import Orders
import Testing
import Translation
import X12

/// The 855 codec: X12 → ``OrderAcknowledgment`` → X12, against the golden JSON, the fixtures and the 850 it answers.
@Suite("855 X12 codec")
struct OrderAcknowledgmentCodecTests {
    static let folder = TranslationFixtures.x12.appending(path: "855")

    /// The 855 interchanges under `Fixtures/x12/855`.
    static let fixtureNames: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".edi") }.sorted()
    }()

    /// The public 855s read in place, with their order numbers and line counts (one set per file).
    static let publicFixtures: [String: (orderNumber: String, lineCount: Int)] = [
        "nx12__855.edi": ("POTEST1112", 4),
        "sped__004010X358_SC855_basic-po-ack-accepted.edi": ("XX-1234", 0),
        "sped__004010X358_SC855_basic-po-ack-rejected.edi": ("XX-1234", 0),
        "sped__004010X358_SC855_po-ack-minor-changes.edi": ("XX-1234", 3),
        "sped__004010X358_SC855_po-ack-ship-details.edi": ("XX-1234", 3),
        "sped__004010_PR855_pass_1.edi": ("1D711419", 1),
        // A wrapped ISA and three-letter units: the reader recovers, and `DZN` travels as sent.
        "sped__004010_PR855_fail_2.edi": ("8000000418", 2),
    ]

    static func decode(_ bytes: [UInt8], sourceName: String? = nil) throws -> [X12OrderAcknowledgmentDecoding] {
        try X12OrderAcknowledgmentDecoder.decodeAll(from: MemoryByteSource(bytes), sourceName: sourceName)
    }

    static func decode(_ url: URL) throws -> [X12OrderAcknowledgmentDecoding] {
        try Self.decode(try TranslationFixtures.bytes(url), sourceName: url.lastPathComponent)
    }

    static func json(_ acknowledgment: OrderAcknowledgment) -> String {
        String(decoding: BusinessDocument.orderAcknowledgment(acknowledgment).encodeCanonicalJSON(), as: UTF8.self)
    }

    /// Writes an acknowledgment with the standard delimiters, or `*` `>` `~` when its data holds `:` or `^`.
    static func encode(_ acknowledgment: OrderAcknowledgment) throws -> [UInt8] {
        do {
            return try X12OrderAcknowledgmentEncoder().encodeInterchange(acknowledgment)
        } catch let error where error.code == .delimiterInData {
            let delimiters = X12Delimiters(
                element: UInt8(ascii: "*"), component: UInt8(ascii: ">"), repetition: nil, segment: [UInt8(ascii: "~")])
            return try X12OrderAcknowledgmentEncoder().encodeInterchange(acknowledgment, delimiters: delimiters)
        }
    }

    /// Decodes, encodes each acknowledgment in an interchange of its own, decodes again and compares.
    static func roundTrip(_ url: URL) throws -> [OrderAcknowledgment] {
        var acknowledgments: [OrderAcknowledgment] = []
        for result in try Self.decode(url) {
            let acknowledgment = try #require(result.acknowledgment, "\(url.lastPathComponent): \(result.findings)")
            let bytes = try Self.encode(acknowledgment)
            let again = try Self.decode(bytes)
            try #require(again.count == 1, "\(url.lastPathComponent): \(String(decoding: bytes, as: UTF8.self))")
            #expect(
                again[0].acknowledgment == acknowledgment,
                "\(url.lastPathComponent)\n\(Self.json(acknowledgment))\n≠\n\(again[0].acknowledgment.map(Self.json) ?? "nil")\n\(String(decoding: bytes, as: UTF8.self))"
            )
            acknowledgments.append(acknowledgment)
        }
        return acknowledgments
    }

    static func changes() throws -> OrderAcknowledgment {
        let results = try Self.decode(Self.folder.appending(path: "004010-changes.edi"))
        try #require(results.count == 1)
        #expect(results[0].findings.isEmpty, "\(results[0].findings)")
        return try #require(results[0].acknowledgment)
    }

    static func date(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: 2025, month: month, day: day)! }

    // MARK: Golden

    @Test("004010-changes.edi decodes to exactly its golden JSON")
    func golden() throws {
        let acknowledgment = try Self.changes()
        let golden = try TranslationFixtures.bytes(TranslationFixtures.json.appending(path: "855/004010-changes.json"))
        #expect(Self.json(acknowledgment) + "\n" == String(decoding: golden, as: UTF8.self))
    }

    @Test("the decoded 855 has typed header values")
    func typedHeader() throws {
        let acknowledgment = try Self.changes()
        #expect(acknowledgment.orderNumber == "HME-BR-20931")
        #expect(acknowledgment.purpose == .original)
        #expect(acknowledgment.acknowledgmentType == .acceptedWithChanges)
        #expect(acknowledgment.orderDate == DateTime(date: Self.date(3, 12)))
        #expect(acknowledgment.acknowledgmentDate == DateTime(date: Self.date(3, 13)))
        #expect(acknowledgment.releaseNumber == "0007")
        #expect(acknowledgment.sellerOrderNumber == "QCW-SO-77120")
        #expect(acknowledgment.envelope.version == "004010")
        #expect(acknowledgment.notes.first?.lines.count == 2)
        #expect(acknowledgment.parties.first?.role == .shipTo)
        #expect(acknowledgment.totals?.lineCount == 4)
        #expect(acknowledgment.totals?.hashTotal?.value == 830)
        #expect(acknowledgment.extensions.isEmpty)
    }

    @Test("the decoded 855 has typed line statuses, quantities, prices and dates")
    func typedLines() throws {
        let lines = try Self.changes().lines
        try #require(lines.count == 4)
        #expect(lines.map(\.lineNumber) == ["1", "2", "3", "4"])
        #expect(
            lines.map { $0.statuses.map(\.status) } == [
                [.quantityChanged], [.priceChanged], [.rejected], [.accepted, .backordered],
            ])
        // Line 1: 500 ft ordered, 400 confirmed.
        #expect(lines[0].quantity?.value == Decimal(500))
        #expect(lines[0].unit == .foot)
        #expect(lines[0].statuses[0].quantity?.value == Decimal(400))
        #expect(lines[0].statuses[0].unit == .foot)
        #expect(lines[0].statuses[0].dates == [QualifiedDate(.scheduledShip, Self.date(3, 19))])
        // Line 2: the CTP*CUP price lands on the price-changing status.
        #expect(lines[1].unitPrice?.value == Decimal(string: "2.06"))
        #expect(lines[1].statuses[0].unitPrice?.value == Decimal(string: "2.19"))
        #expect(lines[1].statuses[0].unitPrice?.text == "2.19")
        #expect(lines[1].priceBasis == .perEach)
        // Line 3: rejected, no date.
        #expect(lines[2].statuses[0].quantity?.value == Decimal(20))
        #expect(lines[2].statuses[0].unit == .package)
        #expect(lines[2].statuses[0].dates.isEmpty)
        // Line 4: 24 now, 36 backordered to 9 April.
        #expect(lines[3].statuses.map { $0.quantity?.value } == [Decimal(24), Decimal(36)])
        #expect(lines[3].statuses[1].dates == [QualifiedDate(.scheduledShip, Self.date(4, 9))])
        #expect(
            lines[3].items == [ItemIdentifier(.buyerPart, "HME-FUS-ATC15"), ItemIdentifier(.vendorPart, "QCW-ATC15")])
        for line in lines {
            #expect(line.extensions.isEmpty)
            for status in line.statuses { #expect(status.unitPrice == nil || status.status == .priceChanged) }
        }
    }

    // MARK: Round trips

    @Test("every Fixtures/x12/855 file round-trips", arguments: Self.fixtureNames)
    func fixture(name: String) throws {
        let acknowledgments = try Self.roundTrip(Self.folder.appending(path: name))
        try #require(acknowledgments.count == 1)
        let expected: [String: (AcknowledgmentType, String, Int)] = [
            "004010-accepted.edi": (.accepted, "BO-7734210", 3),
            "004010-changes.edi": (.acceptedWithChanges, "HME-BR-20931", 4),
            "005010-rejected.edi": (.rejected, "CF-PO-118377", 0),
        ]
        let (type, number, lineCount) = try #require(expected[name])
        #expect(acknowledgments[0].acknowledgmentType == type)
        #expect(acknowledgments[0].orderNumber == number)
        #expect(acknowledgments[0].lines.count == lineCount)
    }

    @Test("the 005010 reject keeps its reason in an MTX note")
    func rejected() throws {
        let results = try Self.decode(Self.folder.appending(path: "005010-rejected.edi"))
        let acknowledgment = try #require(results.first?.acknowledgment)
        #expect(results[0].findings.isEmpty, "\(results[0].findings)")
        #expect(acknowledgment.envelope.version == "005010")
        #expect(acknowledgment.notes.first?.title == "REJECT REASON")
        #expect(acknowledgment.notes.first?.lines.first?.hasPrefix("Ship-to account CF-MKE2") == true)
        #expect(acknowledgment.extensions.values == ["N9[1]/MTX[1]01": "GEN"])
        #expect(acknowledgment.parties.map(\.role) == [.buyer, .seller])
        let bytes = try X12OrderAcknowledgmentEncoder().encodeInterchange(acknowledgment)
        #expect(String(decoding: bytes, as: UTF8.self).contains("MTX*GEN*Ship-to account"))
    }

    @Test("every readable public 855 round-trips", arguments: Self.publicFixtures.keys.sorted())
    func publicFixture(name: String) throws {
        let url = TranslationFixtures.publicX12.appending(path: name)
        try #require(FileManager.default.fileExists(atPath: url.path), "\(url.path) is missing")
        let acknowledgments = try Self.roundTrip(url)
        let expected = try #require(Self.publicFixtures[name])
        #expect(acknowledgments.map(\.orderNumber) == [expected.orderNumber])
        #expect(acknowledgments.map(\.lines.count) == [expected.lineCount])
    }

    @Test("the public substitution and split ACKs are typed")
    func publicStatuses() throws {
        let url = TranslationFixtures.publicX12.appending(path: "sped__004010X358_SC855_po-ack-minor-changes.edi")
        let acknowledgment = try #require(try Self.decode(url).first?.acknowledgment)
        let statuses = acknowledgment.lines[0].statuses
        #expect(statuses.map(\.status) == [.priceChanged, .dateRescheduled, .quantityChanged, .substituted])
        #expect(statuses[1].dates.map(\.date) == [CalendarDate(year: 2017, month: 5, day: 20)!])
        #expect(statuses[2].quantity == 20)
        #expect(statuses[3].items == [ItemIdentifier(.manufacturerPart, "XX-1234-A")])
        // CTP*​*CAT is not a confirmed price: kept whole.
        #expect(acknowledgment.lines[0].extensions["CTP[1]"] == "segment")
        #expect(statuses[0].unitPrice == nil)
    }

    // MARK: Encoding

    @Test("an acknowledgment written into a caller's group")
    func writeIntoGroup() throws {
        let acknowledgment = try Self.changes()
        let sink = MemoryByteSink()
        var writer = try X12Writer(
            sink: sink, delimiters: .standard, lineEnding: .lf, controlNumbers: SequentialControlNumbers())
        try writer.beginInterchange(
            X12InterchangeEnvelope(
                senderQualifier: "ZZ", senderID: "QUILLONCW", receiverQualifier: "ZZ", receiverID: "HARBORLINEME",
                date: "250313", time: "1608", version: "00401", acknowledgmentRequested: false, usage: "P",
                controlNumber: 9))
        try writer.beginGroup(
            X12GroupEnvelope(
                functionalIdentifier: "PR", senderCode: "QUILLONCW", receiverCode: "HARBORLINEME", date: "20250313",
                time: "1608", version: "004010", controlNumber: 9))
        try X12OrderAcknowledgmentEncoder().write(acknowledgment, to: &writer, controlNumber: "0001")
        try X12OrderAcknowledgmentEncoder().write(acknowledgment, to: &writer, controlNumber: "0002")
        try writer.endGroup()
        try writer.endInterchange()
        let text = String(decoding: sink.bytes, as: UTF8.self)
        #expect(text.contains("BAK*00*AC*HME-BR-20931*20250312*0007***QCW-SO-77120*20250313~"))
        #expect(text.contains("CTP**CUP*2.19~"))
        #expect(text.contains("ACK*IB*36*EA*068*20250409~"))
        let again = try Self.decode(sink.bytes)
        #expect(again.count == 2)
        var expected = acknowledgment
        expected.envelope = try #require(again.first?.acknowledgment?.envelope)
        #expect(again.first?.acknowledgment == expected)
    }

    @Test("dates beyond ACK04/ACK05 go to DTM in the ACK loop")
    func extraDates() throws {
        var acknowledgment = try Self.changes()
        acknowledgment.lines[3].statuses[1].dates.append(QualifiedDate(.estimatedDelivery, Self.date(4, 14)))
        let bytes = try X12OrderAcknowledgmentEncoder().encodeInterchange(acknowledgment)
        #expect(String(decoding: bytes, as: UTF8.self).contains("ACK*IB*36*EA*068*20250409~\nDTM*017*20250414~"))
        let again = try #require(try Self.decode(bytes).first?.acknowledgment)
        #expect(again == acknowledgment)
    }

    // MARK: Reconciliation

    @Test("the decoded 855 reconciled with the decoded 850 it answers")
    func reconciliation() throws {
        let acknowledgment = try Self.changes()
        let orders = try TranslationFixtures.decode(
            TranslationFixtures.x12.appending(path: "850/004010-blanket-release.edi"))
        let order = try #require(orders.first?.order)
        #expect(order.number == acknowledgment.orderNumber)
        let discrepancies = acknowledgment.discrepancies(against: order)
        #expect(discrepancies.map(\.kind) == [.quantity, .price, .quantity])
        #expect(discrepancies.map(\.lineNumber) == ["1", "2", "3"])
        #expect(discrepancies[0].ordered == .quantity("500", unit: .foot))
        #expect(discrepancies[0].confirmed == .quantity("400", unit: .foot))
        #expect(discrepancies[1].ordered == .price("2.06"))
        #expect(discrepancies[1].confirmed == .price("2.19"))
        #expect(discrepancies[2].ordered == .quantity("20", unit: .package), "the rejected line")
        #expect(discrepancies[2].confirmed == .quantity("0", unit: .package))
        #expect(acknowledgment.lines[2].statuses.map(\.status.isRejection) == [true])
    }

    /// What cXML confirmations say that X12 has no code for: a `backordered` confirmation is written BAK02 `AC`
    /// (its lines say IB), and the `unknown` remainder of a line is left out (X12 says it by not acknowledging it).
    @Test func cXMLOnlyValuesAreWrittenAsX12SaysThem() throws {
        var acknowledgment = try #require(
            try Self.decode(Self.folder.appending(path: "004010-changes.edi")).first?.acknowledgment)
        acknowledgment.acknowledgmentType = .backordered
        acknowledgment.lines = [acknowledgment.lines[0]]
        acknowledgment.lines[0].statuses = [
            ItemStatus(status: .backordered, quantity: "10", unit: .each),
            ItemStatus(status: .unknown, quantity: "38", unit: .each),
        ]
        let text = String(decoding: try Self.encode(acknowledgment), as: UTF8.self)
        #expect(text.contains("BAK*00*AC*"))
        #expect(text.contains("ACK*IB*10*EA"))
        #expect(!text.contains("unknown") && !text.contains("backordered"))
        let segments = text.split(separator: "\n").map { $0.prefix(4) }
        #expect(segments.filter { $0 == "ACK*" }.count == 1)
    }
}
