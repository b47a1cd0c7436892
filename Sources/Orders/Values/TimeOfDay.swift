/// A time of day as sent: hours and minutes, and seconds and their fraction only when they were sent.
///
/// X12 times are `HHMM`, `HHMMSS` or `HHMMSSD...`; cXML times always carry seconds. Porter keeps the precision
/// the sender used, so `0815` comes back as `0815`, not `081500`.
///
/// In JSON a time is an ISO 8601 string: `"08:15"`, `"08:15:00"` or `"08:15:00.25"`.
public struct TimeOfDay: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The hour, 0 to 23.
    public let hour: Int
    /// The minute, 0 to 59.
    public let minute: Int
    /// The second, 0 to 59, when sent.
    public let second: Int?
    /// The decimal digits of the fraction of the second, as sent (`"25"` for `.25`); only with ``second``.
    public let fractionDigits: String?

    /// Creates a time.
    ///
    /// - Returns: `nil` if a field is out of range, `fractionDigits` is empty or not all digits, or a fraction is
    ///   given without seconds.
    public init?(hour: Int, minute: Int, second: Int? = nil, fractionDigits: String? = nil) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        if let second, !(0...59).contains(second) { return nil }
        if let fractionDigits {
            guard second != nil, !fractionDigits.isEmpty, fractionDigits.utf8.count <= 9,
                fractionDigits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else { return nil }
        }
        self.hour = hour
        self.minute = minute
        self.second = second
        self.fractionDigits = fractionDigits
    }

    /// Parses `hh:mm`, `hh:mm:ss` or `hh:mm:ss.f...` (one to nine fraction digits).
    public init?(iso8601 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5 || bytes.count >= 8, bytes[2] == UInt8(ascii: ":"),
            let hour = CalendarDate.number(bytes[0..<2]), let minute = CalendarDate.number(bytes[3..<5])
        else { return nil }
        var second: Int?
        var fraction: String?
        if bytes.count >= 8 {
            guard bytes[5] == UInt8(ascii: ":"), let value = CalendarDate.number(bytes[6..<8]) else { return nil }
            second = value
            if bytes.count > 8 {
                guard bytes[8] == UInt8(ascii: "."), bytes.count > 9 else { return nil }
                fraction = String(decoding: bytes[9...], as: UTF8.self)
            }
        }
        self.init(hour: hour, minute: minute, second: second, fractionDigits: fraction)
    }

    /// The ISO 8601 extended form with the precision sent.
    public var description: String {
        var bytes: [UInt8] = []
        self.appendISO8601(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = TimeOfDay(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a time (hh:mm, hh:mm:ss or hh:mm:ss.f): \(text)")
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }

    func appendISO8601(to bytes: inout [UInt8]) {
        appendDigits(self.hour, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(self.minute, count: 2, to: &bytes)
        if let second = self.second {
            bytes.append(UInt8(ascii: ":"))
            appendDigits(second, count: 2, to: &bytes)
            if let fraction = self.fractionDigits {
                bytes.append(UInt8(ascii: "."))
                bytes.append(contentsOf: fraction.utf8)
            }
        }
    }
}

extension TimeOfDay: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.unescapedString { self.appendISO8601(to: &$0) }
    }
}
