/// When to try a failed delivery again: exponential backoff with jitter, and a bound on attempts.
///
/// Attempts are counted from 1: the first delivery is attempt 1, its first resend attempt 2, and so on; ``maxAttempts``
/// counts them all, the first included. After attempt `n` fails (`n` < ``maxAttempts``), the next waits
/// ``initialDelay`` × 2^(n−1), at most ``maxDelay``, multiplied by a random factor in 1 ± ``jitter`` so that messages
/// failed together do not all come back at once. With the defaults: about 30 s, 1 min, 2 min, 4 min, 8 min, 16 min,
/// 32 min, then a dead letter after the 8th attempt.
///
/// ```swift
/// var generator = SystemRandomNumberGenerator()
/// if let delay = policy.delay(afterAttempt: delivery.attempt, using: &generator) {
///     // schedule attempt delivery.attempt + 1 after `delay`
/// } else {
///     // no attempt left: dead letter
/// }
/// ```
public struct RetryPolicy: Hashable, Sendable {
    /// How many attempts a message gets in all, the first included (8 by default); 1 means never retry.
    public var maxAttempts: Int
    /// The delay after the first failed attempt (30 seconds by default).
    public var initialDelay: Duration
    /// The longest delay before jitter (1 hour by default).
    public var maxDelay: Duration
    /// How far, as a fraction, the random factor may move a delay either way: from 0 (none) to 1 (anywhere between
    /// nothing and twice the delay); 0.2 by default. Values outside 0...1 are taken as the nearer bound.
    public var jitter: Double

    /// Creates a policy; each value defaults to the one given in its documentation.
    public init(
        maxAttempts: Int = 8, initialDelay: Duration = .seconds(30), maxDelay: Duration = .seconds(3600),
        jitter: Double = 0.2
    ) {
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    /// The delay before the next attempt after `attempt` failed attempts, or nil when no attempt is left.
    ///
    /// - Parameters:
    ///   - attempt: The number of the attempt that just failed (``OutboundDelivery/attempt``); 0 or less means none
    ///     has failed yet, and the delay is zero.
    ///   - generator: The source of the jitter (a seeded one in tests).
    /// - Returns: A delay between `base × (1 − jitter)` and `base × (1 + jitter)`, where `base` is the exponential
    ///   delay capped at ``maxDelay``; `nil` once `attempt` reaches ``maxAttempts``.
    public func delay(afterAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration? {
        guard attempt < self.maxAttempts else { return nil }
        guard attempt > 0 else { return .zero }
        let base = self.baseDelay(afterAttempt: attempt)
        let spread = min(max(self.jitter, 0), 1)
        guard spread > 0 else { return base }
        let factor = Double.random(in: (1 - spread)...(1 + spread), using: &generator)
        return .seconds(Self.seconds(base) * factor)
    }

    /// The delay before jitter: ``initialDelay`` doubled `attempt − 1` times, never above ``maxDelay`` (and never
    /// negative).
    public func baseDelay(afterAttempt attempt: Int) -> Duration {
        let ceiling = max(self.maxDelay, .zero)
        var delay = min(max(self.initialDelay, .zero), ceiling)
        var doublings = attempt - 1
        // Doubling stops at the ceiling, so it cannot overflow whatever the attempt number.
        while doublings > 0 && delay > .zero && delay < ceiling {
            delay = delay > ceiling / 2 ? ceiling : delay * 2
            doublings -= 1
        }
        return delay
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
