public import Orders
public import X12

/// What decoding one 850 transaction set produced.
public struct X12PurchaseOrderDecoding: Sendable {
    /// The order, or `nil` when the set could not be read as one (no usable BEG).
    public var order: PurchaseOrder?
    /// Problems met while decoding: unknown codes, values that are not numbers or dates, a missing BEG.
    public var findings: [X12Finding]

    public init(order: PurchaseOrder?, findings: [X12Finding]) {
        self.order = order
        self.findings = findings
    }
}
