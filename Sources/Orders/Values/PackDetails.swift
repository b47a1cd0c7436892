/// How an item is packed: units per pack, the size of each unit, the packaging.
///
/// X12 `PO4` (on an order line or a ship notice pack), cXML `Packaging`.
public struct PackDetails: Hashable, Sendable, Codable {
    /// Inner units per outer pack (PO401).
    public var pack: DecimalNumber?
    /// The size of each inner unit (PO402).
    public var size: DecimalNumber?
    /// The unit of ``size``.
    public var sizeUnit: UnitOfMeasure?
    /// The packaging code as sent: form and material (X12 element 103, `CTN25` corrugated carton).
    public var packagingCode: String?

    public init(
        pack: DecimalNumber? = nil, size: DecimalNumber? = nil, sizeUnit: UnitOfMeasure? = nil,
        packagingCode: String? = nil
    ) {
        self.pack = pack
        self.size = size
        self.sizeUnit = sizeUnit
        self.packagingCode = packagingCode
    }
}

extension PackDetails: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("pack", self.pack)
        writer.field("packagingCode", self.packagingCode)
        writer.field("size", self.size)
        writer.field("sizeUnit", self.sizeUnit)
        writer.endObject()
    }
}
