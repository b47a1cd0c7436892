/// Checks of X12 date (DT) and time (TM) values. Nothing is converted or guessed here.
package enum X12Calendar {
    /// `true` for a real calendar date in `CCYYMMDD` (8 digits) or `YYMMDD` (6 digits).
    package static func isValidDate(_ text: String) -> Bool {
        let digits = Array(text.utf8)
        guard digits.count == 8 || digits.count == 6, digits.allSatisfy(isDigit) else { return false }
        let value = digits.map { Int($0 - 0x30) }
        let year: Int
        let rest: ArraySlice<Int>
        if digits.count == 8 {
            year = value[0] * 1000 + value[1] * 100 + value[2] * 10 + value[3]
            rest = value[4...]
        } else {
            // YYMMDD: the century only matters for 29 February; 00 is read as 2000.
            year = 2000 + value[0] * 10 + value[1]
            rest = value[2...]
        }
        let month = rest[rest.startIndex] * 10 + rest[rest.startIndex + 1]
        let day = rest[rest.startIndex + 2] * 10 + rest[rest.startIndex + 3]
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// `true` for `HHMM`, `HHMMSS`, `HHMMSSD` or `HHMMSSDD` on a 24-hour clock.
    package static func isValidTime(_ text: String) -> Bool {
        let digits = Array(text.utf8)
        guard (4...8).contains(digits.count), digits.count != 5, digits.allSatisfy(isDigit) else { return false }
        let value = digits.map { Int($0 - 0x30) }
        let hour = value[0] * 10 + value[1]
        let minute = value[2] * 10 + value[3]
        guard hour <= 23, minute <= 59 else { return false }
        if digits.count >= 6 {
            let second = value[4] * 10 + value[5]
            guard second <= 59 else { return false }
        }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
