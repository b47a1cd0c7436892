/// An item shipped: which order line it fulfils, how many, in which unit.
///
/// X12 `HL` item level (`LIN`, `SN1`, `PID`, `PO4`), cXML `ShipNoticeItem`.
public struct ShipNoticeItem: Hashable, Sendable, Codable {
    /// The order line this item fulfils (SN101, or LIN `PL`; `ShipNoticeItem@lineNumber`).
    public var lineNumber: String?
    /// The ship notice's own line number (LIN01, `shipNoticeLineNumber`).
    public var shipNoticeLineNumber: String?
    /// The item's identifiers.
    public var items: [ItemIdentifier]
    /// The quantity shipped.
    public var quantity: DecimalNumber
    /// The unit of ``quantity``.
    public var unit: UnitOfMeasure
    /// The quantity shipped to date, including this shipment (SN104).
    public var quantityShippedToDate: DecimalNumber?
    /// The quantity ordered, as the shipper states it (SN105).
    public var orderedQuantity: DecimalNumber?
    /// The unit of ``orderedQuantity``.
    public var orderedUnit: UnitOfMeasure?
    /// The line's status (SN108).
    public var status: ItemStatusCode?
    /// Descriptions of the item.
    public var descriptions: [ItemDescription]
    /// How the item is packed.
    public var pack: PackDetails?
    /// Packages under the item (X12 structure `0002`: shipment, order, item, pack).
    public var packs: [ShipNoticePack]
    /// What a codec could not place in a typed field.
    public var extensions: Extensions

    public init(
        lineNumber: String?, shipNoticeLineNumber: String? = nil, items: [ItemIdentifier] = [],
        quantity: DecimalNumber, unit: UnitOfMeasure, quantityShippedToDate: DecimalNumber? = nil,
        orderedQuantity: DecimalNumber? = nil, orderedUnit: UnitOfMeasure? = nil, status: ItemStatusCode? = nil,
        descriptions: [ItemDescription] = [], pack: PackDetails? = nil, packs: [ShipNoticePack] = [],
        extensions: Extensions = Extensions()
    ) {
        self.lineNumber = lineNumber
        self.shipNoticeLineNumber = shipNoticeLineNumber
        self.items = items
        self.quantity = quantity
        self.unit = unit
        self.quantityShippedToDate = quantityShippedToDate
        self.orderedQuantity = orderedQuantity
        self.orderedUnit = orderedUnit
        self.status = status
        self.descriptions = descriptions
        self.pack = pack
        self.packs = packs
        self.extensions = extensions
    }

    func collect(into result: inout [ShipNoticeItem]) {
        result.append(self)
        for pack in self.packs { pack.collectItems(into: &result) }
    }
}

extension ShipNoticeItem: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("descriptions", self.descriptions)
        writer.field("extensions", self.extensions)
        writer.field("items", self.items)
        writer.field("lineNumber", self.lineNumber)
        writer.field("orderedQuantity", self.orderedQuantity)
        writer.field("orderedUnit", self.orderedUnit)
        writer.field("pack", self.pack)
        writer.field("packs", self.packs)
        writer.field("quantity", self.quantity)
        writer.field("quantityShippedToDate", self.quantityShippedToDate)
        writer.field("shipNoticeLineNumber", self.shipNoticeLineNumber)
        writer.field("status", self.status)
        writer.field("unit", self.unit)
        writer.endObject()
    }
}
