public import CXML

/// One cXML document written by an encoder, with what the encoder had to say about it.
public struct CXMLEncoding: Sendable {
    /// The document: UTF-8 XML with its `DOCTYPE`.
    public var bytes: [UInt8]
    /// The DTD the document is written against (its `DOCTYPE`).
    public var dtd: CXMLDTD
    /// Defaults written, values cXML cannot carry, approximations: warnings and notes, located by element path.
    public var findings: [CXMLFinding]

    /// Creates a result.
    public init(bytes: [UInt8], dtd: CXMLDTD, findings: [CXMLFinding]) {
        self.bytes = bytes
        self.dtd = dtd
        self.findings = findings
    }
}
