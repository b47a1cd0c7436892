/// A reference number with its qualifier: a department, a contract, a bill of lading...
///
/// X12 `REF`, cXML attributes such as `requisitionID` and `IdReference`. At least one of ``value`` and
/// ``description`` is present.
public struct Reference: Hashable, Sendable, Codable {
    /// What the reference is.
    public var qualifier: ReferenceQualifier
    /// The reference number as sent.
    public var value: Optional<String>
    /// A free-form description.
    public var description: Optional<String>

    public init(_ qualifier: ReferenceQualifier, _ value: String?, description: String? = nil) {
        self.qualifier = qualifier
        self.value = value
        self.description = description
    }
}

extension Reference: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("description", self.description)
        writer.field("qualifier", self.qualifier)
        writer.field("value", self.value)
        writer.endObject()
    }
}

extension Array where Element == Reference {
    /// The value of the first reference with `qualifier`, if any.
    ///
    /// - Complexity: O(*n*).
    public func value(_ qualifier: ReferenceQualifier) -> String? {
        self.first { $0.qualifier == qualifier && $0.value != nil }?.value
    }
}
