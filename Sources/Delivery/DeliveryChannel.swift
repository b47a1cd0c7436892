/// A way to hand a message to a trading partner: an outbox folder (``DirectoryChannel``), an HTTP POST of cXML
/// (``HTTPChannel``), more later behind the same protocol.
///
/// A channel never throws: every failure is an outcome, classified as transient (``DeliveryOutcome/retry(reason:)``)
/// or permanent (``DeliveryOutcome/dead(reason:)``), with a reason a person understands and that never holds the
/// payload or its secrets. Delivery is at least once: a channel is given the same message again after a crash or a
/// retry (``OutboundDelivery/attempt`` above 1) and must make that harmless where it can.
public protocol DeliveryChannel: Sendable {
    /// Makes one attempt to deliver `delivery`.
    func deliver(_ delivery: OutboundDelivery) async -> DeliveryOutcome
}
