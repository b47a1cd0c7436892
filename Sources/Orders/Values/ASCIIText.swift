/// Text made from a decoder's bytes: short ASCII runs (most EDI elements: codes, numbers, part numbers) become
/// Swift's in-place small strings without the general UTF-8 validation path.
///
/// `String(decoding:as:)` checks every byte, then copies a short run into a small string: about 160 instructions for
/// a five-byte code, the largest single cost of decoding an order once everything else reads bytes in place. A
/// small ASCII string is two words holding the bytes and their count; when this runtime lays small strings out that
/// way (``packsSmallStrings``, folded to a constant; the tests check it against `String(decoding:as:)` for every
/// length), ``string(_:)`` packs the words directly.
/// Otherwise, and for anything longer or not ASCII, it is `String(decoding:as:)`.
package enum ASCIIText {
    /// Whether packed words are the standard library's small strings on this runtime: on a 64-bit little-endian
    /// build, whether a small string literal has the words ``words(_:)`` makes of its bytes. The optimizer folds it
    /// to a constant (a lazily initialized `static let` cost a `swift_once` call at every use, ~2.5 instructions per
    /// byte of X12 on decode + JSON); ``verifiedSmallStringLayout`` checks every length both ways (run by the tests).
    @inline(__always)
    package static var packsSmallStrings: Bool {
        #if _endian(little) && _pointerBitWidth(_64)
            guard MemoryLayout<String>.size == 16 else { return false }
            // "Porter-EDI 850~": bytes 0-7, then bytes 8-14 under the discriminator 0xE (small, ASCII) and count 15.
            let words = unsafeBitCast("Porter-EDI 850~", to: (UInt64, UInt64).self)
            return words.0 == 0x452D_7265_7472_6F50 && words.1 == 0xEF7E_3035_3820_4944
        #else
            return false
        #endif
    }

    /// Whether ``words(_:)`` gives exactly the words of `String(decoding:as:)` for every length from 0 to 15, and
    /// the other way round: what ``packsSmallStrings`` relies on (checked by the tests, not on the hot path).
    package static let verifiedSmallStringLayout: Bool = {
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
            return Self.smallString(words)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The small string of `words`, taken as an owned value from temporary memory: `unsafeBitCast` gave a borrowed
    /// value that was then copied, a `swift_bridgeObjectRetain` call (a no-op on the immortal small string) of ~14
    /// instructions a string.
    @inline(__always)
    private static func smallString(_ words: (UInt64, UInt64)) -> String {
        withUnsafeTemporaryAllocation(of: String.self, capacity: 1) { slot in
            let string = slot.baseAddress!
            UnsafeMutableRawPointer(string).storeBytes(of: words.0, as: UInt64.self)
            UnsafeMutableRawPointer(string).storeBytes(of: words.1, toByteOffset: 8, as: UInt64.self)
            return string.move()
        }
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
    ///
    /// The bytes are read by at most two overlapping loads within `bytes` (a copy into zeroed words called `memcpy`,
    /// ~14 instructions a string more).
    @inline(__always)
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return Self.discriminated((0, 0), count: 0) }
        let raw = UnsafeRawPointer(base)
        var low: UInt64
        var high: UInt64 = 0
        if count >= 8 {
            low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            // Bytes count-8 ..< count, of which the last count-8 are bytes 8 ..< count (none when count is 8: a shift
            // by 64 gives 0).
            let tail = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
            high = tail >> UInt64(truncatingIfNeeded: 8 &* (16 &- count))
        } else if count >= 4 {
            // Bytes 0 ..< 4 and count-4 ..< count; the bytes both hold are the same, so they are or-ed.
            let head = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let tail = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
            low = head | tail << UInt64(truncatingIfNeeded: 8 &* (count &- 4))
        } else {
            // Bytes 0, count/2 and count-1 (for one to three bytes, together every byte).
            let middle = count &>> 1
            low = UInt64(base[0]) | UInt64(base[middle]) << UInt64(truncatingIfNeeded: 8 &* middle)
            low |= UInt64(base[count &- 1]) << UInt64(truncatingIfNeeded: 8 &* (count &- 1))
        }
        return Self.discriminated((low.littleEndian, high.littleEndian), count: count)
    }

    /// The words of the text (byte `i` of the text is byte `i` of the pair on a little-endian machine), with the
    /// discriminator and count in the top byte.
    @inline(__always)
    private static func discriminated(_ words: (UInt64, UInt64), count: Int) -> (UInt64, UInt64) {
        (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1) | (0xE0 | UInt64(count)) << 56)
    }
}
