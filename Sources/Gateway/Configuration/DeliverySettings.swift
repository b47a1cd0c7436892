/// How the distribution queue delivers outbound documents.
public struct DeliverySettings: Hashable, Sendable {
    /// How many deliveries run at once (at least 1). Default 4.
    public var concurrency: Int
    /// When a failed delivery is tried again.
    public var retry: RetrySettings
    /// How long a worker holds a claimed queue entry before another worker may take it over, in seconds.
    /// Default 300.
    public var leaseSeconds: Double

    public init(concurrency: Int = 4, retry: RetrySettings = RetrySettings(), leaseSeconds: Double = 300) {
        self.concurrency = concurrency
        self.retry = retry
        self.leaseSeconds = leaseSeconds
    }

    /// ``leaseSeconds`` as a duration.
    public var lease: Duration { .seconds(self.leaseSeconds) }
}

/// Exponential backoff with jitter for failed deliveries: attempt *n* waits
/// `min(initialDelay × 2^(n−1), maxDelay)`, spread by ± `jitter` of itself.
public struct RetrySettings: Hashable, Sendable {
    /// Attempts in all, the first included, before the message is dead-lettered. Default 8.
    public var maxAttempts: Int
    /// The wait after the first failure, in seconds. Default 30.
    public var initialDelaySeconds: Double
    /// The longest wait between attempts, in seconds. Default 3600.
    public var maxDelaySeconds: Double
    /// The fraction (0 to 1) by which each wait is randomly lengthened or shortened. Default 0.2.
    public var jitter: Double

    public init(
        maxAttempts: Int = 8, initialDelaySeconds: Double = 30, maxDelaySeconds: Double = 3600, jitter: Double = 0.2
    ) {
        self.maxAttempts = maxAttempts
        self.initialDelaySeconds = initialDelaySeconds
        self.maxDelaySeconds = maxDelaySeconds
        self.jitter = jitter
    }

    /// ``initialDelaySeconds`` as a duration.
    public var initialDelay: Duration { .seconds(self.initialDelaySeconds) }
    /// ``maxDelaySeconds`` as a duration.
    public var maxDelay: Duration { .seconds(self.maxDelaySeconds) }
}
