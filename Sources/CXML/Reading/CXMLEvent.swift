/// What ``CXMLReader`` hands out, in document order.
///
/// Comments and processing instructions are skipped. Character data between two tags
/// (text, CDATA sections, character references, and what surrounds a comment) is one
/// ``text(_:location:)`` event, whatever the chunking of the input.
public enum CXMLEvent: Hashable, Sendable {
    /// The `DOCTYPE` declaration: its name and external identifiers, never fetched.
    case documentType(CXMLDocumentType)
    /// An element starts; `location` is where its `<` is.
    case elementStart(name: String, attributes: [CXMLAttribute], location: CXMLLocation)
    /// Character data; `location` is where it starts.
    case text(String, location: CXMLLocation)
    /// An element ends; `location` is where its end tag (or the `/>` of an empty element) is.
    /// Its path is the element's own.
    case elementEnd(name: String, location: CXMLLocation)
}
