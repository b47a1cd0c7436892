public import Orders
public import X12

/// What decoding one 997 or 999 transaction set produced.
public struct X12FunctionalAcknowledgmentDecoding: Sendable {
    /// The acknowledgment, or `nil` when the set could not be read as one (no AK1).
    public var acknowledgment: FunctionalAcknowledgment?
    /// Problems met while decoding: unknown codes, positions and counts that are not numbers, missing mandatory
    /// segments and elements.
    public var findings: [X12Finding]

    public init(acknowledgment: FunctionalAcknowledgment?, findings: [X12Finding]) {
        self.acknowledgment = acknowledgment
        self.findings = findings
    }
}
