public import Foundation

/// How long the gateway waits for a supplier's answers to an order before raising an alert (`tracking:` in
/// `partner.yaml`). Counted from the order's delivery.
public struct TrackingSettings: Hashable, Sendable {
    /// The default wait for a 997/999: 2 hours.
    public static let defaultAcknowledgmentWithin: TimeInterval = 2 * 3600
    /// The default wait for an 855 (or cXML ConfirmationRequest): 24 hours.
    public static let defaultConfirmationWithin: TimeInterval = 24 * 3600

    /// The wait for a 997/999, in seconds; nil for the default. 0: none is expected.
    public var acknowledgmentWithin: TimeInterval?
    /// The wait for an 855, in seconds; nil for the default. 0: none is expected.
    public var confirmationWithin: TimeInterval?

    public init(acknowledgmentWithin: TimeInterval? = nil, confirmationWithin: TimeInterval? = nil) {
        self.acknowledgmentWithin = acknowledgmentWithin
        self.confirmationWithin = confirmationWithin
    }
}
