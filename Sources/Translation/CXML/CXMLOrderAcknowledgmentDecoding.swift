public import Orders

/// What decoding one cXML `ConfirmationRequest` produced.
public struct CXMLOrderAcknowledgmentDecoding: Sendable {
    /// The order acknowledgment, or `nil` when the document could not be read as one (see `findings`).
    public var acknowledgment: OrderAcknowledgment?
    /// Problems met while decoding, located by line, column and element path.
    public var findings: [CXMLFinding]

    /// Creates a decoding result.
    public init(acknowledgment: OrderAcknowledgment?, findings: [CXMLFinding]) {
        self.acknowledgment = acknowledgment
        self.findings = findings
    }
}
