/// One acknowledged order line: the line as the seller echoes it, and what happens to its quantity.
///
/// X12 `PO1` loop of an 855 with its `ACK` segments, cXML `ConfirmationItem` with its `ConfirmationStatus`es.
/// One line may have several statuses that split its quantity: 24 accepted, 36 backordered.
public struct AcknowledgmentLine: Hashable, Sendable, Codable {
    /// The order line number (PO101, `ConfirmationItem@lineNumber`).
    public var lineNumber: String?
    /// The ordered quantity as echoed by the seller (PO102, `ConfirmationItem@quantity`).
    public var quantity: DecimalNumber?
    /// The unit of ``quantity``.
    public var unit: UnitOfMeasure?
    /// The unit price as echoed (PO104).
    public var unitPrice: DecimalNumber?
    /// What the unit price is per.
    public var priceBasis: PriceBasis?
    /// The item's identifiers as echoed.
    public var items: [ItemIdentifier]
    /// Descriptions of the item.
    public var descriptions: [ItemDescription]
    /// What the seller does with the quantity, in parts.
    public var statuses: [ItemStatus]
    /// Dates for the line.
    public var dates: [QualifiedDate]
    /// References for the line.
    public var references: [Reference]
    /// Notes for the line.
    public var notes: [Note]
    /// Parties of this line only, such as its ship-to (X12 N1 loop in the PO1 loop).
    public var parties: [Party]
    /// What a codec could not place in a typed field.
    public var extensions: Extensions

    public init(
        lineNumber: String?, quantity: DecimalNumber? = nil, unit: UnitOfMeasure? = nil,
        unitPrice: DecimalNumber? = nil, priceBasis: PriceBasis? = nil, items: [ItemIdentifier] = [],
        descriptions: [ItemDescription] = [], statuses: [ItemStatus] = [], dates: [QualifiedDate] = [],
        references: [Reference] = [], notes: [Note] = [], parties: [Party] = [], extensions: Extensions = Extensions()
    ) {
        self.parties = parties
        self.lineNumber = lineNumber
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.priceBasis = priceBasis
        self.items = items
        self.descriptions = descriptions
        self.statuses = statuses
        self.dates = dates
        self.references = references
        self.notes = notes
        self.extensions = extensions
    }
}

extension AcknowledgmentLine: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("dates", self.dates)
        writer.field("descriptions", self.descriptions)
        writer.field("extensions", self.extensions)
        writer.field("items", self.items)
        writer.field("lineNumber", self.lineNumber)
        writer.field("notes", self.notes)
        writer.field("parties", self.parties)
        writer.field("priceBasis", self.priceBasis)
        writer.field("quantity", self.quantity)
        writer.field("references", self.references)
        writer.field("statuses", self.statuses)
        writer.field("unit", self.unit)
        writer.field("unitPrice", self.unitPrice)
        writer.endObject()
    }
}
