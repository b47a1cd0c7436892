/// One line of an order change: what changes, and the line's new values.
///
/// X12 `POC` loop, cXML `ItemOut` of an update. The quantity is the line's new total, not a difference (X12
/// POC03); ``quantityLeftToReceive`` is what is still open. A deleted line may carry only its number and items.
public struct ChangeLine: Hashable, Sendable, Codable {
    /// The order line number (POC01).
    public var lineNumber: String?
    /// What changes.
    public var change: ChangeKind
    /// The new total quantity ordered.
    public var quantity: DecimalNumber?
    /// The quantity still to be received (POC04).
    public var quantityLeftToReceive: DecimalNumber?
    /// The unit of the quantities.
    public var unit: UnitOfMeasure?
    /// The new unit price.
    public var unitPrice: DecimalNumber?
    /// What the unit price is per.
    public var priceBasis: PriceBasis?
    /// The item's identifiers.
    public var items: [ItemIdentifier]
    /// Descriptions of the item.
    public var descriptions: [ItemDescription]
    /// How the item is packed.
    public var pack: PackDetails?
    /// New dates for the line.
    public var dates: [QualifiedDate]
    /// Parties for this line only.
    public var parties: [Party]
    /// The new split across destinations.
    public var destinations: [DestinationQuantity]
    /// The new delivery schedule.
    public var schedules: [ScheduleLine]
    /// Allowances and charges on the line.
    public var allowancesCharges: [AllowanceCharge]
    /// References for the line.
    public var references: [Reference]
    /// Notes for the line.
    public var notes: [Note]
    /// What a codec could not place in a typed field.
    public var extensions: Extensions

    public init(
        lineNumber: String?, change: ChangeKind, quantity: DecimalNumber? = nil,
        quantityLeftToReceive: DecimalNumber? = nil, unit: UnitOfMeasure? = nil, unitPrice: DecimalNumber? = nil,
        priceBasis: PriceBasis? = nil, items: [ItemIdentifier] = [], descriptions: [ItemDescription] = [],
        pack: PackDetails? = nil, dates: [QualifiedDate] = [], parties: [Party] = [],
        destinations: [DestinationQuantity] = [], schedules: [ScheduleLine] = [],
        allowancesCharges: [AllowanceCharge] = [], references: [Reference] = [], notes: [Note] = [],
        extensions: Extensions = Extensions()
    ) {
        self.lineNumber = lineNumber
        self.change = change
        self.quantity = quantity
        self.quantityLeftToReceive = quantityLeftToReceive
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

extension ChangeLine: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("allowancesCharges", self.allowancesCharges)
        writer.field("change", self.change)
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
        writer.field("quantityLeftToReceive", self.quantityLeftToReceive)
        writer.field("references", self.references)
        writer.field("schedules", self.schedules)
        writer.field("unit", self.unit)
        writer.field("unitPrice", self.unitPrice)
        writer.endObject()
    }
}
