import Synchronization

/// Random-looking 64-bit values for names that must not collide: outbox temporary files, intake claim ids.
///
/// SplitMix64 over one process-wide counter, seeded once from the system's generator: values never repeat within a
/// process (the mix is a bijection of the counter, which steps by an odd constant) and cannot be guessed from
/// another process's. `UInt64.random(in:)` made a `getrandom` system call for every name: three per inbound file.
package enum NameEntropy {
    private static let counter: Atomic<UInt64> = {
        var system = SystemRandomNumberGenerator()
        return Atomic(system.next())
    }()

    /// The next value.
    package static func next() -> UInt64 {
        var value = self.counter.wrappingAdd(0x9E37_79B9_7F4A_7C15, ordering: .relaxed).newValue
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
