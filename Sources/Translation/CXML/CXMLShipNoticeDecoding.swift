public import Orders

/// What decoding one cXML `ShipNoticeRequest` produced.
public struct CXMLShipNoticeDecoding: Sendable {
    /// The ship notice, or `nil` when the document could not be read as one (see `findings`).
    public var shipNotice: ShipNotice?
    /// Problems met while decoding, located by line, column and element path.
    public var findings: [CXMLFinding]

    /// Creates a decoding result.
    public init(shipNotice: ShipNotice?, findings: [CXMLFinding]) {
        self.shipNotice = shipNotice
        self.findings = findings
    }
}
