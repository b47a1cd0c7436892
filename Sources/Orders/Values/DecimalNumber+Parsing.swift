// Reading numbers straight from a decoder's bytes: no intermediate `String`, no re-scan.

extension DecimalNumber {
    /// A number from UTF-8 bytes that are already in canonical form (`-?(0|[1-9][0-9]*)(\.[0-9]+)?`, not `-0`, at
    /// most ``maximumSignificantDigits`` bytes); `nil` for anything else, which the caller then parses the general
    /// way (``init(_:)``).
    ///
    /// The usual case of a decoder: a quantity or a price as a partner writes it, turned into the number's text
    /// with one `String` made from the bytes.
    public init?(canonicalUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard Self.isCanonical(utf8: bytes) else { return nil }
        self.text = ASCIIText.string(bytes)
    }

    /// Parses a decimal number written as `-?[0-9]+(\.[0-9]+)?` (``init(_:)``, without the generic dispatch).
    public init?(_ text: String) {
        var text = text
        if text.withUTF8({ Self.isCanonical(utf8: $0) }) {
            self.text = text
            return
        }
        guard let number = DecimalNumber(text[...]) else { return nil }
        self = number
    }

    /// Whether `bytes` are already what the general parser would make of them: an optional `-` (not before zero),
    /// no leading zeros, at most one `.` with digits after it, and few enough digits to need no significance check.
    static func isCanonical(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= Self.maximumSignificantDigits else { return false }
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < bytes.count, Self.isDigitByte(bytes[index]) else { return false }
        if bytes[index] == UInt8(ascii: "0"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: ".") {
            return false
        }
        var sawPoint = false
        var nonZero = false
        var previous = UInt8(0)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                if sawPoint { return false }
                sawPoint = true
            } else if Self.isDigitByte(byte) {
                if byte != UInt8(ascii: "0") { nonZero = true }
            } else {
                return false
            }
            previous = byte
            index += 1
        }
        return previous != UInt8(ascii: ".") && (nonZero || !negative)
    }

    @inline(__always)
    static func isDigitByte(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
