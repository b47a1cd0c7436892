/// What decoding one cXML document produced.
public struct CXMLDocumentDecoding: Sendable {
    /// The content, or `nil` when the document could not be read as one Porter knows (see ``findings``).
    public var content: CXMLDocumentContent?
    /// The document's element: the request's (`OrderRequest`…), the message's, or `Response`; `nil` when none.
    public var documentElement: String?
    /// Problems met while decoding, located by line, column and element path.
    public var findings: [CXMLFinding]

    /// Creates a decoding result.
    public init(content: CXMLDocumentContent?, documentElement: String?, findings: [CXMLFinding]) {
        self.content = content
        self.documentElement = documentElement
        self.findings = findings
    }
}
