/// A date with what it means: requested delivery, scheduled shipment, cancel after...
///
/// In JSON: `{"kind": "deliveryRequested", "date": "2025-03-21"}`, with `time` and `zone` when sent.
public struct QualifiedDate: Hashable, Sendable, Codable {
    /// What the date means.
    public var kind: DateKind
    /// The calendar date.
    public var date: CalendarDate
    /// The time of day, when sent.
    public var time: Optional<TimeOfDay>
    /// The time zone, when sent.
    public var zone: Optional<TimeZoneDesignator>

    public init(_ kind: DateKind, _ date: CalendarDate, time: TimeOfDay? = nil, zone: TimeZoneDesignator? = nil) {
        self.kind = kind
        self.date = date
        self.time = time
        self.zone = zone
    }

    public init(_ kind: DateKind, _ dateTime: DateTime) {
        self.init(kind, dateTime.date, time: dateTime.time, zone: dateTime.zone)
    }

    /// The date, time and zone without the kind.
    public var dateTime: DateTime { DateTime(date: self.date, time: self.time, zone: self.zone) }
}

extension QualifiedDate: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("date", self.date)
        writer.field("kind", self.kind)
        writer.field("time", self.time)
        writer.field("zone", self.zone)
        writer.endObject()
    }
}

extension Array where Element == QualifiedDate {
    /// The first date of `kind`, if any.
    ///
    /// - Complexity: O(*n*).
    public func first(_ kind: DateKind) -> QualifiedDate? { self.first { $0.kind == kind } }
}
