/// What the seller does with (part of) an order line's quantity, and when.
///
/// X12 `ACK` (with a `CTP*CUP` confirmed price and the loop's `DTM`s), cXML `ConfirmationStatus`.
public struct ItemStatus: Hashable, Sendable, Codable {
    /// Accepted, backordered, price changed, rejected...
    public var status: ItemStatusCode
    /// The quantity with this status.
    public var quantity: DecimalNumber?
    /// The unit of ``quantity``.
    public var unit: UnitOfMeasure?
    /// The confirmed unit price, when the seller states one.
    public var unitPrice: DecimalNumber?
    /// Scheduled or promised dates (ACK04/ACK05, `shipmentDate`, `deliveryDate`).
    public var dates: [QualifiedDate]
    /// The item the seller will ship instead, for a substitution.
    public var items: [ItemIdentifier]
    /// What a codec could not place in a typed field.
    public var extensions: Extensions

    public init(
        status: ItemStatusCode, quantity: DecimalNumber? = nil, unit: UnitOfMeasure? = nil,
        unitPrice: DecimalNumber? = nil, dates: [QualifiedDate] = [], items: [ItemIdentifier] = [],
        extensions: Extensions = Extensions()
    ) {
        self.status = status
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.dates = dates
        self.items = items
        self.extensions = extensions
    }
}

extension ItemStatus: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("dates", self.dates)
        writer.field("extensions", self.extensions)
        writer.field("items", self.items)
        writer.field("quantity", self.quantity)
        writer.field("status", self.status)
        writer.field("unit", self.unit)
        writer.field("unitPrice", self.unitPrice)
        writer.endObject()
    }
}
