/// A person or department to contact, with numbers and addresses.
///
/// X12 `PER`, cXML `Contact` (its name, `Email`, `Phone`, `Fax`, `URL`).
public struct Contact: Hashable, Sendable, Codable {
    /// The contact's function (buyer, receiving...), when said.
    public var function: Optional<ContactFunction>
    /// The name.
    public var name: Optional<String>
    /// Phone numbers, e-mail addresses..., in the order sent.
    public var communications: [Communication]

    public init(function: ContactFunction? = nil, name: String? = nil, communications: [Communication] = []) {
        self.function = function
        self.name = name
        self.communications = communications
    }
}

extension Contact: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("communications", self.communications)
        writer.field("function", self.function)
        writer.field("name", self.name)
        writer.endObject()
    }
}
