public import Orders
public import X12

/// What decoding one 860 transaction set produced.
public struct X12OrderChangeDecoding: Sendable {
    /// The change, or `nil` when the set could not be read as one (no usable BCH).
    public var change: OrderChange?
    /// Problems met while decoding: unknown codes, values that are not numbers or dates, a missing BCH.
    public var findings: [X12Finding]

    public init(change: OrderChange?, findings: [X12Finding]) {
        self.change = change
        self.findings = findings
    }
}
