public import Orders
public import X12

/// What decoding one 856 transaction set produced.
public struct X12ShipNoticeDecoding: Sendable {
    /// The ship notice, or `nil` when the set could not be read as one (no BSN, or a BSN without a shipment
    /// identifier or a usable date).
    public var shipNotice: ShipNotice?
    /// Problems met while decoding: unknown codes, values that are not numbers or dates, a missing BSN, HL levels
    /// with an unknown parent or no place in the model.
    public var findings: [X12Finding]

    public init(shipNotice: ShipNotice?, findings: [X12Finding]) {
        self.shipNotice = shipNotice
        self.findings = findings
    }
}
