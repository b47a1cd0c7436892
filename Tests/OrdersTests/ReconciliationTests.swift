import Foundation
import Orders
import Testing

/// Reconciliation of acknowledgments and ship notices with their orders: one test per kind of discrepancy, on
/// the golden documents (the 855 answers the blanket release, the 856 ships the retail order).
@Suite struct ReconciliationTests {
    static func releaseOrder() throws -> PurchaseOrder { try Fixtures.purchaseOrder("850/004010-blanket-release.json") }
    static func acknowledgment() throws -> OrderAcknowledgment {
        try Fixtures.acknowledgment("855/004010-changes.json")
    }
    static func retailOrder() throws -> PurchaseOrder { try Fixtures.purchaseOrder("850/004010-retail-sdq.json") }
    static func shipNotice() throws -> ShipNotice { try Fixtures.shipNotice("856/004010-pick-pack.json") }
    static func date(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: 2025, month: month, day: day)! }

    // MARK: Acknowledgment against order

    @Test func goldenAcknowledgmentAgainstItsOrder() throws {
        let discrepancies = try Self.acknowledgment().discrepancies(against: try Self.releaseOrder())
        #expect(discrepancies.map(\.kind) == [.quantity, .price, .quantity])
        #expect(discrepancies.map(\.lineNumber) == ["1", "2", "3"])
    }

    @Test func quantity() throws {
        let discrepancies = try Self.acknowledgment().discrepancies(against: try Self.releaseOrder())
        let changed = try #require(discrepancies.first { $0.kind == .quantity && $0.lineNumber == "1" })
        #expect(changed.ordered == .quantity("500", unit: .foot))
        #expect(changed.confirmed == .quantity("400", unit: .foot))
        #expect(changed.items.first == ItemIdentifier(.buyerPart, "HME-CBL-16AWG-RD"))
        let rejected = try #require(discrepancies.first { $0.kind == .quantity && $0.lineNumber == "3" })
        #expect(rejected.ordered == .quantity("20", unit: .package))
        #expect(rejected.confirmed == .quantity("0", unit: .package), "a rejected line confirms nothing")
    }

    @Test func price() throws {
        let discrepancies = try Self.acknowledgment().discrepancies(against: try Self.releaseOrder())
        let price = try #require(discrepancies.first { $0.kind == .price })
        #expect(price.lineNumber == "2")
        #expect(price.ordered == .price("2.06"))
        #expect(price.confirmed == .price("2.19"))
    }

    @Test func date() throws {
        var order = try Self.releaseOrder()
        order.dates.append(QualifiedDate(.shipRequested, Self.date(3, 20)))
        let discrepancies = try Self.acknowledgment().discrepancies(against: order).filter { $0.kind == .date }
        // Line 4's backorder ships 2025-04-09; everything else is scheduled for 2025-03-19.
        #expect(discrepancies.count == 1)
        #expect(discrepancies.first?.lineNumber == "4")
        #expect(discrepancies.first?.ordered == .date(QualifiedDate(.shipRequested, Self.date(3, 20))))
        #expect(discrepancies.first?.confirmed == .date(QualifiedDate(.scheduledShip, Self.date(4, 9))))
        // A line date overrides the order's; a ship date is never compared with a delivery date.
        order.lines[3].dates = [QualifiedDate(.shipNoLater, Self.date(4, 30))]
        #expect(try Self.acknowledgment().discrepancies(against: order).filter { $0.kind == .date }.isEmpty)
    }

    @Test func unit() throws {
        var acknowledgment = try Self.acknowledgment()
        acknowledgment.lines[3].statuses = [ItemStatus(status: .accepted, quantity: 5, unit: .box)]
        let discrepancies = acknowledgment.discrepancies(against: try Self.releaseOrder()).filter {
            $0.lineNumber == "4"
        }
        #expect(discrepancies.map(\.kind) == [.unit])
        #expect(discrepancies.first?.ordered == .quantity("60", unit: .each))
        #expect(discrepancies.first?.confirmed == .quantity("5", unit: .box))
    }

    @Test func unknownItem() throws {
        var acknowledgment = try Self.acknowledgment()
        acknowledgment.lines.append(
            AcknowledgmentLine(
                lineNumber: "5", quantity: 10, unit: .each, items: [ItemIdentifier(.vendorPart, "QCW-HS8-50")],
                statuses: [ItemStatus(status: .accepted, quantity: 10, unit: .each)]))
        // A known line number with another item's part numbers is an unknown item too.
        acknowledgment.lines[0].items = [ItemIdentifier(.vendorPart, "QCW-99")]
        let unknown = acknowledgment.discrepancies(against: try Self.releaseOrder()).filter { $0.kind == .unknownItem }
        #expect(unknown.map(\.lineNumber) == ["1", "5"])
        #expect(unknown.last?.confirmed == .quantity("10", unit: .each))
    }

    @Test func missingLine() throws {
        var acknowledgment = try Self.acknowledgment()
        acknowledgment.lines.removeLast()
        let missing = acknowledgment.discrepancies(against: try Self.releaseOrder()).filter { $0.kind == .missingLine }
        #expect(missing.map(\.lineNumber) == ["4"])
        #expect(missing.first?.ordered == .quantity("60", unit: .each))
    }

    @Test func acknowledgmentAsAWholeHasNoLineDiscrepancies() throws {
        var acknowledgment = try Self.acknowledgment()
        acknowledgment.lines = []
        acknowledgment.acknowledgmentType = .accepted
        #expect(acknowledgment.discrepancies(against: try Self.releaseOrder()).isEmpty)
    }

    @Test func lineNumbersMatchAsNumbersAndItemsWithoutNumbers() throws {
        var acknowledgment = try Self.acknowledgment()
        acknowledgment.lines[0].lineNumber = "001"
        acknowledgment.lines[1].lineNumber = nil
        let discrepancies = acknowledgment.discrepancies(against: try Self.releaseOrder())
        #expect(discrepancies.map(\.kind) == [.quantity, .price, .quantity])
        #expect(discrepancies.map(\.lineNumber) == ["1", "2", "3"])
    }

    // MARK: Ship notice against order

    @Test func goldenShipNoticeAgainstItsOrder() throws {
        let discrepancies = try Self.shipNotice().discrepancies(against: try Self.retailOrder())
        #expect(discrepancies.map(\.kind) == [.shortShipment, .shortShipment, .shortShipment])
        #expect(
            discrepancies.map(\.shipped) == [
                .quantity("12", unit: .each), .quantity("6", unit: .each), .quantity("12", unit: .each),
            ])
    }

    @Test func shortShipment() throws {
        let short = try Self.shipNotice().discrepancies(against: try Self.retailOrder()).first
        #expect(short?.kind == .shortShipment)
        #expect(short?.lineNumber == "1")
        #expect(short?.ordered == .quantity("48", unit: .each))
        #expect(short?.shipped == .quantity("12", unit: .each), "6 + 6 from two cartons")
    }

    @Test func overShipment() throws {
        var order = try Self.retailOrder()
        order.lines[1].quantity = 5
        let over = try Self.shipNotice().discrepancies(against: order).filter { $0.kind == .overShipment }
        #expect(over.map(\.lineNumber) == ["2"])
        #expect(over.first?.shipped == .quantity("6", unit: .each))
    }

    @Test func missingLineInAShipment() throws {
        var notice = try Self.shipNotice()
        notice.orders[0].packs[3].items.removeFirst()  // the trivets, line 3
        let missing = notice.discrepancies(against: try Self.retailOrder()).filter { $0.kind == .missingLine }
        #expect(missing.map(\.lineNumber) == ["3"])
    }

    @Test func unknownItemInAShipment() throws {
        var notice = try Self.shipNotice()
        notice.orders[0].packs[3].items.append(
            ShipNoticeItem(lineNumber: nil, items: [ItemIdentifier(.upc, "084512300049")], quantity: 2, unit: .each))
        let unknown = notice.discrepancies(against: try Self.retailOrder()).filter { $0.kind == .unknownItem }
        #expect(unknown.count == 1)
        #expect(unknown.first?.items == [ItemIdentifier(.upc, "084512300049")])
        #expect(unknown.first?.shipped == .quantity("2", unit: .each))
    }

    @Test func unitInAShipment() throws {
        var notice = try Self.shipNotice()
        notice.orders[0].packs[3].items[0].unit = .case
        let discrepancies = notice.discrepancies(against: try Self.retailOrder()).filter { $0.lineNumber == "3" }
        #expect(discrepancies.map(\.kind) == [.unit])
    }

    @Test func dateInAShipment() throws {
        var order = try Self.retailOrder()
        #expect(try Self.shipNotice().discrepancies(against: order).allSatisfy { $0.kind != .date })
        order.dates.append(QualifiedDate(.shipNoLater, Self.date(3, 15)))
        let late = try Self.shipNotice().discrepancies(against: order).filter { $0.kind == .date }
        #expect(late.count == 1)
        #expect(late.first?.ordered == .date(QualifiedDate(.shipNoLater, Self.date(3, 15))))
        #expect(late.first?.shipped == .date(QualifiedDate(.shipped, Self.date(3, 18))))
    }

    @Test func severalNoticesAddUp() throws {
        var order = try Self.retailOrder()
        order.lines = [order.lines[0]]
        let first = try Self.shipNotice()
        var second = first
        second.shipmentID = "TKW-ASN-88103"
        second.orders[0].packs = [
            ShipNoticePack(level: .pack, items: [ShipNoticeItem(lineNumber: "1", quantity: 24, unit: .each)])
        ]
        // 12 in the first notice (lines 2 and 3 are not on this order: unknown), 24 in the second: still short.
        let discrepancies = order.shipmentDiscrepancies([first, second]).filter { $0.kind != .unknownItem }
        #expect(discrepancies.map(\.kind) == [.shortShipment])
        #expect(discrepancies.first?.shipped == .quantity("36", unit: .each))
        var third = second
        third.orders[0].packs[0].items[0].quantity = 12
        #expect(order.shipmentDiscrepancies([first, second, third]).filter { $0.kind != .unknownItem }.isEmpty)
    }

    @Test func aPortionWithoutItemsShipsTheWholeOrder() throws {
        var notice = try Self.shipNotice()
        notice.orders[0].packs = []
        #expect(notice.discrepancies(against: try Self.retailOrder()).isEmpty)
    }

    @Test func aNoticeForAnotherOrderShipsNothing() throws {
        var notice = try Self.shipNotice()
        notice.orders[0].orderNumber = "BO-0000000"
        let discrepancies = notice.discrepancies(against: try Self.retailOrder())
        #expect(discrepancies.map(\.kind) == [.missingLine, .missingLine, .missingLine])
    }

    @Test func discrepanciesAreCodable() throws {
        let discrepancies = try Self.acknowledgment().discrepancies(against: try Self.releaseOrder())
        let data = try JSONEncoder().encode(discrepancies)
        #expect(try JSONDecoder().decode([Discrepancy].self, from: data) == discrepancies)
    }
}
