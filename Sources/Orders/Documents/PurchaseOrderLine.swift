/// One line of a purchase order: an item, how many, at what price, when and where.
///
/// X12 `PO1` loop, cXML `ItemOut`.
public struct PurchaseOrderLine: Hashable, Sendable, Codable {
    /// The line number as sent (PO101, `ItemOut@lineNumber`); `nil` when the sender left it out.
    public var lineNumber: Optional<String>
    /// The quantity ordered.
    public var quantity: DecimalNumber
    /// The unit of ``quantity``.
    public var unit: UnitOfMeasure
    /// The unit price.
    public var unitPrice: Optional<DecimalNumber>
    /// What the unit price is per.
    public var priceBasis: Optional<PriceBasis>
    /// The item's identifiers: buyer's and vendor's part numbers, U.P.C., GTIN, SKU...
    public var items: [ItemIdentifier]
    /// Descriptions of the item.
    public var descriptions: [ItemDescription]
    /// How the item is packed.
    public var pack: Optional<PackDetails>
    /// Dates for this line (requested delivery, ship no later...), overriding the order's.
    public var dates: [QualifiedDate]
    /// Parties for this line only, such as its own ship-to.
    public var parties: [Party]
    /// How the quantity is split across stores or other destinations.
    public var destinations: [DestinationQuantity]
    /// Delivery schedule: parts of the quantity with their own dates.
    public var schedules: [ScheduleLine]
    /// Allowances and charges on this line.
    public var allowancesCharges: [AllowanceCharge]
    /// References for this line.
    public var references: [Reference]
    /// Notes for this line.
    public var notes: [Note]
    /// What a codec could not place in a typed field.
    public var extensions: Extensions

    public init(
        lineNumber: String?, quantity: DecimalNumber, unit: UnitOfMeasure, unitPrice: DecimalNumber? = nil,
        priceBasis: PriceBasis? = nil, items: [ItemIdentifier] = [], descriptions: [ItemDescription] = [],
        pack: PackDetails? = nil, dates: [QualifiedDate] = [], parties: [Party] = [],
        destinations: [DestinationQuantity] = [], schedules: [ScheduleLine] = [],
        allowancesCharges: [AllowanceCharge] = [], references: [Reference] = [], notes: [Note] = [],
        extensions: Extensions = Extensions()
    ) {
        self.lineNumber = lineNumber
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.priceBasis = priceBasis
        self.items = items
        self.descriptions = descriptions
        self.pack = pack
        self.dates = dates
        self.parties = parties
        self.destinations = destinations
        self.schedules = schedules
        self.allowancesCharges = allowancesCharges
        self.references = references
        self.notes = notes
        self.extensions = extensions
    }
}

extension PurchaseOrderLine: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("allowancesCharges", self.allowancesCharges)
        writer.field("dates", self.dates)
        writer.field("descriptions", self.descriptions)
        writer.field("destinations", self.destinations)
        writer.field("extensions", self.extensions)
        writer.field("items", self.items)
        writer.field("lineNumber", self.lineNumber)
        writer.field("notes", self.notes)
        writer.field("pack", self.pack)
        writer.field("parties", self.parties)
        writer.field("priceBasis", self.priceBasis)
        writer.field("quantity", self.quantity)
        writer.field("references", self.references)
        writer.field("schedules", self.schedules)
        writer.field("unit", self.unit)
        writer.field("unitPrice", self.unitPrice)
        writer.endObject()
    }
}
