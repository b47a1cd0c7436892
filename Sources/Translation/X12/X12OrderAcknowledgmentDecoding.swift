public import Orders
public import X12

/// What decoding one 855 transaction set produced.
public struct X12OrderAcknowledgmentDecoding: Sendable {
    /// The acknowledgment, or `nil` when the set could not be read as one (no usable BAK).
    public var acknowledgment: OrderAcknowledgment?
    /// Problems met while decoding: unknown codes, values that are not numbers or dates, a missing BAK.
    public var findings: [X12Finding]

    public init(acknowledgment: OrderAcknowledgment?, findings: [X12Finding]) {
        self.acknowledgment = acknowledgment
        self.findings = findings
    }
}
