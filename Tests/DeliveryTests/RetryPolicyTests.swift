import Testing

@testable import Delivery

/// A seeded generator (Knuth's MMIX linear congruential step, high bits folded down), so jitter is the same on
/// every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        self.state = self.state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return self.state ^ (self.state >> 29)
    }
}

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test func delaysDoubleFromTheInitialDelayAndStopAtTheCap() {
        var generator = SeededGenerator(state: 1)
        let policy = RetryPolicy(maxAttempts: 12, jitter: 0)
        let delays = (1..<12).map { policy.delay(afterAttempt: $0, using: &generator) }
        let expected: [Duration] = [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600].map { .seconds($0) }
        #expect(delays == expected)
    }

    @Test func theDefaultsAreEightAttemptsFromThirtySecondsToAnHour() {
        let policy = RetryPolicy()
        #expect(
            policy == RetryPolicy(maxAttempts: 8, initialDelay: .seconds(30), maxDelay: .seconds(3600), jitter: 0.2))
    }

    @Test func noDelayIsLeftOnceMaxAttemptsFailed() {
        var generator = SeededGenerator(state: 2)
        let policy = RetryPolicy()
        #expect(policy.delay(afterAttempt: 7, using: &generator) != nil)
        #expect(policy.delay(afterAttempt: 8, using: &generator) == nil)
        #expect(policy.delay(afterAttempt: 9, using: &generator) == nil)
        #expect(RetryPolicy(maxAttempts: 1).delay(afterAttempt: 1, using: &generator) == nil)
    }

    @Test func beforeAnyFailureTheDelayIsZero() {
        var generator = SeededGenerator(state: 3)
        #expect(RetryPolicy().delay(afterAttempt: 0, using: &generator) == .zero)
    }

    @Test(arguments: [0.2, 0.5, 1.0])
    func jitterStaysWithinItsBoundsAndVaries(jitter: Double) throws {
        var generator = SeededGenerator(state: 42)
        let policy = RetryPolicy(maxAttempts: 10, jitter: jitter)
        for attempt in 1..<10 {
            let base = policy.baseDelay(afterAttempt: attempt)
            let low = base * (1 - jitter)
            let high = base * (1 + jitter)
            var seen: Set<Duration> = []
            for _ in 0..<200 {
                let delay = try #require(policy.delay(afterAttempt: attempt, using: &generator))
                #expect(delay >= low - .microseconds(1) && delay <= high + .microseconds(1))
                seen.insert(delay)
            }
            #expect(seen.count > 100)
        }
    }

    @Test func aHugeAttemptNumberStaysAtTheCap() {
        var generator = SeededGenerator(state: 4)
        let policy = RetryPolicy(maxAttempts: .max, jitter: 0)
        #expect(policy.delay(afterAttempt: .max - 1, using: &generator) == .seconds(3600))
        #expect(RetryPolicy(initialDelay: .zero, jitter: 0).delay(afterAttempt: 5, using: &generator) == .zero)
    }

    @Test func aMaximumBelowTheInitialDelayCapsFromTheFirstRetry() {
        var generator = SeededGenerator(state: 5)
        let policy = RetryPolicy(initialDelay: .seconds(10), maxDelay: .seconds(5), jitter: 0)
        #expect(policy.delay(afterAttempt: 1, using: &generator) == .seconds(5))
    }
}
