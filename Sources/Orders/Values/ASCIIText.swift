/// Text made from a decoder's bytes: short ASCII runs (most EDI elements: codes, numbers, part numbers) become
/// Swift's in-place small strings without the general UTF-8 validation path.
///
/// `String(decoding:as:)` checks every byte, then copies a short run into a small string: about 160 instructions for
/// a five-byte code, the largest single cost of decoding an order once everything else reads bytes in place. A
/// small ASCII string is two words holding the bytes and their count; when this runtime lays small strings out that
/// way (checked once against `String(decoding:as:)`, for every length), ``string(_:)`` packs the words directly.
/// Otherwise, and for anything longer or not ASCII, it is `String(decoding:as:)`.
package enum ASCIIText {
    /// Whether packed words are the standard library's small strings on this runtime (checked once).
    static let packsSmallStrings: Bool = {
        guard MemoryLayout<String>.size == 16 else { return false }
        let sample = Array("Porter-EDI 850~".utf8)
        return sample.withUnsafeBufferPointer { sample in
            (0...15).allSatisfy { count in
                let bytes = UnsafeBufferPointer(rebasing: sample[0..<count])
                let expected = String(decoding: bytes, as: UTF8.self)
                let words = Self.words(bytes)
                return unsafeBitCast(expected, to: (UInt64, UInt64).self) == words
                    && unsafeBitCast(words, to: String.self) == expected
            }
        }
    }()

    /// `String(decoding: bytes, as: UTF8.self)`, faster for up to 15 ASCII bytes.
    @inline(__always)
    package static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count <= 15, Self.packsSmallStrings, let words = Self.asciiWords(bytes) {
            return unsafeBitCast(words, to: String.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes of `text` as two words (byte `i` of the text is byte `i` of the pair in memory order, the bytes past
    /// the text zero) and its count, when it is a small ASCII string; `nil` otherwise. No retain, no copy.
    @inline(__always)
    package static func smallASCIIWords(_ text: String) -> (low: UInt64, high: UInt64, count: Int)? {
        guard Self.packsSmallStrings else { return nil }
        let words = unsafeBitCast(text, to: (UInt64, UInt64).self)
        // The top nibble 0xE marks a small ASCII string (immortal, ASCII, small); its count is the next four bits.
        guard words.1 >> 60 == 0xE else { return nil }
        return (
            UInt64(littleEndian: words.0), UInt64(littleEndian: words.1) & 0x00FF_FFFF_FFFF_FFFF,
            Int(truncatingIfNeeded: (words.1 >> 56) & 0x0F)
        )
    }

    /// The two words of a small ASCII string holding `bytes` (at most 15), or `nil` when a byte is not ASCII.
    @inline(__always)
    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        let words = Self.words(bytes)
        // Bytes past `count` are zero, so one test covers every byte (the top byte is the discriminator).
        guard (words.0 | words.1 & 0x00FF_FFFF_FFFF_FFFF) & 0x8080_8080_8080_8080 == 0 else { return nil }
        return words
    }

    /// Bytes 0-7 in the first word, 8-14 in the second, whose top byte is the small-ASCII discriminator and count.
    @inline(__always)
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        return Self.discriminated(words, count: bytes.count)
    }

    /// The words of the text (byte `i` of the text is byte `i` of the pair on a little-endian machine), with the
    /// discriminator and count in the top byte.
    @inline(__always)
    private static func discriminated(_ words: (UInt64, UInt64), count: Int) -> (UInt64, UInt64) {
        (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1) | (0xE0 | UInt64(count)) << 56)
    }
}
