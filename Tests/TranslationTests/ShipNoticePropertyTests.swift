import Foundation
import Orders
import Testing
import Translation
import X12

/// Random ship notices, built from a seed, come back from X12 as they went in.
@Suite("856 X12 codec, random notices")
struct ShipNoticePropertyTests {
    /// The seeds of the cases: each builds one notice per version.
    static let seeds: [UInt64] = Array(1...200)

    @Test("a random notice → X12 → notice is the same notice, in 004010 and 005010", arguments: seeds)
    func roundTrip(seed: UInt64) throws {
        for version in ShipNoticeCodecTests.versions {
            var random = RandomDocuments(seed: seed, version: version)
            let notice = random.shipNotice(version: version)
            let bytes = try X12ShipNoticeEncoder().encodeInterchange(notice)
            let results = try ShipNoticeCodecTests.decode(bytes)
            try #require(results.count == 1, "seed \(seed): \(String(decoding: bytes, as: UTF8.self))")
            #expect(
                results[0].shipNotice == notice,
                "seed \(seed), \(version)\n\(ShipNoticeCodecTests.json(notice))\n≠\n\(results[0].shipNotice.map(ShipNoticeCodecTests.json) ?? "nil: \(results[0].findings)")\n\(String(decoding: bytes, as: UTF8.self))"
            )
            #expect(results[0].findings.allSatisfy { $0.severity != .error }, "seed \(seed): \(results[0].findings)")
        }
    }

    @Test("the same seed builds the same notice")
    func deterministic() {
        var first = RandomDocuments(seed: 42, version: "004010")
        var second = RandomDocuments(seed: 42, version: "004010")
        #expect(first.shipNotice(version: "004010") == second.shipNotice(version: "004010"))
    }
}

/// Random ship notices that X12 can carry: every value in a typed field the 856 has, at most one identifier per
/// party (N1 holds one), order dates without a time (PRF04), an order line in LIN only beside an SN101, no notes
/// (the 856 has no place for them), and levels nested at most three deep under an order.
extension RandomDocuments {
    mutating func shipNotice(version: String) -> ShipNotice {
        ShipNotice(
            envelope: self.envelope(version: version), purpose: self.coded(), shipmentID: self.text(2...30),
            noticeDate: DateTime(date: self.date(), time: self.time()),
            hierarchyStructure: self.maybe { $0.pick(["0001", "0002", "0004"]) },
            dates: self.list(0...3) { $0.shipmentDate() }, carriers: self.list(0...2) { $0.shipmentCarrier() },
            equipment: self.list(0...2) { $0.shipmentEquipment() }, lading: self.list(0...2) { $0.shipmentLading() },
            fob: self.maybe { $0.shipmentFOB() }, parties: self.list(0...3) { $0.shipmentParty() },
            references: self.list(0...3) { $0.shipmentReference() }, orders: self.list(0...3) { $0.shippedOrder() },
            totals: self.maybe {
                OrderTotals(lineCount: $0.int(1...999_999), hashTotal: $0.maybe { $0.shippedQuantity() })
            }, contacts: self.list(0...2) { $0.contact() })
    }

    private mutating func shippedOrder() -> ShipNoticeOrder {
        ShipNoticeOrder(
            orderNumber: self.text(1...22), releaseNumber: self.maybe { $0.text(1...30) },
            changeSequence: self.maybe { $0.digits(1...8) }, orderDate: self.maybe { DateTime(date: $0.date()) },
            dates: self.list(0...2) { $0.shipmentDate() }, parties: self.list(0...2) { $0.shipmentParty() },
            references: self.list(0...2) { $0.shipmentReference() },
            packs: self.list(0...2) { $0.shippedPack(depth: 0) },
            items: self.list(0...3) { $0.shippedItem(depth: 0) })
    }

    private mutating func shippedPack(depth: Int) -> ShipNoticePack {
        ShipNoticePack(
            level: self.pick(PackLevel.namedValues),
            marks: self.list(0...2) { ShippingMark($0.coded(), $0.digits(1...20)) },
            pack: self.maybe { $0.shippedPackDetails() },
            packs: depth < 2 ? self.list(0...2) { $0.shippedPack(depth: depth + 1) } : [],
            items: self.list(0...3) { $0.shippedItem(depth: depth + 1) })
    }

    private mutating func shippedItem(depth: Int) -> ShipNoticeItem {
        let lineNumber = self.maybe { $0.digits(1...6) }
        var items = self.list(0...3) { random in
            ItemIdentifier(
                random.pick(ItemIdentifierKind.namedValues.filter { $0 != .purchaserOrderLine }), random.text(1...30))
        }
        // An order line in LIN stands for a missing SN101, so it comes only with a line number (the same or not).
        if let lineNumber, self.chance(30) {
            items.insert(ItemIdentifier(.purchaserOrderLine, self.chance(50) ? lineNumber : self.digits(1...6)), at: 0)
        }
        return ShipNoticeItem(
            lineNumber: lineNumber, shipNoticeLineNumber: self.maybe { $0.digits(1...6) }, items: items,
            quantity: self.shippedQuantity(), unit: self.coded(),
            quantityShippedToDate: self.maybe { $0.shippedQuantity() },
            orderedQuantity: self.maybe { $0.shippedQuantity() }, orderedUnit: self.maybe { $0.coded() },
            status: self.maybe { $0.coded() },
            descriptions: self.list(0...2) { random in
                ItemDescription(random.text(1...80), language: random.maybe { $0.pick(["EN", "FR", "ES"]) })
            }, pack: self.maybe { $0.shippedPackDetails() },
            packs: depth < 2 && self.chance(25) ? [self.shippedPack(depth: depth + 1)] : [])
    }

    private mutating func shipmentDate() -> QualifiedDate {
        let time = self.maybe { $0.time() }
        return QualifiedDate(
            self.coded(), self.date(), time: time,
            zone: time == nil ? nil : self.maybe { TimeZoneDesignator($0.pick(["ET", "PT", "UT", "13"])) })
    }

    private mutating func shipmentCarrier() -> CarrierRouting {
        CarrierRouting(
            routingSequence: self.maybe { $0.pick(["B", "O"]) },
            carrier: PartyIdentifier(self.coded(), self.string(Self.alphanumeric, 2...10)),
            carrierName: self.maybe { $0.text(1...35) }, transportMethod: self.maybe { $0.coded() },
            serviceLevels: self.list(0...3) { $0.coded() })
    }

    private mutating func shipmentEquipment() -> Equipment {
        Equipment(
            code: self.pick(["TL", "CN", "TV"]), initial: self.maybe { $0.string(Self.upper, 1...4) },
            number: self.maybe { $0.digits(1...10) }, sealNumber: self.maybe { $0.text(2...15) })
    }

    private mutating func shipmentLading() -> LadingDetail {
        LadingDetail(
            packagingCode: self.pick(["CTN25", "PLT94", "BOX"]), ladingQuantity: self.maybe { $0.int(1...9_999_999) },
            weightQualifier: self.maybe { $0.coded() }, weight: self.maybe { $0.shippedQuantity() },
            weightUnit: self.maybe { $0.coded() }, volume: self.maybe { $0.shippedQuantity() },
            volumeUnit: self.maybe { $0.coded() })
    }

    private mutating func shipmentFOB() -> FOBTerms {
        FOBTerms(
            paymentMethod: self.coded(), locationQualifier: self.maybe { $0.pick(["OR", "DE", "PB"]) },
            locationDescription: self.maybe { $0.text(1...60) },
            incoterms: self.maybe { $0.pick(["FOB", "EXW", "DDP"]) })
    }

    private mutating func shipmentParty() -> Party {
        var address: Address?
        if self.chance(50) {
            address = Address(
                lines: self.list(1...3) { $0.text(1...55) }, city: self.maybe { $0.text(2...30) },
                stateOrProvince: self.maybe { $0.string(Self.upper, 2...2) },
                postalCode: self.maybe { $0.digits(5...9) }, country: self.maybe { $0.pick(["US", "CA", "MX"]) },
                countrySubdivision: self.maybe { $0.string(Self.upper, 1...3) })
        }
        return Party(
            role: self.coded(), name: self.maybe { $0.text(1...60) },
            additionalNames: self.list(0...3) { $0.text(1...60) },
            identifiers: self.list(0...1) { PartyIdentifier($0.coded(), $0.text(2...20)) }, address: address,
            contacts: self.list(0...2) { random in
                Contact(
                    function: random.coded(), name: random.maybe { $0.text(1...30) },
                    communications: random.list(0...3) { Communication($0.coded(), $0.text(3...40)) })
            }, references: self.list(0...2) { $0.shipmentReference() })
    }

    private mutating func shipmentReference() -> Reference {
        Reference(self.coded(), self.text(1...30), description: self.maybe { $0.text(1...80) })
    }

    private mutating func shippedPackDetails() -> PackDetails {
        PackDetails(
            pack: self.shippedQuantity(), size: self.maybe { $0.shippedQuantity() },
            sizeUnit: self.maybe { $0.coded() },
            packagingCode: self.maybe { $0.pick(["CTN25", "BOX", "PLT94"]) },
            weight: self.maybe { $0.shippedQuantity() }, weightUnit: self.maybe { $0.coded() })
    }

    /// A positive number as X12 R elements carry it: `7`, `12.5`, `0.25`, `1200.50`.
    private mutating func shippedQuantity() -> DecimalNumber {
        let whole = self.number(0...99_999)
        let text = self.chance(50) ? whole : "\(whole).\(self.digits(1...2))"
        return DecimalNumber(text) ?? 1
    }
}
