/// A time zone as sent with a time, never converted.
///
/// Either an ISO 8601 offset as cXML sends it (`Z`, `+01:00`, `-05:00`) or a code the sender used instead (X12
/// element 623 in DTM04: `ET`, `UT`, `13`...). Porter never guesses a zone that was not sent, and never turns a
/// named zone such as `ET` into an offset (it depends on the date and daylight saving). ``utcOffsetSeconds`` reads
/// the ISO form only.
///
/// In JSON the value is the code as sent.
public struct TimeZoneDesignator: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = []
}

extension TimeZoneDesignator {
    /// Coordinated Universal Time as ISO 8601 writes it.
    public static let utc: Self = "Z"

    /// The offset from UTC in seconds when the designator is an ISO 8601 offset (`Z`, `+hh:mm`, `-hh:mm`,
    /// `+hhmm`, `+hh`), `nil` for a named zone or code.
    public var utcOffsetSeconds: Int? {
        let bytes = Array(self.rawValue.utf8)
        if bytes == [UInt8(ascii: "Z")] { return 0 }
        guard bytes.count == 3 || bytes.count == 5 || bytes.count == 6,
            bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-")
        else { return nil }
        let minuteDigits: ArraySlice<UInt8>
        switch bytes.count {
        case 3: minuteDigits = [UInt8(ascii: "0"), UInt8(ascii: "0")]
        case 5: minuteDigits = bytes[3..<5]
        default:
            guard bytes[3] == UInt8(ascii: ":") else { return nil }
            minuteDigits = bytes[4..<6]
        }
        guard let hours = CalendarDate.number(bytes[1..<3]), let minutes = CalendarDate.number(minuteDigits),
            hours <= 23, minutes <= 59
        else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return bytes[0] == UInt8(ascii: "-") ? -seconds : seconds
    }
}
