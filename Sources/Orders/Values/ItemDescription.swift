/// A free-form description of an item, in a language when one was given.
///
/// An X12 `PID*F` or a cXML `Description`. Several descriptions may describe one item (long text split over
/// several PIDs, or one per language).
public struct ItemDescription: Hashable, Sendable, Codable {
    /// The text as sent.
    public var text: String
    /// The language (`en`, `en-US`), when sent.
    public var language: Optional<String>

    public init(_ text: String, language: String? = nil) {
        self.text = text
        self.language = language
    }
}

extension ItemDescription: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("language", self.language)
        writer.field("text", self.text)
        writer.endObject()
    }
}
