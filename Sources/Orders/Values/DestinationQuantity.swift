/// The part of a line's quantity bound for one location, such as a store behind a distribution centre.
///
/// X12 `SDQ` (one location/quantity pair), cXML `Distribution`. The quantities of a line's destinations
/// normally add up to the line quantity.
public struct DestinationQuantity: Hashable, Sendable, Codable {
    /// The location (a store number assigned by the buyer...).
    public var location: PartyIdentifier
    /// The quantity for that location.
    public var quantity: DecimalNumber
    /// The unit of ``quantity``.
    public var unit: UnitOfMeasure

    public init(location: PartyIdentifier, quantity: DecimalNumber, unit: UnitOfMeasure) {
        self.location = location
        self.quantity = quantity
        self.unit = unit
    }
}

extension DestinationQuantity: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("location", self.location)
        writer.field("quantity", self.quantity)
        writer.field("unit", self.unit)
        writer.endObject()
    }
}
