public import Orders

/// What decoding one cXML `OrderRequest` produced.
public struct CXMLPurchaseOrderDecoding: Sendable {
    /// The purchase order, or `nil` when the document could not be read as one (see `findings`).
    public var order: PurchaseOrder?
    /// Problems met while decoding, located by line, column and element path.
    public var findings: [CXMLFinding]

    /// Creates a decoding result.
    public init(order: PurchaseOrder?, findings: [CXMLFinding]) {
        self.order = order
        self.findings = findings
    }
}
