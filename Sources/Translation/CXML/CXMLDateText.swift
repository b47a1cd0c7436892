import Orders

/// cXML dates and date-times as text: ISO 8601, `2025-03-04`, `2025-03-04T08:15:00-05:00`.
///
/// Reading keeps what was sent (time precision, the zone as written: `-05:00`, `-0500`, `Z`) and converts nothing.
/// Writing a `datetime.tz` attribute needs a time and a zone: a value without them gets Porter's documented
/// defaults (12:00:00, so that the calendar day survives any offset, and the encoder's default zone).
enum CXMLDateText {
    /// The time written for a date that has none.
    static let defaultTime = TimeOfDay(hour: 12, minute: 0, second: 0)!

    /// Parses `YYYY-MM-DD`, optionally followed by `T` (or a space), a time (`hh:mm`, `hh:mm:ss`, `hh:mm:ss.f…`) and
    /// a zone (`Z`, `±hh:mm`, `±hhmm`, `±hh`).
    static func parse(_ text: String) -> DateTime? {
        // Spaces dropped at both ends over the bytes in place (the chain of `drop(while:)` and `reversed()` over the
        // UTF-8 view walked them through generic index code: about a thousand instructions a date).
        var text = text
        let bytes = text.withUTF8 { utf8 in
            var start = 0
            var end = utf8.count
            while start < end && utf8[start] == 0x20 { start += 1 }
            while end > start && utf8[end - 1] == 0x20 { end -= 1 }
            return Array(utf8[start..<end])
        }
        guard bytes.count >= 10, let date = CalendarDate(iso8601: String(decoding: bytes[0..<10], as: UTF8.self))
        else { return nil }
        if bytes.count == 10 { return DateTime(date: date) }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return nil }
        let rest = bytes[11...]
        let zoneStart =
            rest.firstIndex { $0 == UInt8(ascii: "Z") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
            ?? rest.endIndex
        guard let time = TimeOfDay(iso8601: String(decoding: rest[..<zoneStart], as: UTF8.self)) else { return nil }
        guard zoneStart < rest.endIndex else { return DateTime(date: date, time: time) }
        let zone = TimeZoneDesignator(rawValue: String(decoding: rest[zoneStart...], as: UTF8.self))
        guard zone.utcOffsetSeconds != nil else { return nil }
        return DateTime(date: date, time: time, zone: zone)
    }

    /// `YYYY-MM-DD` alone when there is no time, else the full date-time (for `%date` attributes).
    static func date(_ value: DateTime) -> String {
        guard value.time != nil else { return value.date.description }
        return self.dateTime(value, defaultZone: nil).text
    }

    /// The `datetime.tz` form, `YYYY-MM-DDThh:mm:ss±hh:mm`; seconds are added when the time has none.
    ///
    /// - Returns: The text, and whether a default time or zone was used (an X12 zone code for a fixed offset,
    ///   `UT` or `20`, is converted by ``CXMLTimeZones``; a named zone such as `ET` counts as missing).
    static func dateTime(_ value: DateTime, defaultZone: TimeZoneDesignator?) -> (text: String, defaulted: Bool) {
        var defaulted = false
        let time: TimeOfDay
        if let sent = value.time {
            time = sent.second == nil ? TimeOfDay(hour: sent.hour, minute: sent.minute, second: 0)! : sent
        } else {
            time = Self.defaultTime
            defaulted = true
        }
        var text = value.date.description + "T" + time.description
        if let zone = value.zone.flatMap(CXMLTimeZones.isoOffset) {
            text += zone.rawValue
        } else if let defaultZone {
            text += defaultZone.rawValue
            defaulted = true
        }
        return (text, defaulted)
    }
}
