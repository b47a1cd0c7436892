import Foundation
import Orders
import Testing

/// Dates are calendar dates; times and zones stay as sent, never converted or guessed.
@Suite struct DateTests {
    @Test func calendarDatesAreValidated() {
        #expect(CalendarDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2025, month: 4, day: 31) == nil)
        #expect(CalendarDate(iso8601: "2025-03-04")?.description == "2025-03-04")
        for text in ["2025-3-4", "20250304", "2025-02-31", "2025/03/04", "0000-01-01", "2025-03-04T00:00"] {
            #expect(CalendarDate(iso8601: text) == nil, "\(text)")
        }
        #expect(CalendarDate(year: 2025, month: 3, day: 4)! < CalendarDate(year: 2025, month: 3, day: 21)!)
    }

    @Test(arguments: ["08:15", "08:15:00", "23:59:59.25", "00:00:00.123456789"])
    func timesKeepThePrecisionSent(_ text: String) throws {
        let time = try #require(TimeOfDay(iso8601: text))
        #expect(time.description == text)
    }

    @Test(arguments: ["24:00", "08:60", "8:15", "08:15:", "08:15:00.", "08:15:60", "0815", "08:15:00.1234567890"])
    func refusesBadTimes(_ text: String) {
        #expect(TimeOfDay(iso8601: text) == nil)
    }

    @Test func zonesAreKeptAsSent() {
        #expect(TimeZoneDesignator("-05:00").utcOffsetSeconds == -18_000)
        #expect(TimeZoneDesignator("+0530").utcOffsetSeconds == 19_800)
        #expect(TimeZoneDesignator("Z").utcOffsetSeconds == 0)
        #expect(TimeZoneDesignator("ET").utcOffsetSeconds == nil, "a named zone has no fixed offset")
        #expect(TimeZoneDesignator("13").utcOffsetSeconds == nil, "X12 time codes are the codec's business")
    }

    @Test func aDateTimeIsWrittenAsSent() throws {
        // 23:30 at +14:00 is the previous day in UTC; Porter keeps the date, time and zone as sent.
        var order = Samples.purchaseOrder
        order.orderDate = DateTime(
            date: CalendarDate(year: 2025, month: 3, day: 4)!, time: TimeOfDay(hour: 23, minute: 30), zone: "+14:00")
        order.dates = [QualifiedDate(.deliveryRequested, CalendarDate(year: 2025, month: 3, day: 21)!, zone: "ET")]
        let bytes = BusinessDocument.purchaseOrder(order).encodeCanonicalJSON()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""orderDate":{"date":"2025-03-04","time":"23:30","zone":"+14:00"}"#))
        #expect(text.contains(#""dates":[{"date":"2025-03-21","kind":"deliveryRequested","zone":"ET"}]"#))
        #expect(try BusinessDocument.decode(json: bytes) == .purchaseOrder(order))
    }

    @Test func aDateAloneHasNoTimeOrZone() throws {
        let order = try Fixtures.purchaseOrder("850/004010-retail-sdq.json")
        #expect(order.orderDate == DateTime(date: CalendarDate(year: 2025, month: 3, day: 4)!))
        #expect(order.envelope.date?.time?.description == "08:15", "an X12 HHMM time stays without seconds")
        #expect(order.dates.first(.deliveryRequested)?.date == CalendarDate(year: 2025, month: 3, day: 21))
    }

    @Test func anImpossibleDateIsAnError() throws {
        let text = String(decoding: try Fixtures.bytes("850/004010-retail-sdq.json"), as: UTF8.self)
            .replacingOccurrences(of: "2025-03-21", with: "2025-02-30")
        do {
            _ = try BusinessDocument.decode(json: Array(text.utf8))
            Issue.record("2025-02-30 was read")
        } catch {
            #expect(error.code == .invalidValue)
            #expect(error.path == "dates[0].date")
        }
    }
}
