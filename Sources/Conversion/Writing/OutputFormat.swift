/// The format `porter translate` and `porter convert` write.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Porter's canonical JSON, one document per output.
    case json
    /// One X12 interchange per document.
    case x12
    /// One cXML document per document.
    case cxml

    /// The file-name extension of an output in this format.
    public var fileExtension: String {
        switch self {
        case .json: return "json"
        case .x12: return "x12"
        case .cxml: return "xml"
        }
    }
}
