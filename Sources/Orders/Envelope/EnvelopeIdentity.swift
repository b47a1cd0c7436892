/// Who sent or receives an interchange: an identifier with its qualifier or domain.
///
/// X12 ISA05/ISA06 (`01` and a D-U-N-S number, `ZZ` and a mutually defined ID), cXML `Credential@domain` and
/// `Identity` (`NetworkID`, `AN01000000001`). The qualifier is kept as sent: it belongs to the partner agreement.
public struct EnvelopeIdentity: Hashable, Sendable, Codable {
    /// The qualifier or domain as sent.
    public var qualifier: String?
    /// The identifier as sent, without padding.
    public var id: String

    public init(qualifier: String?, id: String) {
        self.qualifier = qualifier
        self.id = id
    }
}

extension EnvelopeIdentity: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("id", self.id)
        writer.field("qualifier", self.qualifier)
        writer.endObject()
    }
}
