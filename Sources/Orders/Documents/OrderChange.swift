/// The buyer's change to an order already sent: lines added, deleted or changed, or the whole order cancelled.
///
/// X12 860, cXML `OrderRequest` with `type="update"` or `"delete"`. An X12 change usually lists only what
/// changes (each line with its ``ChangeKind``); a cXML update restates the whole order.
public struct OrderChange: Hashable, Sendable, Codable {
    /// How the document travelled.
    public var envelope: Envelope
    /// Change, cancellation or replacement (BCH01, `type`).
    public var purpose: Purpose
    /// The kind of the order being changed (BCH02).
    public var orderType: OrderType
    /// The number of the order being changed (BCH03).
    public var orderNumber: String
    /// The release number (BCH04).
    public var releaseNumber: String?
    /// The change sequence (BCH05, cXML `orderVersion`).
    public var changeSequence: String?
    /// The original order's date (BCH06).
    public var orderDate: DateTime
    /// The contract number (BCH08).
    public var contractNumber: String?
    /// The seller's order number (BCH09).
    public var sellerOrderNumber: String?
    /// When the change was requested (BCH11).
    public var changeDate: DateTime?
    /// The currency of the amounts, when stated.
    public var currency: CurrencyCode?
    /// Dates for the order as a whole (new requested delivery...).
    public var dates: [QualifiedDate]
    /// Parties.
    public var parties: [Party]
    /// Contacts.
    public var contacts: [Contact]
    /// References.
    public var references: [Reference]
    /// Payment terms.
    /// What the buyer requires of the shipping: complete, no backorders... (X12 CSH01).
    public var salesRequirements: [SalesRequirement]
    public var paymentTerms: [PaymentTerms]
    /// Free-on-board terms.
    public var fob: FOBTerms?
    /// Carrier and routing instructions.
    public var carriers: [CarrierRouting]
    /// Allowances and charges on the whole order.
    public var allowancesCharges: [AllowanceCharge]
    /// Notes, such as the reason for the change.
    public var notes: [Note]
    /// The changed lines.
    public var lines: [ChangeLine]
    /// The control totals, as sent.
    public var totals: OrderTotals?
    /// What a codec could not place in a typed field.
    public var extensions: Extensions

    public init(
        envelope: Envelope, purpose: Purpose = .change, orderType: OrderType, orderNumber: String,
        releaseNumber: String? = nil, changeSequence: String? = nil, orderDate: DateTime,
        contractNumber: String? = nil, sellerOrderNumber: String? = nil, changeDate: DateTime? = nil,
        currency: CurrencyCode? = nil, dates: [QualifiedDate] = [], parties: [Party] = [], contacts: [Contact] = [],
        references: [Reference] = [], paymentTerms: [PaymentTerms] = [], fob: FOBTerms? = nil,
        carriers: [CarrierRouting] = [], allowancesCharges: [AllowanceCharge] = [], notes: [Note] = [],
        lines: [ChangeLine] = [], totals: OrderTotals? = nil, extensions: Extensions = Extensions(),
        salesRequirements: [SalesRequirement] = []
    ) {
        self.salesRequirements = salesRequirements
        self.envelope = envelope
        self.purpose = purpose
        self.orderType = orderType
        self.orderNumber = orderNumber
        self.releaseNumber = releaseNumber
        self.changeSequence = changeSequence
        self.orderDate = orderDate
        self.contractNumber = contractNumber
        self.sellerOrderNumber = sellerOrderNumber
        self.changeDate = changeDate
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

extension OrderChange: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("allowancesCharges", self.allowancesCharges)
        writer.field("carriers", self.carriers)
        writer.field("changeDate", self.changeDate)
        writer.field("changeSequence", self.changeSequence)
        writer.field("contacts", self.contacts)
        writer.field("contractNumber", self.contractNumber)
        writer.field("currency", self.currency)
        writer.field("dates", self.dates)
        writer.field("document", BusinessDocument.Kind.orderChange.rawValue)
        writer.field("envelope", self.envelope)
        writer.field("extensions", self.extensions)
        writer.field("fob", self.fob)
        writer.field("lines", self.lines)
        writer.field("notes", self.notes)
        writer.field("orderDate", self.orderDate)
        writer.field("orderNumber", self.orderNumber)
        writer.field("orderType", self.orderType)
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
