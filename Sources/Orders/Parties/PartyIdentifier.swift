/// An identifier of a party or a location, with the scheme it belongs to.
///
/// ```swift
/// PartyIdentifier(.duns, "804417263")
/// PartyIdentifier(.buyerAssigned, "DC04")
/// ```
///
/// In JSON: `{"qualifier": "duns", "value": "804417263"}`.
public struct PartyIdentifier: Hashable, Sendable, Codable {
    /// The scheme (D-U-N-S, GLN, assigned by the buyer...).
    public var qualifier: PartyIdentifierQualifier
    /// The identifier as sent.
    public var value: String

    public init(_ qualifier: PartyIdentifierQualifier, _ value: String) {
        self.qualifier = qualifier
        self.value = value
    }
}

extension PartyIdentifier: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("qualifier", self.qualifier)
        writer.field("value", self.value)
        writer.endObject()
    }
}
