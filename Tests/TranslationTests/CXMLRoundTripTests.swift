import CXML
import Foundation
import Orders
import Testing
import Translation
import X12

/// X12 → model → cXML → model → X12, and cXML → model → X12 → model → cXML: equal in every field both formats
/// carry, every cXML written valid against its DTD.
@Suite("cXML ⇄ X12 round trips")
struct CXMLRoundTripTests {
    static let options = CXMLEncodingOptions(payloadID: "round-trip@porter.example")

    /// An envelope read from cXML gets its X12 qualifiers back (what `porter translate --to x12` does with
    /// ``CXMLIdentityDomains``), so the X12 writer sees `01`/`ZZ`, not `DUNS`/`NetworkID`.
    static func x12Envelope(_ envelope: Envelope) -> Envelope {
        var envelope = envelope
        envelope.sender.qualifier = envelope.sender.qualifier.flatMap(CXMLIdentityDomains.x12Qualifier(forDomain:))
        envelope.receiver.qualifier = envelope.receiver.qualifier.flatMap(CXMLIdentityDomains.x12Qualifier(forDomain:))
        envelope.standard = .x12
        return envelope
    }

    /// Dates as an X12 DTM carries them: an ISO offset becomes its element 623 code (``CXMLTimeZones``), since the
    /// X12 writer refuses the `:` of `-07:00`; a time keeps its hours, minutes and seconds.
    static func x12Dates(_ dates: [QualifiedDate]) -> [QualifiedDate] {
        dates.map { date in
            var date = date
            date.zone = date.zone.map { CXMLTimeZones.x12Code($0).map(TimeZoneDesignator.init(rawValue:)) ?? $0 }
            return date
        }
    }

    // MARK: 850 → OrderRequest → 850

    /// An order with only what both X12 850 and cXML OrderRequest carry.
    ///
    /// Compared loosely, because cXML has no place for them (each is a `notCarried` note or a default when
    /// written): the X12 envelope (control numbers, versions, GS codes and date, the TA1 flag: cXML's payloadID and
    /// timestamp take their place), times and zones of dates (cXML writes date-only X12 dates at 12:00:00 in the
    /// default zone), control totals (CTT count and hash; cXML's Total is the amount, computed when the 850 has
    /// none), the currency when the 850 states none (written in the default USD), note titles (N902), the price
    /// basis (PO105), pack details (PO4), destination quantities (SDQ), line references, payment terms' type,
    /// basis date and description (ITD01/02/12), the FOB location (FOB02/03), carriers' routing sequence and
    /// service levels (TD501/TD512), allowances and charges other than freight and tax (SAC), the name and
    /// function of a party's contact (cXML addresses hold communications only), sales requirements (CSH), X12
    /// extensions, and the order of
    /// item identifiers, parties, references and communications (cXML gives each kind its place: SupplierPartID
    /// before BuyerPartID, ShipTo and BillTo before the Contacts, attributes before IdReferences, Email before
    /// Phone).
    static func comparable(_ order: PurchaseOrder, statesCurrency: Bool) -> PurchaseOrder {
        var order = order
        order.envelope = Envelope(
            standard: .x12, sender: order.envelope.sender, receiver: order.envelope.receiver,
            usage: order.envelope.usage)
        order.orderDate = DateTime(date: order.orderDate.date)
        order.dates = order.dates.map { QualifiedDate($0.kind, $0.date) }
        order.totals = nil
        order.salesRequirements = []
        if !statesCurrency { order.currency = nil }
        order.notes = order.notes.map { Note(kind: $0.kind, lines: $0.lines, language: $0.language) }
        order.paymentTerms = order.paymentTerms.map {
            PaymentTerms(
                discountPercent: $0.discountPercent, discountDays: $0.discountDays, netDays: $0.netDays,
                discountAmount: $0.discountAmount)
        }
        order.fob = order.fob.map { FOBTerms(paymentMethod: $0.paymentMethod, incoterms: $0.incoterms) }
        order.carriers = order.carriers.prefix(1).map {
            CarrierRouting(carrier: $0.carrier, carrierName: $0.carrierName, transportMethod: $0.transportMethod)
        }
        order.allowancesCharges = Self.carried(order.allowancesCharges)
        order.parties = order.parties.map(Self.comparable).sorted { $0.role.rawValue < $1.role.rawValue }
        order.references = order.references.sorted {
            ($0.qualifier.rawValue, $0.value ?? "") < ($1.qualifier.rawValue, $1.value ?? "")
        }
        order.contacts = order.contacts.map {
            Contact(function: $0.function, name: $0.name, communications: Self.sorted($0.communications))
        }
        order.extensions = Extensions()
        order.lines = order.lines.map { line in
            var line = line
            line.priceBasis = nil
            line.pack = nil
            line.destinations = []
            line.references = []
            line.items = line.items.sorted { ($0.kind.rawValue, $0.value) < ($1.kind.rawValue, $1.value) }
            line.dates = line.dates.map { QualifiedDate($0.kind, $0.date) }
            line.schedules = line.schedules.map {
                ScheduleLine(
                    quantity: $0.quantity, unit: $0.unit, dates: $0.dates.map { QualifiedDate($0.kind, $0.date) },
                    lineNumber: $0.lineNumber)
            }
            line.allowancesCharges = Self.carried(line.allowancesCharges)
            line.parties = line.parties.map(Self.comparable)
            line.extensions = Extensions()
            return line
        }
        return order
    }

    static func carried(_ charges: [AllowanceCharge]) -> [AllowanceCharge] {
        charges.filter { $0.indicator == .charge && ($0.code == "D240" || $0.code == "H850") }.map {
            AllowanceCharge(indicator: $0.indicator, code: $0.code, amount: $0.amount, description: $0.description)
        }
    }

    static func sorted(_ communications: [Communication]) -> [Communication] {
        communications.sorted { ($0.kind.rawValue, $0.value) < ($1.kind.rawValue, $1.value) }
    }

    static func comparable(_ party: Party) -> Party {
        var party = party
        let communications = Self.sorted(party.contacts.flatMap(\.communications))
        party.contacts = communications.isEmpty ? [] : [Contact(communications: communications)]
        return party
    }

    @Test(
        "an X12 850 goes through cXML and back equal in every mapped field",
        arguments: TranslationFixtures.purchaseOrderNames)
    func purchaseOrder(_ name: String) throws {
        let originals = try TranslationFixtures.decode(TranslationFixtures.x12.appending(path: "850/\(name)"))
            .compactMap(\.order)
        #expect(!originals.isEmpty)
        for original in originals {
            let written = try CXMLOrderRequestEncoder(options: Self.options).encode(original)
            try CXMLFixtures.expectValid(written.bytes, dtd: "cXML.dtd")
            var fromCXML = try #require(try CXMLOrderRequestDecoder().decode(bytes: written.bytes).order)
            fromCXML.envelope = Self.x12Envelope(fromCXML.envelope)
            fromCXML.dates = Self.x12Dates(fromCXML.dates)
            for index in fromCXML.lines.indices {
                fromCXML.lines[index].dates = Self.x12Dates(fromCXML.lines[index].dates)
                for schedule in fromCXML.lines[index].schedules.indices {
                    fromCXML.lines[index].schedules[schedule].dates = Self.x12Dates(
                        fromCXML.lines[index].schedules[schedule].dates)
                }
            }
            let x12 = try X12PurchaseOrderEncoder(version: original.envelope.version).encodeInterchange(fromCXML)
            let back = try #require(try TranslationFixtures.decode(x12).first?.order)
            let statesCurrency = original.currency != nil
            #expect(
                CXMLFixtures.json(.purchaseOrder(Self.comparable(back, statesCurrency: statesCurrency)))
                    == CXMLFixtures.json(.purchaseOrder(Self.comparable(original, statesCurrency: statesCurrency))),
                "\(name) \(original.number)")
            // Strictly equal where both formats carry the value.
            #expect(back.number == original.number)
            #expect(back.purpose == original.purpose)
            #expect(back.orderType == original.orderType)
            #expect(back.lines.map(\.quantity) == original.lines.map(\.quantity))
            #expect(back.lines.map(\.unit) == original.lines.map(\.unit))
            #expect(back.lines.map(\.unitPrice) == original.lines.map(\.unitPrice))
            #expect(back.envelope.sender == original.envelope.sender)
            #expect(back.envelope.receiver == original.envelope.receiver)
        }
    }

    // MARK: ConfirmationRequest → 855 → ConfirmationRequest

    /// A confirmation with only what both cXML ConfirmationRequest and X12 855 carry.
    ///
    /// Compared loosely, because the 855 has no place for them: the cXML envelope (payloadID, timestamp, user
    /// agent, the Sender credential) and the zones and times of dates (ACK04/ACK05 and BAK dates are dates), the
    /// total amount, the confirmation's contacts (X12 PER in an 855 has no N1 context here) and the cXML parts kept
    /// in extensions (`incoTerms`, `Extrinsic`s, the `DocumentReference` to the order, a status's `Comments` and
    /// the substitute's `ItemIn` detail), references other than the invoice, the currency (cXML states it only on a
    /// `Money`, which a confirmation without amounts has none of), the kind of a note (an N9
    /// loop needs an N901 qualifier, so a note without a kind comes back as `general`), a status's price unless it changes the price (the 855 carries CTP*CUP
    /// only then), and a `backordered` confirmation's type (BAK02 has no code for it: it goes as AC, changes).
    static func comparable(_ confirmation: OrderAcknowledgment) -> OrderAcknowledgment {
        var confirmation = confirmation
        confirmation.envelope = Envelope(
            standard: .cxml, sender: confirmation.envelope.sender, receiver: confirmation.envelope.receiver,
            usage: confirmation.envelope.usage)
        confirmation.orderDate = confirmation.orderDate.map { DateTime(date: $0.date) }
        confirmation.acknowledgmentDate = confirmation.acknowledgmentDate.map { DateTime(date: $0.date) }
        confirmation.totals = nil
        confirmation.currency = nil
        confirmation.notes = confirmation.notes.map { Note(lines: $0.lines, language: $0.language) }
        if confirmation.acknowledgmentType == .backordered { confirmation.acknowledgmentType = .acceptedWithChanges }
        confirmation.contacts = []
        confirmation.parties = confirmation.parties.map(Self.comparable)
        confirmation.references = confirmation.references.filter { $0.qualifier == .invoice }
        confirmation.extensions = Extensions()
        confirmation.lines = confirmation.lines.map { line in
            var line = line
            line.extensions = Extensions()
            line.statuses = line.statuses.map { status in
                var status = status
                status.dates = status.dates.map { QualifiedDate($0.kind, $0.date) }
                if ![.priceChanged, .acceptedWithChanges, .pricePending].contains(status.status) {
                    status.unitPrice = nil
                }
                status.extensions = Extensions()
                return status
            }
            return line
        }
        return confirmation
    }

    @Test(
        "a cXML ConfirmationRequest goes through an X12 855 and back equal in every mapped field",
        arguments: ["detail", "accept", "allDetail", "backordered", "except"])
    func confirmation(_ name: String) throws {
        let path = CXMLFixtures.cxml.appending(path: "ConfirmationRequest/\(name).xml")
        let original = try #require(try CXMLConfirmationRequestDecoder().decode(path: path.path).acknowledgment)
        var toX12 = original
        toX12.envelope = Self.x12Envelope(original.envelope)
        toX12.dates = Self.x12Dates(toX12.dates)
        for line in toX12.lines.indices {
            for status in toX12.lines[line].statuses.indices {
                toX12.lines[line].statuses[status].dates = Self.x12Dates(toX12.lines[line].statuses[status].dates)
            }
        }
        let x12 = try X12OrderAcknowledgmentEncoder(version: "004010").encodeInterchange(toX12)
        var fromX12 = try #require(
            try X12OrderAcknowledgmentDecoder.decodeAll(from: MemoryByteSource(x12)).first?.acknowledgment)
        // Back to cXML identities, as `porter translate --to cxml` does from the envelope's X12 qualifiers.
        fromX12.envelope.sender.qualifier = "NetworkID"
        fromX12.envelope.receiver.qualifier = "NetworkID"
        var options = Self.options
        options.orderPayloadID = "1741766400000.4120.1.7f3a21c0@harborline.example"
        let written = try CXMLConfirmationRequestEncoder(options: options).encode(fromX12)
        try CXMLFixtures.expectValid(written.bytes, dtd: "Fulfill.dtd")
        let back = try #require(try CXMLConfirmationRequestDecoder().decode(bytes: written.bytes).acknowledgment)
        #expect(
            CXMLFixtures.json(.orderAcknowledgment(Self.comparable(back)))
                == CXMLFixtures.json(.orderAcknowledgment(Self.comparable(original))), "\(name)")
        #expect(back.acknowledgmentType == Self.comparable(original).acknowledgmentType)
        #expect(back.lines.map { $0.statuses.map(\.status) } == original.lines.map { $0.statuses.map(\.status) })
        #expect(back.lines.map { $0.statuses.map(\.quantity) } == original.lines.map { $0.statuses.map(\.quantity) })
    }
}
