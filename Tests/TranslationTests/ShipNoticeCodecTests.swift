import Foundation
import Orders
import Testing
import Translation
import X12

/// The 856 codec: X12 → ``ShipNotice`` → X12, against the golden JSON, the fixtures and the public 856s.
@Suite("856 X12 codec")
struct ShipNoticeCodecTests {
    static let folder = TranslationFixtures.x12.appending(path: "856")

    /// The 856 interchanges under `Fixtures/x12/856`.
    static let fixtureNames: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".edi") }.sorted()
    }()

    /// The public 856s that read as ship notices: shipment identifier, order numbers, items per order.
    static let publicFixtures: [String: (shipmentID: String, orders: [String], items: [Int])] = [
        "nx12__856.edi": ("829716", ["99999817"], [2]),
        "olme__856.Crossdock.OK.edi": ("000009", ["POREF00", "POREF01"], [4, 1]),
        // `$` terminates its segments but three end in `~` and blank lines: the N1 swallows N3, N4 and the HL of
        // the order, so the item's HL02 names no level and the item is kept whole at the top.
        "sped__004010_SH856_fail_2.edi": ("861554", [], []),
    ]

    /// Public 856s that cannot be read as ship notices: 002001 dates (`070101`) are not CCYYMMDD.
    static let unreadablePublicNames = ["sped__002001_SH856_fail_1.edi"]

    static let versions = ["004010", "005010"]

    static func decode(_ bytes: [UInt8], sourceName: String? = nil) throws -> [X12ShipNoticeDecoding] {
        try X12ShipNoticeDecoder.decodeAll(from: MemoryByteSource(bytes), sourceName: sourceName)
    }

    static func decode(_ url: URL) throws -> [X12ShipNoticeDecoding] {
        try Self.decode(try TranslationFixtures.bytes(url), sourceName: url.lastPathComponent)
    }

    static func json(_ notice: ShipNotice) -> String {
        String(decoding: BusinessDocument.shipNotice(notice).encodeCanonicalJSON(), as: UTF8.self)
    }

    /// The delimiters tried in turn: the standard ones, then ones the data of the public files does not hold.
    static let delimiterChoices: [X12Delimiters] = [
        .standard,
        X12Delimiters(
            element: UInt8(ascii: "*"), component: UInt8(ascii: ">"), repetition: nil, segment: [UInt8(ascii: "~")]),
        X12Delimiters(
            element: UInt8(ascii: "*"), component: UInt8(ascii: "{"), repetition: nil, segment: [UInt8(ascii: "$")]),
    ]

    /// Writes a notice in `version` with the first delimiters its data does not hold.
    static func encode(_ notice: ShipNotice, version: String? = nil) throws -> [UInt8] {
        let encoder = X12ShipNoticeEncoder(version: version)
        let attempts = Self.delimiterChoices.map { delimiters in
            Result { () throws(X12Error) in try encoder.encodeInterchange(notice, delimiters: delimiters) }
        }
        let written = attempts.first { (try? $0.get()) != nil } ?? attempts[attempts.count - 1]
        return try written.get()
    }

    /// Encodes `notice` in `version`, decodes it again and compares (the envelope's version aside).
    static func expectRoundTrip(_ notice: ShipNotice, version: String, _ label: String) throws {
        let bytes = try Self.encode(notice, version: version)
        let again = try Self.decode(bytes)
        try #require(again.count == 1, "\(label): \(String(decoding: bytes, as: UTF8.self))")
        var decoded = try #require(again[0].shipNotice, "\(label): \(again[0].findings)")
        #expect(decoded.envelope.version == version)
        decoded.envelope.version = notice.envelope.version
        // The interchange writer takes GS06 as a number: `000000089` comes back as `89`.
        #expect(
            decoded.envelope.groupControlNumber.flatMap { UInt64($0) }
                == notice.envelope.groupControlNumber.flatMap { UInt64($0) })
        decoded.envelope.groupControlNumber = notice.envelope.groupControlNumber
        #expect(
            decoded == notice,
            "\(label) in \(version)\n\(Self.json(notice))\n≠\n\(Self.json(decoded))\n\(String(decoding: bytes, as: UTF8.self))"
        )
    }

    /// Decodes every 856 of a file, checks each round-trips in 004010 and 005010, and returns them.
    static func roundTrip(_ url: URL) throws -> [ShipNotice] {
        var notices: [ShipNotice] = []
        for result in try Self.decode(url) {
            let notice = try #require(result.shipNotice, "\(url.lastPathComponent): \(result.findings)")
            for version in Self.versions { try Self.expectRoundTrip(notice, version: version, url.lastPathComponent) }
            notices.append(notice)
        }
        return notices
    }

    static func notice(_ name: String) throws -> ShipNotice {
        let results = try Self.decode(Self.folder.appending(path: name))
        try #require(results.count == 1)
        #expect(results[0].findings.isEmpty, "\(results[0].findings)")
        return try #require(results[0].shipNotice)
    }

    static func date(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: 2025, month: month, day: day)! }

    /// The extensions of the notice and of every level under it.
    static func allExtensions(_ notice: ShipNotice) -> [Extensions] {
        var result = [notice.extensions]
        var packs: [ShipNoticePack] = []
        var items: [ShipNoticeItem] = []
        for order in notice.orders {
            result.append(order.extensions)
            packs += order.packs
            items += order.items
        }
        while !packs.isEmpty || !items.isEmpty {
            if let pack = packs.popLast() {
                result.append(pack.extensions)
                packs += pack.packs
                items += pack.items
            }
            if let item = items.popLast() {
                result.append(item.extensions)
                packs += item.packs
            }
        }
        return result
    }

    // MARK: Goldens

    @Test("an 856 fixture decodes to exactly its golden JSON, with nothing in extensions", arguments: fixtureNames)
    func golden(name: String) throws {
        let notice = try Self.notice(name)
        let base = String(name.dropLast(".edi".count))
        let golden = try TranslationFixtures.bytes(TranslationFixtures.json.appending(path: "856/\(base).json"))
        #expect(Self.json(notice) + "\n" == String(decoding: golden, as: UTF8.self))
        #expect(Self.allExtensions(notice).allSatisfy { $0.isEmpty })
    }

    @Test("the pick-and-pack notice: shipment, carrier, references, cartons with SSCC-18s, shipped items")
    func pickPack() throws {
        let notice = try Self.notice("004010-pick-pack.edi")
        #expect(notice.purpose == .original)
        #expect(notice.shipmentID == "TKW-ASN-88102")
        #expect(notice.noticeDate == DateTime(date: Self.date(3, 18), time: TimeOfDay(hour: 16, minute: 45)))
        #expect(notice.hierarchyStructure == "0001")
        #expect(
            notice.dates == [
                QualifiedDate(.shipped, Self.date(3, 18)), QualifiedDate(.estimatedDelivery, Self.date(3, 20)),
            ])
        #expect(notice.carriers.map(\.carrier) == [PartyIdentifier(.scac, "KSTL")])
        #expect(notice.carriers.first?.transportMethod == .motorCommonCarrier)
        #expect(notice.carriers.first?.carrierName == "Kestrel Freight Lines")
        #expect(notice.equipment == [Equipment(code: "TL", initial: "KSTL", number: "448102")])
        #expect(notice.lading.first?.ladingQuantity == 4)
        #expect(notice.lading.first?.weight == DecimalNumber("86.4"))
        #expect(notice.lading.first?.weightQualifier == .gross)
        #expect(notice.lading.first?.weightUnit == .pound)
        #expect(notice.billOfLadingNumber == "KSTL00918273")
        #expect(notice.references.value(.carrierReference) == "5520193884")
        #expect(notice.trackingNumbers.isEmpty)
        #expect(notice.fob?.paymentMethod == .prepaid)
        #expect(notice.parties.map(\.role) == [.shipFrom, .shipTo])
        #expect(notice.parties.first?.identifiers == [PartyIdentifier(.duns, "612093384")])
        #expect(notice.totals == OrderTotals(lineCount: 11, hashTotal: 30))

        try #require(notice.orders.count == 1)
        let order = notice.orders[0]
        #expect(order.orderNumber == "BO-7734210")
        #expect(order.orderDate == DateTime(date: Self.date(3, 4)))
        #expect(order.references == [Reference(.department, "118")])
        #expect(order.parties.map(\.role) == [.markFor])
        #expect(order.items.isEmpty)
        #expect(order.packs.map(\.level) == [.pack, .pack, .pack, .pack])
        #expect(
            order.packs.map(\.sscc) == [
                "008451230000104514", "008451230000104521", "008451230000104538", "008451230000104545",
            ])
        #expect(order.packs.map { $0.items.count } == [1, 1, 1, 2])
        #expect(order.packs[0].pack == PackDetails(pack: 6, size: 1, sizeUnit: .each, packagingCode: "CTN25"))
        #expect(order.packs[3].pack == nil)
        let items = order.allItems
        #expect(items.map(\.quantity) == [6, 6, 4, 12, 2])
        #expect(items.map { $0.quantity.value }.reduce(0, +) == 30)
        #expect(items.map(\.unit) == [.each, .each, .each, .each, .each])
        #expect(items.map(\.lineNumber) == ["1", "1", "2", "3", "2"])
        #expect(items.map(\.shipNoticeLineNumber) == ["1", "1", "2", "3", "2"])
        #expect(items[0].items == [ItemIdentifier(.upc, "084512300018"), ItemIdentifier(.vendorItem, "TKW-SK10")])
        #expect(items[0].descriptions == [ItemDescription("Enameled cast iron skillet 10 in sage")])
    }

    @Test("the standard-carton notice: items straight under the order, ordered quantities, a backordered balance")
    func standardCarton() throws {
        let notice = try Self.notice("004010-standard-carton.edi")
        #expect(notice.shipmentID == "QCW-SN-30415")
        #expect(notice.hierarchyStructure == "0004")
        #expect(notice.carriers.map(\.carrier) == [PartyIdentifier(.scac, "PNWC")])
        #expect(notice.billOfLadingNumber == "QCW-BOL-30415")
        #expect(notice.dates == [QualifiedDate(.shipped, Self.date(3, 19))])
        let order = try #require(notice.orders.first)
        #expect(order.orderNumber == "HME-BR-20931")
        #expect(order.releaseNumber == "0007")
        #expect(order.packs.isEmpty)
        #expect(order.items.map(\.lineNumber) == ["1", "2", "4"])
        #expect(order.items.map(\.quantity) == [400, 250, 24])
        #expect(order.items.map(\.unit) == [.foot, .foot, .each])
        #expect(order.items.map(\.orderedQuantity) == [500, 250, 60])
        #expect(order.items.map(\.orderedUnit) == [.foot, .foot, .each])
        #expect(order.items.map(\.status) == [nil, nil, .partialShipmentBalanceBackordered])
        #expect(order.items[0].items.map(\.kind) == [.buyerPart, .vendorPart])
        #expect(order.items[2].pack == PackDetails(pack: 24, size: 1, sizeUnit: .each, packagingCode: "CTN25"))
        #expect(notice.totals == OrderTotals(lineCount: 5, hashTotal: 674))
    }

    @Test("the 005010 multi-order notice: one shipment, two orders, each with its own items")
    func multiOrder() throws {
        let notice = try Self.notice("005010-multi-order.edi")
        #expect(notice.envelope.version == "005010")
        #expect(notice.envelope.interchangeVersion == "00501")
        #expect(notice.shipmentID == "CFP-ASN-071877")
        #expect(notice.equipment == [Equipment(code: "TL", initial: "CSCX", number: "53118")])
        #expect(notice.lading.first?.packagingCode == "PLT94")
        #expect(notice.lading.first?.weight == 1460)
        #expect(notice.billOfLadingNumber == "CFP-BOL-071877")
        #expect(notice.orders.map(\.orderNumber) == ["SVG-240551", "SVG-240553"])
        #expect(notice.orders.map(\.orderDate) == [DateTime(date: Self.date(3, 5)), DateTime(date: Self.date(3, 5))])
        #expect(notice.orders.map { $0.items.map(\.quantity) } == [[40, 25], [30, 8, 15]])
        #expect(notice.orders.map { $0.items.map(\.unit) } == [[.`case`, .`case`], [.`case`, .roll, .`case`]])
        #expect(notice.orders.map { $0.items.compactMap(\.lineNumber) } == [["1", "2"], ["1", "2", "3"]])
        #expect(notice.orders[1].parties.first?.identifiers == [PartyIdentifier(.buyerAssigned, "0031")])
        #expect(notice.orders[1].parties.first?.role == .markFor)
        #expect(notice.totals == OrderTotals(lineCount: 8, hashTotal: 118))
    }

    // MARK: Round trips

    @Test("every Fixtures/x12/856 file round-trips in 004010 and 005010", arguments: fixtureNames)
    func fixtureRoundTrip(name: String) throws {
        let notices = try Self.roundTrip(Self.folder.appending(path: name))
        #expect(notices.count == 1)
    }

    @Test("an interchange of its own reproduces the fixture after ISA", arguments: fixtureNames)
    func reproducesFixture(name: String) throws {
        let url = Self.folder.appending(path: name)
        let original = String(decoding: try TranslationFixtures.bytes(url), as: UTF8.self)
        let delimiters = X12Delimiters(
            element: UInt8(ascii: "*"), component: UInt8(ascii: ">"), repetition: nil, segment: [UInt8(ascii: "~")])
        let written = String(
            decoding: try X12ShipNoticeEncoder().encodeInterchange(try Self.notice(name), delimiters: delimiters),
            as: UTF8.self)
        // The ISA differs (the writer's own component and repetition separators); every other segment is as sent.
        #expect(Array(written.split(separator: "\n").dropFirst()) == Array(original.split(separator: "\n").dropFirst()))
    }

    @Test(
        "a public 856 decodes with its shipment, orders and items and round-trips in both versions",
        arguments: publicFixtures.keys.sorted())
    func publicRoundTrip(name: String) throws {
        let url = TranslationFixtures.publicX12.appending(path: name)
        try #require(FileManager.default.fileExists(atPath: url.path), "\(url.path) is missing")
        let notices = try Self.roundTrip(url)
        let expected = try #require(Self.publicFixtures[name])
        try #require(notices.count == 1)
        #expect(notices[0].shipmentID == expected.shipmentID)
        #expect(notices[0].orders.map(\.orderNumber) == expected.orders)
        #expect(notices[0].orders.map { $0.allItems.count } == expected.items)
    }

    @Test("the broken public 856 keeps its orphaned item level whole, at the top")
    func publicOrphan() throws {
        let url = TranslationFixtures.publicX12.appending(path: "sped__004010_SH856_fail_2.edi")
        let result = try #require(try Self.decode(url).first)
        let notice = try #require(result.shipNotice)
        #expect(notice.extensions["HL[1]03"] == "I")
        #expect(notice.extensions["HL[1]02"] == "")
        #expect(notice.extensions["HL[1]/SN1[2]02"] == "40")
        let finding = try #require(result.findings.first { $0.code == .hierarchyParentMissing })
        #expect(finding.location.segmentID == "HL")
        #expect(finding.location.element == 2)
        #expect(finding.value == "2")
    }

    @Test("an unreadable public 856 gives located findings, not a notice", arguments: unreadablePublicNames)
    func unreadablePublic(name: String) throws {
        let results = try Self.decode(TranslationFixtures.publicX12.appending(path: name))
        #expect(results.count == 2)
        for result in results {
            #expect(result.shipNotice == nil)
            let finding = try #require(result.findings.first { $0.code == .invalidElementDate })
            #expect(finding.location.segmentID == "BSN")
            #expect(finding.location.element == 3)
            #expect(finding.location.transaction != nil)
        }
    }

    @Test("every 856 in the public folder is listed above")
    func everyPublicFileListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TranslationFixtures.publicX12.path)
        var with856: [String] = []
        for file in files.sorted() {
            let results = (try? Self.decode(TranslationFixtures.publicX12.appending(path: file))) ?? []
            if !results.isEmpty { with856.append(file) }
        }
        #expect(with856 == (Self.publicFixtures.keys + Self.unreadablePublicNames).sorted())
    }

    // MARK: Hierarchy

    static let head =
        "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250304*0815*U*00401*000000001*0*P*>~"
        + "GS*SH*SENDER*RECEIVER*20250304*0815*1*X*004010~ST*856*0001~"
    static let tail = "GE*1*1~IEA*1*000000001~"

    /// The set of `body` (BSN onwards) in an interchange, decoded.
    static func decodeBody(_ body: String) throws -> X12ShipNoticeDecoding {
        let count = body.split(separator: "~").count
        return try #require(try Self.decode(Array((Self.head + body + "SE*\(count + 2)*0001~" + Self.tail).utf8)).first)
    }

    @Test("tares holding packs, and packs under items (structure 0002), come back with their HL02 parents")
    func nestedLevels() throws {
        let result = try Self.decodeBody(
            "BSN*00*SN-1*20250304*0815*0002~HL*A**S*1~HL*B*A*O*1~PRF*PO-1~HL*C*B*T*1~MAN*GM*00000000000000000017~"
                + "HL*D*C*P*1~MAN*GM*00000000000000000024~HL*E*D*I*0~LIN**UP*012345678905~SN1*1*5*EA~"
                + "HL*F*B*I*1~LIN**VP*X-1~SN1*2*8*EA~HL*G*F*P*0~MAN*CP*1Z999~PO4*4*2*EA~")
        #expect(result.findings.isEmpty, "\(result.findings)")
        let order = try #require(result.shipNotice?.orders.first)
        #expect(order.packs.map(\.level) == [.tare])
        #expect(order.packs[0].packs.map(\.level) == [.pack])
        #expect(order.packs[0].packs[0].items.map(\.quantity) == [5])
        #expect(order.items.map(\.lineNumber) == ["2"])
        #expect(order.items[0].packs.map(\.marks) == [[ShippingMark(.carrierPackageID, "1Z999")]])
        #expect(order.allItems.map(\.quantity) == [8, 5])
        let notice = try #require(result.shipNotice)
        let written = String(decoding: try X12ShipNoticeEncoder().encodeInterchange(notice), as: UTF8.self)
        let levels = written.split(separator: "\n").filter { $0.hasPrefix("HL*") }
        #expect(
            levels == [
                "HL*1**S*1~", "HL*2*1*O*1~", "HL*3*2*T*1~", "HL*4*3*P*1~", "HL*5*4*I*0~", "HL*6*2*I*1~",
                "HL*7*6*P*0~",
            ])
        for version in Self.versions { try Self.expectRoundTrip(notice, version: version, "nested levels") }
    }

    @Test("levels the model has no place for are kept whole, in order, under the nearest level that has one")
    func keptLevels() throws {
        let result = try Self.decodeBody(
            "BSN*00*SN-1*20250304*0815~HL*1**S*1~HL*2*1*O*1~PRF*PO-1~HL*3*2*I*1~LIN**VP*K-1~SN1**1*EA~"
                + "HL*4*3*I*1~LIN**VP*SUB-1~SN1**2*EA~PID*F****Subline~HL*5*4*F*0~REF*ZZ*X~HL*6*1*P*0~MAN*GM*1~")
        let notice = try #require(result.shipNotice)
        let item = try #require(notice.orders.first?.items.first)
        #expect(item.extensions["HL[1]"] == "segment")
        #expect(item.extensions["HL[1]03"] == "I")
        #expect(item.extensions["HL[1]/LIN[1]03"] == "SUB-1")
        #expect(item.extensions["HL[1]/SN1[2]02"] == "2")
        #expect(item.extensions["HL[1]/PID[3]05"] == "Subline")
        #expect(item.extensions["HL[1]/HL[1]03"] == "F")
        #expect(item.extensions["HL[1]/HL[1]/REF[1]02"] == "X")
        #expect(notice.extensions["HL[1]03"] == "P")
        #expect(notice.extensions["HL[1]/MAN[1]02"] == "1")
        #expect(notice.extensions["HL[1]02"] == nil)
        let located = result.findings.filter { $0.code == .hierarchyLevelOrder }
        #expect(located.map(\.location.segmentPosition) == [9, 15])
        let written = String(decoding: try X12ShipNoticeEncoder().encodeInterchange(notice), as: UTF8.self)
        #expect(
            written.contains(
                "HL*4*3*I*1~\nLIN**VP*SUB-1~\nSN1**2*EA~\nPID*F****Subline~\nHL*5*4*F*0~\nREF*ZZ*X~\nHL*6*1*P*0~\nMAN*GM*1~"
            ))
        for version in Self.versions { try Self.expectRoundTrip(notice, version: version, "kept levels") }
    }

    @Test("an order line in LIN's PL pair stands for a missing SN101, and SN101 is not written twice")
    func orderLineInLIN() throws {
        let result = try Self.decodeBody(
            "BSN*00*SN-1*20250304*0815~HL*1**S*1~HL*2*1*O*1~PRF*PO-1~HL*3*2*I*0~LIN*1*PL*003*VP*A-1~SN1**7*EA~")
        let notice = try #require(result.shipNotice)
        let item = try #require(notice.orders.first?.items.first)
        #expect(item.lineNumber == "003")
        #expect(item.shipNoticeLineNumber == "1")
        let written = String(decoding: try X12ShipNoticeEncoder().encodeInterchange(notice), as: UTF8.self)
        #expect(written.contains("LIN*1*PL*003*VP*A-1~\nSN1**7*EA~"))
        for version in Self.versions { try Self.expectRoundTrip(notice, version: version, "PL line") }
    }

    // MARK: Encoding

    @Test("notices written into a caller's group decode back")
    func writeIntoGroup() throws {
        let notices = try Self.fixtureNames.map { try Self.notice($0) }
        let sink = MemoryByteSink()
        var writer = try X12Writer(sink: sink, delimiters: .standard, controlNumbers: SequentialControlNumbers())
        try writer.beginInterchange(
            X12InterchangeEnvelope(
                senderQualifier: "ZZ", senderID: "PORTER", receiverQualifier: "ZZ", receiverID: "PARTNER",
                date: "250320", time: "0800", version: "00501"))
        try writer.beginGroup(
            X12GroupEnvelope(
                functionalIdentifier: "SH", senderCode: "PORTER", receiverCode: "PARTNER", date: "20250320",
                time: "0800", version: "005010"))
        for (offset, notice) in notices.enumerated() {
            try X12ShipNoticeEncoder().write(notice, to: &writer, controlNumber: String(format: "%04d", offset + 1))
        }
        try writer.endGroup()
        try writer.endInterchange()
        let decoded = try Self.decode(sink.bytes).compactMap(\.shipNotice)
        #expect(decoded.map(\.envelope.transactionControlNumber) == ["0001", "0002", "0003"])
        #expect(decoded.map(\.envelope.sender.id) == ["PORTER", "PORTER", "PORTER"])
        #expect(decoded.map(\.orders) == notices.map(\.orders))
        #expect(decoded.map(\.shipmentID) == notices.map(\.shipmentID))
    }
}
