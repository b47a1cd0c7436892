/// A ship notice: what left, when, with which carrier, packed how, for which orders.
///
/// X12 856, cXML `ShipNoticeRequest`. The hierarchy is shipment (this document) → ``orders`` → packs (tares and
/// cartons, ``ShipNoticePack``) → items (``ShipNoticeItem``); items may also sit directly under an order (X12
/// structure `0004`) and packs under an item (`0002`). ``discrepancies(against:)`` compares it with its order.
public struct ShipNotice: Hashable, Sendable, Codable {
    /// How the document travelled.
    public var envelope: Envelope
    /// Original, replacement, deletion (BSN01, `operation`).
    public var purpose: Purpose
    /// The shipment's identifier (BSN02, `shipmentID`).
    public var shipmentID: String
    /// When the notice was made (BSN03/BSN04, `noticeDate`).
    public var noticeDate: DateTime
    /// The order of the hierarchy levels as sent (X12 BSN05, element 1005: `0001` shipment, order, pack, item).
    public var hierarchyStructure: String?
    /// Shipped, estimated delivery and other dates of the shipment.
    public var dates: [QualifiedDate]
    /// The carrier and routing.
    public var carriers: [CarrierRouting]
    /// The equipment (trailer...) the shipment travels in.
    public var equipment: [Equipment]
    /// Packages and weight as the carrier sees them.
    public var lading: [LadingDetail]
    /// Free-on-board terms.
    public var fob: FOBTerms?
    /// Ship-from, ship-to and other parties of the shipment.
    public var parties: [Party]
    /// Bill of lading, carrier's (PRO) and tracking numbers and other references. ``billOfLadingNumber`` and
    /// ``trackingNumbers`` read them.
    public var references: [Reference]
    /// Whom to ask about the shipment (X12 PER at the shipment level).
    public var contacts: [Contact]
    /// Notes.
    public var notes: [Note]
    /// The orders shipped, each with its packs and items.
    public var orders: [ShipNoticeOrder]
    /// The control totals, as sent.
    public var totals: OrderTotals?
    /// What a codec could not place in a typed field.
    public var extensions: Extensions

    public init(
        envelope: Envelope, purpose: Purpose = .original, shipmentID: String, noticeDate: DateTime,
        hierarchyStructure: String? = nil, dates: [QualifiedDate] = [], carriers: [CarrierRouting] = [],
        equipment: [Equipment] = [], lading: [LadingDetail] = [], fob: FOBTerms? = nil, parties: [Party] = [],
        references: [Reference] = [], notes: [Note] = [], orders: [ShipNoticeOrder] = [],
        totals: OrderTotals? = nil, extensions: Extensions = Extensions(), contacts: [Contact] = []
    ) {
        self.contacts = contacts
        self.envelope = envelope
        self.purpose = purpose
        self.shipmentID = shipmentID
        self.noticeDate = noticeDate
        self.hierarchyStructure = hierarchyStructure
        self.dates = dates
        self.carriers = carriers
        self.equipment = equipment
        self.lading = lading
        self.fob = fob
        self.parties = parties
        self.references = references
        self.notes = notes
        self.orders = orders
        self.totals = totals
        self.extensions = extensions
    }

    /// The bill of lading number, if a reference gives one.
    public var billOfLadingNumber: String? { self.references.value(.billOfLading) }

    /// The tracking numbers the references give, in order.
    public var trackingNumbers: [String] {
        self.references.compactMap { $0.qualifier == .trackingNumber ? $0.value : nil }
    }
}

extension ShipNotice: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("carriers", self.carriers)
        writer.field("contacts", self.contacts)
        writer.field("dates", self.dates)
        writer.field("document", BusinessDocument.Kind.shipNotice.rawValue)
        writer.field("envelope", self.envelope)
        writer.field("equipment", self.equipment)
        writer.field("extensions", self.extensions)
        writer.field("fob", self.fob)
        writer.field("hierarchyStructure", self.hierarchyStructure)
        writer.field("lading", self.lading)
        writer.field("notes", self.notes)
        writer.field("noticeDate", self.noticeDate)
        writer.field("orders", self.orders)
        writer.field("parties", self.parties)
        writer.field("purpose", self.purpose)
        writer.field("references", self.references)
        writer.field("schemaVersion", BusinessDocument.schemaVersion)
        writer.field("shipmentID", self.shipmentID)
        writer.field("totals", self.totals)
        writer.endObject()
    }
}
