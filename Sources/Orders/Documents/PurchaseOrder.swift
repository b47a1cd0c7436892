/// A purchase order: the buyer's order for goods, with its envelope.
///
/// X12 850, cXML `OrderRequest` (`type="new"`). The document carries the business content; ``envelope`` says
/// how it travelled. Whatever a codec could not place in a typed field is in ``extensions``.
public struct PurchaseOrder: Hashable, Sendable, Codable {
    /// How the document travelled.
    public var envelope: Envelope
    /// What the document does: a new order, a cancellation, a replacement, a confirmation...
    public var purpose: Purpose
    /// The kind of order: stand-alone, blanket, release, drop shipment...
    public var orderType: OrderType
    /// The buyer's order number (BEG03, `orderID`).
    public var number: String
    /// The release number of a release against a blanket order (BEG04).
    public var releaseNumber: Optional<String>
    /// For a release, the number of the blanket order or agreement it draws on.
    public var blanketOrderNumber: Optional<String>
    /// The contract number (BEG06).
    public var contractNumber: Optional<String>
    /// The order date, with time and zone when sent.
    public var orderDate: DateTime
    /// The currency of every amount in the order, when stated.
    public var currency: Optional<CurrencyCode>
    /// Requested delivery and shipment dates and windows, cancel-after dates...
    public var dates: [QualifiedDate]
    /// Buyer, seller, ship-to, bill-to, ship-from, remit-to...
    public var parties: [Party]
    /// Contacts for the order as a whole.
    public var contacts: [Contact]
    /// Department, requisition, agreement and other references.
    public var references: [Reference]
    /// Payment terms.
    /// What the buyer requires of the shipping: complete, no backorders... (X12 CSH01).
    public var salesRequirements: [SalesRequirement]
    public var paymentTerms: [PaymentTerms]
    /// Free-on-board terms.
    public var fob: Optional<FOBTerms>
    /// The buyer's carrier and routing instructions.
    public var carriers: [CarrierRouting]
    /// Allowances and charges on the whole order.
    public var allowancesCharges: [AllowanceCharge]
    /// Instructions and comments.
    public var notes: [Note]
    /// The lines, in order.
    public var lines: [PurchaseOrderLine]
    /// The control totals, as sent.
    public var totals: Optional<OrderTotals>
    /// What a codec could not place in a typed field.
    public var extensions: Extensions

    public init(
        envelope: Envelope, purpose: Purpose = .original, orderType: OrderType, number: String,
        releaseNumber: String? = nil, blanketOrderNumber: String? = nil, contractNumber: String? = nil,
        orderDate: DateTime, currency: CurrencyCode? = nil, dates: [QualifiedDate] = [], parties: [Party] = [],
        contacts: [Contact] = [], references: [Reference] = [], paymentTerms: [PaymentTerms] = [],
        fob: FOBTerms? = nil, carriers: [CarrierRouting] = [], allowancesCharges: [AllowanceCharge] = [],
        notes: [Note] = [], lines: [PurchaseOrderLine] = [], totals: OrderTotals? = nil,
        extensions: Extensions = Extensions(), salesRequirements: [SalesRequirement] = []
    ) {
        self.salesRequirements = salesRequirements
        self.envelope = envelope
        self.purpose = purpose
        self.orderType = orderType
        self.number = number
        self.releaseNumber = releaseNumber
        self.blanketOrderNumber = blanketOrderNumber
        self.contractNumber = contractNumber
        self.orderDate = orderDate
        self.currency = currency
        self.dates = dates
        self.parties = parties
        self.contacts = contacts
        self.references = references
        self.paymentTerms = paymentTerms
        self.fob = fob
        self.carriers = carriers
        self.allowancesCharges = allowancesCharges
        self.notes = notes
        self.lines = lines
        self.totals = totals
        self.extensions = extensions
    }
}

extension PurchaseOrder: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("allowancesCharges", self.allowancesCharges)
        writer.field("blanketOrderNumber", self.blanketOrderNumber)
        writer.field("carriers", self.carriers)
        writer.field("contacts", self.contacts)
        writer.field("contractNumber", self.contractNumber)
        writer.field("currency", self.currency)
        writer.field("dates", self.dates)
        writer.field("document", BusinessDocument.Kind.purchaseOrder.rawValue)
        writer.field("envelope", self.envelope)
        writer.field("extensions", self.extensions)
        writer.field("fob", self.fob)
        writer.field("lines", self.lines)
        writer.field("notes", self.notes)
        writer.field("number", self.number)
        writer.field("orderDate", self.orderDate)
        writer.field("orderType", self.orderType)
        writer.field("parties", self.parties)
        writer.field("paymentTerms", self.paymentTerms)
        writer.field("purpose", self.purpose)
        writer.field("references", self.references)
        writer.field("releaseNumber", self.releaseNumber)
        writer.field("salesRequirements", self.salesRequirements)
        writer.field("schemaVersion", BusinessDocument.schemaVersion)
        writer.field("totals", self.totals)
        writer.endObject()
    }
}
