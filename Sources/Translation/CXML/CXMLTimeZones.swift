public import Orders

/// Time zones between cXML (ISO 8601 offsets, `-05:00`) and X12 (element 623 in DTM04: `UT`, and `01`–`24` for
/// whole-hour offsets: `01`–`12` are UTC+1…+12, `13`–`24` UTC−12…−1; DOMAIN.md §9.1).
///
/// Only fixed offsets convert: named zones such as `ET` or `PT` depend on the date and daylight saving, so Porter
/// never turns them into an offset (the cXML encoder writes its default zone instead, with a warning).
public enum CXMLTimeZones {
    /// The ISO 8601 offset of a zone: an offset as it is, `Z`, or an X12 code `UT`/`GM`/`01`–`24`; `nil` otherwise.
    public static func isoOffset(_ zone: TimeZoneDesignator) -> TimeZoneDesignator? {
        if zone.utcOffsetSeconds != nil { return zone }
        switch zone.rawValue {
        case "UT", "GM": return "+00:00"
        default: break
        }
        guard zone.rawValue.utf8.count == 2, let code = Int(zone.rawValue), (1...24).contains(code) else { return nil }
        let hours = code <= 12 ? code : code - 25
        let sign = hours < 0 ? "-" : "+"
        let digits = abs(hours) < 10 ? "0\(abs(hours))" : "\(abs(hours))"
        return TimeZoneDesignator(rawValue: "\(sign)\(digits):00")
    }

    /// The X12 element 623 code of an ISO 8601 offset: `UT` for zero, `01`–`24` for a whole number of hours;
    /// `nil` for any other zone (a half-hour offset, a named zone).
    public static func x12Code(_ zone: TimeZoneDesignator) -> String? {
        guard let seconds = zone.utcOffsetSeconds, seconds % 3600 == 0 else { return nil }
        let hours = seconds / 3600
        if hours == 0 { return "UT" }
        guard (-12...12).contains(hours) else { return nil }
        let code = hours > 0 ? hours : hours + 25
        return code < 10 ? "0\(code)" : "\(code)"
    }
}
