/// A calendar date with the time and time zone that came with it, if any.
///
/// Nothing is converted: a cXML `2025-03-04T08:15:00-05:00` is the date `2025-03-04`, the time `08:15:00` and the
/// zone `-05:00`; an X12 `DTM*002*20250321` is a date alone.
///
/// In JSON: `{"date": "2025-03-04", "time": "08:15:00", "zone": "-05:00"}`, `time` and `zone` only when sent.
public struct DateTime: Hashable, Sendable, Codable {
    /// The calendar date.
    public var date: CalendarDate
    /// The time of day, when sent.
    public var time: Optional<TimeOfDay>
    /// The time zone, when sent.
    public var zone: Optional<TimeZoneDesignator>

    public init(date: CalendarDate, time: TimeOfDay? = nil, zone: TimeZoneDesignator? = nil) {
        self.date = date
        self.time = time
        self.zone = zone
    }
}

extension DateTime: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("date", self.date)
        writer.field("time", self.time)
        writer.field("zone", self.zone)
        writer.endObject()
    }
}
