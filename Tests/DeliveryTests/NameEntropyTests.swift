import Dispatch
import Synchronization
import Testing

@testable import Delivery

/// The values behind temporary outbox names and claim ids: never the same twice in a process, from any thread.
@Suite("Name entropy")
struct NameEntropyTests {
    @Test("200,000 values drawn on four threads at once are all different and use all 64 bits")
    func distinctAcrossThreads() {
        let drawn = Mutex<[UInt64]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            var mine: [UInt64] = []
            mine.reserveCapacity(50_000)
            for _ in 0..<50_000 { mine.append(NameEntropy.next()) }
            drawn.withLock { $0 += mine }
        }
        let values = drawn.withLock { $0 }
        #expect(values.count == 200_000)
        #expect(Set(values).count == 200_000)
        // Every bit is set in some value and clear in another (no constant bits, as a counter would have).
        let ored = values.reduce(0, |)
        let anded = values.reduce(UInt64.max, &)
        #expect(ored == UInt64.max)
        #expect(anded == 0)
    }
}
