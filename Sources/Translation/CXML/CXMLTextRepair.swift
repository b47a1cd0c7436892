/// Repairs "mojibake": UTF-8 text that was read as Windows-1252 (or ISO-8859-1) and written again as UTF-8, so that
/// `Supplier’s` arrives as `Supplierâ€™s`.
///
/// Only text that maps back to bytes one character each and whose bytes then form valid UTF-8 with at least one
/// multi-byte character is repaired; anything else is left as it is.
enum CXMLTextRepair {
    /// Windows-1252's characters for bytes 0x80–0x9F (bytes it leaves undefined pass through as C1 controls).
    private static let windows1252: [Unicode.Scalar: UInt8] = [
        "\u{20AC}": 0x80, "\u{201A}": 0x82, "\u{0192}": 0x83, "\u{201E}": 0x84, "\u{2026}": 0x85, "\u{2020}": 0x86,
        "\u{2021}": 0x87, "\u{02C6}": 0x88, "\u{2030}": 0x89, "\u{0160}": 0x8A, "\u{2039}": 0x8B, "\u{0152}": 0x8C,
        "\u{017D}": 0x8E, "\u{2018}": 0x91, "\u{2019}": 0x92, "\u{201C}": 0x93, "\u{201D}": 0x94, "\u{2022}": 0x95,
        "\u{2013}": 0x96, "\u{2014}": 0x97, "\u{02DC}": 0x98, "\u{2122}": 0x99, "\u{0161}": 0x9A, "\u{203A}": 0x9B,
        "\u{0153}": 0x9C, "\u{017E}": 0x9E, "\u{0178}": 0x9F,
    ]

    /// The repaired text, or `nil` when `text` does not look like mojibake.
    static func repair(_ text: String) -> String? {
        // Such a lead byte is written in UTF-8 as two bytes over 0x7F: text of ASCII bytes only (most) has none.
        if text.utf8.withContiguousStorageIfAvailable({ !$0.contains { $0 >= 0x80 } }) == true { return nil }
        // A UTF-8 lead byte read as Latin-1 is one of Â…ô (U+00C2–U+00F4): without one there is nothing to repair.
        guard text.unicodeScalars.contains(where: { $0.value >= 0xC2 && $0.value <= 0xF4 }) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value <= 0xFF {
                bytes.append(UInt8(scalar.value))
            } else if let byte = Self.windows1252[scalar] {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        var iterator = bytes.makeIterator()
        var codec = UTF8()
        var repaired = String.UnicodeScalarView()
        var multiByte = false
        loop: while true {
            switch codec.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value >= 0x80 { multiByte = true }
                repaired.append(scalar)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        guard multiByte else { return nil }
        let result = String(repaired)
        return result == text ? nil : result
    }
}
