/// A part of a line's quantity with its own dates: a delivery schedule.
///
/// X12 `SCH`, cXML `ScheduleLine`.
public struct ScheduleLine: Hashable, Sendable, Codable {
    /// The scheduled quantity.
    public var quantity: DecimalNumber
    /// The unit of ``quantity``.
    public var unit: UnitOfMeasure
    /// The dates of this part (one or two in X12).
    public var dates: [QualifiedDate]
    /// The schedule line's own number (SCH12, cXML `ScheduleLine@lineNumber`).
    public var lineNumber: Optional<String>
    /// A request reference (SCH11).
    public var reference: Optional<String>

    public init(
        quantity: DecimalNumber, unit: UnitOfMeasure, dates: [QualifiedDate], lineNumber: String? = nil,
        reference: String? = nil
    ) {
        self.quantity = quantity
        self.unit = unit
        self.dates = dates
        self.lineNumber = lineNumber
        self.reference = reference
    }
}

extension ScheduleLine: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("dates", self.dates)
        writer.field("lineNumber", self.lineNumber)
        writer.field("quantity", self.quantity)
        writer.field("reference", self.reference)
        writer.field("unit", self.unit)
        writer.endObject()
    }
}
