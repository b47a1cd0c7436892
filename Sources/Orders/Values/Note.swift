/// Free text for people: instructions, reasons, comments.
///
/// An X12 `N9` loop (its qualifier, its description as the title, each `MSG`/`MTX` as a line) or a cXML
/// `Comments` element.
public struct Note: Hashable, Sendable, Codable {
    /// What the note is about, when said.
    public var kind: Optional<NoteKind>
    /// A heading (`N902`, `N903`).
    public var title: Optional<String>
    /// The text, one element per line as sent.
    public var lines: [String]
    /// The language, when sent.
    public var language: Optional<String>

    public init(kind: NoteKind? = nil, title: String? = nil, lines: [String], language: String? = nil) {
        self.kind = kind
        self.title = title
        self.lines = lines
        self.language = language
    }
}

extension Note: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("kind", self.kind)
        writer.field("language", self.language)
        writer.field("lines", self.lines)
        writer.field("title", self.title)
        writer.endObject()
    }
}
