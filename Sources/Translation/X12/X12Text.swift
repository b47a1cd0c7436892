import Orders

/// Conversions between X12 element text (types R, Nn, DT, TM) and Porter's values.
enum X12Text {
    /// An R (decimal) element: `12.5`, `.5` and `5.` are accepted; `nil` if the text is not a number.
    /// DTM04 (element 623) for a zone: an X12 code as it came (`ET`, `20`), or for an ISO offset (from cXML) the
    /// code of its whole hours (``CXMLTimeZones/x12Code(_:)``); an offset that is not whole hours has no code and is
    /// left out.
    static func timeCode(_ zone: TimeZoneDesignator) -> String? {
        if zone.utcOffsetSeconds != nil { return CXMLTimeZones.x12Code(zone) }
        return zone.rawValue.contains(":") ? nil : zone.rawValue
    }

    static func decimal(_ text: String) -> DecimalNumber? {
        let utf8 = text.utf8
        if let first = utf8.first, first != UInt8(ascii: "+"), first != UInt8(ascii: "."),
            utf8.last != UInt8(ascii: "."), !text.hasPrefix("-.")
        {
            return DecimalNumber(text)
        }
        var text = text
        if text.hasPrefix("+") { text.removeFirst() }
        if text.hasPrefix(".") {
            text = "0" + text
        } else if text.hasPrefix("-.") {
            text = "-0" + text.dropFirst()
        }
        if text.hasSuffix(".") { text.removeLast() }
        return DecimalNumber(text)
    }

    /// An Nn element (`n` implied decimals): `8500` in an N2 element is `85.00`.
    static func implied(_ text: String, decimals: Int) -> DecimalNumber? {
        var digits = text
        var sign = ""
        if digits.hasPrefix("-") {
            sign = "-"
            digits.removeFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        guard decimals > 0 else { return DecimalNumber(sign + digits) }
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -decimals)
        return DecimalNumber(sign + digits[..<split] + "." + digits[split...])
    }

    /// An R element's text: the digits as held, without a needless point.
    static func decimalText(_ number: DecimalNumber) -> String { number.text }

    /// An Nn element's text: `85.00` in an N2 element is `8500`. Digits past `n` are dropped.
    static func impliedText(_ number: DecimalNumber, decimals: Int) -> String {
        var text = number.text
        var sign = ""
        if text.hasPrefix("-") {
            sign = "-"
            text.removeFirst()
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction.count < decimals {
            fraction += String(repeating: "0", count: decimals - fraction.count)
        } else {
            fraction = String(fraction.prefix(decimals))
        }
        var digits = String((whole + fraction).drop { $0 == "0" })
        if digits.isEmpty {
            digits = "0"
            sign = ""
        }
        return sign + digits
    }

    /// A DT element, `CCYYMMDD`.
    static func date(_ text: String) -> CalendarDate? {
        let bytes = Array(text.utf8)
        guard bytes.count == 8, let number = Int(text), number >= 0 else { return nil }
        return CalendarDate(year: number / 10000, month: number / 100 % 100, day: number % 100)
    }

    /// A six-digit `YYMMDD` date (GS04 before 004010, ISA09), with the century pivoting at 50.
    static func shortDate(_ text: String) -> CalendarDate? {
        guard text.utf8.count == 6, let number = Int(text), number >= 0 else { return nil }
        let year = number / 10000
        return CalendarDate(year: year < 50 ? 2000 + year : 1900 + year, month: number / 100 % 100, day: number % 100)
    }

    /// A DT element's text, `CCYYMMDD`.
    static func dateText(_ date: CalendarDate) -> String {
        digits(date.year, 4) + digits(date.month, 2) + digits(date.day, 2)
    }

    /// A TM element, `HHMM`, `HHMMSS` or `HHMMSSd...`: the precision sent is kept.
    static func time(_ text: String) -> TimeOfDay? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4, bytes.count != 5,
            bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        func number(_ range: Range<Int>) -> Int { Int(String(decoding: bytes[range], as: UTF8.self)) ?? -1 }
        let second = bytes.count >= 6 ? number(4..<6) : nil
        let fraction = bytes.count > 6 ? String(decoding: bytes[6...], as: UTF8.self) : nil
        return TimeOfDay(hour: number(0..<2), minute: number(2..<4), second: second, fractionDigits: fraction)
    }

    /// A TM element's text.
    static func timeText(_ time: TimeOfDay) -> String {
        var text = digits(time.hour, 2) + digits(time.minute, 2)
        if let second = time.second {
            text += digits(second, 2)
            if let fraction = time.fractionDigits { text += fraction }
        }
        return text
    }

    private static func digits(_ value: Int, _ count: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, count - text.count)) + text
    }
}
