/// The seller's answer to a purchase order: accepted, changed, backordered or rejected, line by line.
///
/// X12 855, cXML `ConfirmationRequest`. ``discrepancies(against:)`` compares it with its order.
public struct OrderAcknowledgment: Hashable, Sendable, Codable {
    /// How the document travelled.
    public var envelope: Envelope
    /// Original or replacement (BAK01, `ConfirmationHeader@operation`).
    public var purpose: Purpose
    /// The answer to the order as a whole.
    public var acknowledgmentType: AcknowledgmentType
    /// The buyer's order number (BAK03, `OrderReference@orderID`).
    public var orderNumber: String
    /// The order's date (BAK04, `OrderReference@orderDate`).
    public var orderDate: DateTime?
    /// The release number (BAK05).
    public var releaseNumber: String?
    /// The contract number (BAK07).
    public var contractNumber: String?
    /// The seller's order or confirmation number (BAK08, `confirmID`).
    public var sellerOrderNumber: String?
    /// When the seller acknowledged (BAK09, `noticeDate`).
    public var acknowledgmentDate: DateTime?
    /// The currency of the amounts, when stated.
    public var currency: CurrencyCode?
    /// Dates for the order as a whole.
    public var dates: [QualifiedDate]
    /// Parties named in the acknowledgment.
    public var parties: [Party]
    /// Contacts.
    public var contacts: [Contact]
    /// References.
    public var references: [Reference]
    /// Notes, such as the reason for a rejection.
    public var notes: [Note]
    /// The seller's payment terms as confirmed (X12 ITD).
    public var paymentTerms: [PaymentTerms]
    /// Free-on-board terms as confirmed (X12 FOB).
    public var fob: FOBTerms?
    /// The carrier and routing the seller will use (X12 TD5).
    public var carriers: [CarrierRouting]
    /// Allowances and charges as confirmed (X12 SAC).
    public var allowancesCharges: [AllowanceCharge]
    /// Sales requirements as confirmed (X12 CSH01).
    public var salesRequirements: [SalesRequirement]
    /// The acknowledged lines; empty when the order is acknowledged as a whole.
    public var lines: [AcknowledgmentLine]
    /// The control totals, as sent.
    public var totals: OrderTotals?
    /// What a codec could not place in a typed field.
    public var extensions: Extensions

    public init(
        envelope: Envelope, purpose: Purpose = .original, acknowledgmentType: AcknowledgmentType, orderNumber: String,
        orderDate: DateTime? = nil, releaseNumber: String? = nil, contractNumber: String? = nil,
        sellerOrderNumber: String? = nil, acknowledgmentDate: DateTime? = nil, currency: CurrencyCode? = nil,
        dates: [QualifiedDate] = [], parties: [Party] = [], contacts: [Contact] = [], references: [Reference] = [],
        notes: [Note] = [], lines: [AcknowledgmentLine] = [], totals: OrderTotals? = nil,
        extensions: Extensions = Extensions(), paymentTerms: [PaymentTerms] = [], fob: FOBTerms? = nil,
        carriers: [CarrierRouting] = [], allowancesCharges: [AllowanceCharge] = [],
        salesRequirements: [SalesRequirement] = []
    ) {
        self.paymentTerms = paymentTerms
        self.fob = fob
        self.carriers = carriers
        self.allowancesCharges = allowancesCharges
        self.salesRequirements = salesRequirements
        self.envelope = envelope
        self.purpose = purpose
        self.acknowledgmentType = acknowledgmentType
        self.orderNumber = orderNumber
        self.orderDate = orderDate
        self.releaseNumber = releaseNumber
        self.contractNumber = contractNumber
        self.sellerOrderNumber = sellerOrderNumber
        self.acknowledgmentDate = acknowledgmentDate
        self.currency = currency
        self.dates = dates
        self.parties = parties
        self.contacts = contacts
        self.references = references
        self.notes = notes
        self.lines = lines
        self.totals = totals
        self.extensions = extensions
    }
}

extension OrderAcknowledgment: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("acknowledgmentDate", self.acknowledgmentDate)
        writer.field("acknowledgmentType", self.acknowledgmentType)
        writer.field("allowancesCharges", self.allowancesCharges)
        writer.field("carriers", self.carriers)
        writer.field("contacts", self.contacts)
        writer.field("contractNumber", self.contractNumber)
        writer.field("currency", self.currency)
        writer.field("dates", self.dates)
        writer.field("document", BusinessDocument.Kind.orderAcknowledgment.rawValue)
        writer.field("envelope", self.envelope)
        writer.field("extensions", self.extensions)
        writer.field("fob", self.fob)
        writer.field("lines", self.lines)
        writer.field("notes", self.notes)
        writer.field("orderDate", self.orderDate)
        writer.field("orderNumber", self.orderNumber)
        writer.field("parties", self.parties)
        writer.field("paymentTerms", self.paymentTerms)
        writer.field("purpose", self.purpose)
        writer.field("references", self.references)
        writer.field("releaseNumber", self.releaseNumber)
        writer.field("salesRequirements", self.salesRequirements)
        writer.field("schemaVersion", BusinessDocument.schemaVersion)
        writer.field("sellerOrderNumber", self.sellerOrderNumber)
        writer.field("totals", self.totals)
        writer.endObject()
    }
}
