/// What a note is about.
///
/// X12 element 128 (N901) and cXML `Comments@type`.
///
/// In JSON a named value is its name (`"general"`); any other value is the code as sent.
public struct NoteKind: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// General notes and instructions (X12 `L1`).
    public static let general: Self = "general"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [.general]
}
