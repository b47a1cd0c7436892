/// What one delivery attempt came to: the queue worker acts on it.
public enum DeliveryOutcome: Hashable, Sendable {
    /// The message is delivered; `detail` says where and how (for the tracking timeline).
    case delivered(detail: String)
    /// A transient failure (a full disk, a timeout, an HTTP 503): try again later, as the ``RetryPolicy`` says.
    case retry(reason: String)
    /// A permanent failure (the partner refused the document): sending it again unchanged cannot succeed, so it goes
    /// to the dead letters with `reason`.
    case dead(reason: String)
}

extension DeliveryOutcome: CustomStringConvertible {
    /// `delivered: …`, `retry: …` or `dead: …`.
    public var description: String {
        switch self {
        case .delivered(let detail): "delivered: \(detail)"
        case .retry(let reason): "retry: \(reason)"
        case .dead(let reason): "dead: \(reason)"
        }
    }
}
