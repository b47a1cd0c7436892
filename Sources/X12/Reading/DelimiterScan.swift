/// The vectorized search at the heart of the reader: which of 64 bytes are "interesting".
///
/// Sixteen bytes are compared at once with `SIMD16<UInt8>` (one `pcmpeqb` each on x86-64,
/// one `cmeq` on arm64). The 0x00/0xFF lanes are turned into a 16-bit mask without a
/// movemask instruction: each lane keeps one distinct bit of its byte, and a
/// multiplication by 0x0101010101010101 adds the eight bytes of each half into its top byte.
enum DelimiterScan {
    /// The three bytes searched for, each repeated in all lanes: made once per interchange
    /// rather than once per block.
    struct Vectors {
        var first: SIMD16<UInt8>
        var second: SIMD16<UInt8>
        var third: SIMD16<UInt8>

        init(_ first: UInt8, _ second: UInt8, _ third: UInt8) {
            self.first = SIMD16(repeating: first)
            self.second = SIMD16(repeating: second)
            self.third = SIMD16(repeating: third)
        }
    }

    /// A bit for every byte of `pointer[0..<64]` equal to one of `vectors`' three bytes;
    /// bit `i` stands for byte `i`.
    ///
    /// - Precondition: 64 bytes are readable at `pointer` (the reader keeps a 64-byte tail).
    @inline(__always)
    static func mask(_ pointer: UnsafeRawPointer, _ vectors: Vectors) -> UInt64 {
        let a = vectors.first
        let b = vectors.second
        let c = vectors.third
        // A local constant, not a static one: no `swift_once` check per block.
        let laneBits = SIMD16<UInt8>(1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128)
        var result: UInt64 = 0
        for lane in 0..<4 {
            let bytes = pointer.loadUnaligned(fromByteOffset: lane &* 16, as: SIMD16<UInt8>.self)
            let matches = (bytes .== a) .| (bytes .== b) .| (bytes .== c)
            // A mask lane is all ones or all zeros: AND keeps the lane's bit (a `replacing`
            // select compiled to three instructions more).
            let selected = unsafeBitCast(matches, to: SIMD16<UInt8>.self) & laneBits
            let halves = unsafeBitCast(selected, to: SIMD2<UInt64>.self)
            let low = (halves[0] &* 0x0101_0101_0101_0101) >> 56
            let high = (halves[1] &* 0x0101_0101_0101_0101) >> 56
            result |= (low | (high << 8)) << UInt64(lane &* 16)
        }
        return result
    }
}
