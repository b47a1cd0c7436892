/// An identifier of an item, with the kind that says who assigned it.
///
/// ```swift
/// ItemIdentifier(.vendorPart, "AB-12")
/// ```
///
/// In JSON: `{"kind": "vendorPart", "value": "AB-12"}`.
public struct ItemIdentifier: Hashable, Sendable, Codable {
    /// What the identifier is (buyer's part number, U.P.C., ...).
    public var kind: ItemIdentifierKind
    /// The identifier as sent.
    public var value: String

    public init(_ kind: ItemIdentifierKind, _ value: String) {
        self.kind = kind
        self.value = value
    }
}

extension ItemIdentifier: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("kind", self.kind)
        writer.field("value", self.value)
        writer.endObject()
    }
}
