/// An attribute of an element, as written (namespace declarations such as `xmlns:ds` included).
public struct CXMLAttribute: Hashable, Sendable {
    /// The qualified name, such as `payloadID` or `xml:lang`.
    public var name: String
    /// The value, with character and entity references replaced.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
