/// The vectorized search at the heart of the reader: which of 64 bytes are "interesting".
///
/// Sixteen bytes are compared at once with `SIMD16<UInt8>` (one `pcmpeqb` each on x86-64,
/// one `cmeq` on arm64). The 0x00/0xFF lanes are turned into a 16-bit mask without a
/// movemask instruction: each lane keeps one distinct bit of its byte, and a
/// multiplication by 0x0101010101010101 adds the eight bytes of each half into its top byte.
enum DelimiterScan {
    /// A bit for every byte of `pointer[0..<64]` equal to `first`, `second` or `third`;
    /// bit `i` stands for byte `i`.
    ///
    /// - Precondition: 64 bytes are readable at `pointer` (the reader keeps a 64-byte tail).
    @inline(__always)
    static func mask(
        _ pointer: UnsafeRawPointer, _ first: UInt8, _ second: UInt8, _ third: UInt8
    ) -> UInt64 {
        let a = SIMD16<UInt8>(repeating: first)
        let b = SIMD16<UInt8>(repeating: second)
        let c = SIMD16<UInt8>(repeating: third)
        // A local constant, not a static one: no `swift_once` check per block.
        let laneBits = SIMD16<UInt8>(1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128)
        var result: UInt64 = 0
        for lane in 0..<4 {
            let bytes = pointer.loadUnaligned(fromByteOffset: lane &* 16, as: SIMD16<UInt8>.self)
            let matches = (bytes .== a) .| (bytes .== b) .| (bytes .== c)
            let selected = SIMD16<UInt8>(repeating: 0).replacing(with: laneBits, where: matches)
            let halves = unsafeBitCast(selected, to: SIMD2<UInt64>.self)
            let low = (halves[0] &* 0x0101_0101_0101_0101) >> 56
            let high = (halves[1] &* 0x0101_0101_0101_0101) >> 56
            result |= (low | (high << 8)) << UInt64(lane &* 16)
        }
        return result
    }
}
