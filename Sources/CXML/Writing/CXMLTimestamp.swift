public import Foundation

/// Formats the date-times cXML carries (`cXML@timestamp`, `orderDate`, `noticeDate`): ISO 8601
/// with seconds and a time-zone offset, as the DTD's `datetime.tz` requires, such as
/// `2026-11-22T10:15:00-05:00`.
public enum CXMLTimestamp {
    /// Formats `date` in `timeZone`.
    ///
    /// - Parameters:
    ///   - date: The instant; fractions of a second are dropped.
    ///   - timeZone: The zone whose offset at `date` is written; the process's by default.
    /// - Returns: `yyyy-MM-ddTHH:mm:ss±hh:mm`.
    public static func string(from date: Date, timeZone: TimeZone = .current) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let local = Int64((date.timeIntervalSince1970).rounded(.down)) + Int64(offset)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = Int(local - days * 86_400)
        let (year, month, day) = Self.civilDate(daysSince1970: days)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))T"
            + "\(Self.pad(seconds / 3600, 2)):\(Self.pad(seconds / 60 % 60, 2)):\(Self.pad(seconds % 60, 2))"
            + "\(sign)\(Self.pad(minutes / 60, 2)):\(Self.pad(minutes % 60, 2))"
    }

    /// The proleptic Gregorian date of a day count (Howard Hinnant's `civil_from_days`).
    private static func civilDate(daysSince1970 days: Int64) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
