/// The syntax a document arrived in or leaves in.
///
/// In JSON a named value is its name (`"x12"`); any other value is the code as sent.
public struct EnvelopeStandard: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// ASC X12.
    public static let x12: Self = "x12"

    /// cXML.
    public static let cxml: Self = "cxml"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [.x12, .cxml]
}
