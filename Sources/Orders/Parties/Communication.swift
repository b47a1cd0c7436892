/// A way to reach a contact: a phone number, an e-mail address.
public struct Communication: Hashable, Sendable, Codable {
    /// Phone, fax, e-mail...
    public var kind: CommunicationKind
    /// The number or address as sent.
    public var value: String

    public init(_ kind: CommunicationKind, _ value: String) {
        self.kind = kind
        self.value = value
    }
}

extension Communication: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("kind", self.kind)
        writer.field("value", self.value)
        writer.endObject()
    }
}
