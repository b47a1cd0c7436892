/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64: fast, and the same sequence on
/// every platform and Swift version, unlike the standard library's generator.
struct PseudoRandom: RandomNumberGenerator {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    init(seed: UInt64) {
        var state = seed
        func splitMix() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        self.s0 = splitMix()
        self.s1 = splitMix()
        self.s2 = splitMix()
        self.s3 = splitMix()
    }

    mutating func next() -> UInt64 {
        let result = rotate(self.s1 &* 5, 7) &* 9
        let t = self.s1 << 17
        self.s2 ^= self.s0
        self.s3 ^= self.s1
        self.s1 ^= self.s2
        self.s0 ^= self.s3
        self.s2 ^= t
        self.s3 = rotate(self.s3, 45)
        return result
    }

    /// A number in `0..<bound` (`bound` below 2³²), by Lemire's multiply-shift.
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: ((self.next() >> 32) &* UInt64(truncatingIfNeeded: bound)) >> 32)
    }

    /// A number in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + self.below(range.upperBound - range.lowerBound + 1)
    }

    /// `true` with the given probability in percent.
    mutating func chance(_ percent: Int) -> Bool {
        self.below(100) < percent
    }

    /// A random element of a non-empty array.
    mutating func pick<T>(_ elements: [T]) -> T {
        elements[self.below(elements.count)]
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
