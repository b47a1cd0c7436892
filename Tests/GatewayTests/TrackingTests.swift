import Foundation
import Gateway
import Orders
import PorterTestSupport
import Store
import Testing
import Translation
import X12

/// Order tracking through the whole gateway: real inbox files, a real SQLite store, the real pipeline and delivery,
/// and an injected clock so deadlines pass without sleeping.
@Suite("Order tracking and alerts")
struct TrackingTests {
    /// 2025-03-04 12:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_741_089_600)

    /// A gateway whose clock the test moves, with the retail order BO-<number> delivered to tidewater-kitchenworks.
    private static func deliveredOrder(_ number: Int = 1) async throws -> (TestGateway, ManualClock, TrackedOrder) {
        let clock = ManualClock(Self.start)
        let gateway = try TestGateway(clock: { clock.read() })
        try gateway.drop(try retailOrder(number: number), as: "po-\(number).edi")
        try await gateway.runOnce()
        let legs = try await gateway.store.trackedOrders(number: "BO-\(number)")
        let leg = try #require(legs.first { $0.partner == "tidewater-kitchenworks" })
        return (gateway, clock, leg)
    }

    private static func openAlerts(_ gateway: TestGateway, kind: Alert.Kind) async throws -> [Alert] {
        try await gateway.store.alerts(openOnly: true, limit: 100).filter { $0.kind == kind }
    }

    private static func reconciliation(_ leg: TrackedOrder) throws -> OrderReconciliation {
        try #require(OrderReconciliation(of: leg))
    }

    @Test("an order delivered to an X12 supplier is a leg awaiting its 997 (2 h) and 855 (24 h)")
    func deliveredLeg() async throws {
        let (gateway, _, leg) = try await Self.deliveredOrder()
        #expect(leg.status == .delivered)
        #expect(leg.buyer == "erp-orders")
        #expect(leg.deliveredAt == Self.start)
        #expect(leg.acknowledgmentDue == Self.start.addingTimeInterval(2 * 3600))
        #expect(leg.confirmationDue == Self.start.addingTimeInterval(24 * 3600))
        #expect(leg.groupControlNumber == "1")
        #expect(try Self.reconciliation(leg).lines.map(\.ordered) == ["48", "36", "120"])
        let events = try await gateway.store.trackingEvents(orderNumber: "BO-1").map(\.kind)
        #expect(events.contains("distributed") && events.contains("delivered"))
        let versions = try await gateway.store.orderVersions(number: "BO-1")
        #expect(versions.map(\.version) == [1])
        // The finance copy is delivered too, but it is not a leg.
        #expect(try await gateway.store.trackedOrders(number: "BO-1").count == 1)
    }

    @Test("no 997 within 2 h raises acknowledgmentOverdue; the 997 arriving closes it, and alerts.jsonl has both")
    func acknowledgmentOverdue() async throws {
        let (gateway, clock, leg) = try await Self.deliveredOrder()
        clock.advance(by: 2 * 3600 - 1)
        #expect(try await gateway.runtime.alertMonitor.check().raised == 0)
        clock.advance(by: 2)
        #expect(try await gateway.runtime.alertMonitor.check().raised == 1)
        let overdue = try await Self.openAlerts(gateway, kind: .acknowledgmentOverdue)
        #expect(overdue.map(\.orderNumber) == ["BO-1"])
        #expect(overdue.first?.partner == "tidewater-kitchenworks")
        // Checking again raises nothing new.
        #expect(try await gateway.runtime.alertMonitor.check().raised == 0)

        clock.advance(by: 600)
        try gateway.drop(
            SupplierDocuments.functionalAcknowledgment(group: try #require(leg.groupControlNumber), control: 610),
            as: "997.edi")
        try await gateway.runOnce()
        try await gateway.runtime.alertMonitor.check()
        #expect(try await Self.openAlerts(gateway, kind: .acknowledgmentOverdue).isEmpty)
        let updated = try #require(try await gateway.store.trackedOrders(number: "BO-1").first)
        #expect(updated.status == .acknowledged)
        #expect(updated.acknowledgedOnTime == false)
        #expect(updated.acknowledgedAt == clock.read())

        let lines = try String(contentsOfFile: gateway.runtime.alertMonitor.alertsFile, encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let changes = lines.compactMap { line -> String? in
            guard let alert = line["alert"] as? [String: Any], alert["kind"] as? String == "acknowledgmentOverdue"
            else { return nil }
            return line["change"] as? String
        }
        #expect(changes == ["raised", "closed"])
        let sequences = lines.compactMap { $0["sequence"] as? Int }
        #expect(sequences == sequences.sorted() && Set(sequences).count == sequences.count)
    }

    @Test("a 997 in time: acknowledged on time, no alert")
    func acknowledgmentInTime() async throws {
        let (gateway, clock, leg) = try await Self.deliveredOrder()
        clock.advance(by: 300)
        try gateway.drop(
            SupplierDocuments.functionalAcknowledgment(group: try #require(leg.groupControlNumber), control: 611),
            as: "997.edi")
        try await gateway.runOnce()
        clock.advance(by: 3 * 3600)
        try await gateway.runtime.alertMonitor.check()
        #expect(try await Self.openAlerts(gateway, kind: .acknowledgmentOverdue).isEmpty)
        let updated = try #require(try await gateway.store.trackedOrders(number: "BO-1").first)
        #expect(updated.acknowledgedOnTime == true)
        #expect(updated.acknowledgmentDue == nil)
    }

    @Test("a 997 that rejects the order raises acknowledgmentRejected")
    func acknowledgmentRejected() async throws {
        let (gateway, _, leg) = try await Self.deliveredOrder()
        try gateway.drop(
            SupplierDocuments.functionalAcknowledgment(
                group: try #require(leg.groupControlNumber), control: 612, accepted: false),
            as: "997.edi")
        try await gateway.runOnce()
        let alerts = try await Self.openAlerts(gateway, kind: .acknowledgmentRejected)
        #expect(alerts.map(\.orderNumber) == ["BO-1"])
        #expect(try await gateway.store.trackedOrders(number: "BO-1").first?.status == .acknowledgmentRejected)
        // The supplier accepts it after all (a corrected resend): the rejection closes.
        try gateway.drop(
            SupplierDocuments.functionalAcknowledgment(group: try #require(leg.groupControlNumber), control: 613),
            as: "997-again.edi")
        try await gateway.runOnce()
        #expect(try await Self.openAlerts(gateway, kind: .acknowledgmentRejected).isEmpty)
        #expect(try await gateway.store.trackedOrders(number: "BO-1").first?.status == .acknowledged)
    }

    @Test("no 855 within 24 h raises confirmationOverdue; the 855 closes it")
    func confirmationOverdue() async throws {
        let (gateway, clock, _) = try await Self.deliveredOrder()
        clock.advance(by: 24 * 3600 + 1)
        try await gateway.runtime.alertMonitor.check()
        #expect(try await Self.openAlerts(gateway, kind: .confirmationOverdue).map(\.orderNumber) == ["BO-1"])
        try gateway.drop(SupplierDocuments.confirmation(order: "BO-1", control: 700, lines: .asOrdered), as: "855.edi")
        try await gateway.runOnce()
        #expect(try await Self.openAlerts(gateway, kind: .confirmationOverdue).isEmpty)
        let closed = try await gateway.store.alerts(openOnly: false, limit: 100).filter {
            $0.kind == .confirmationOverdue
        }
        #expect(closed.first?.closedBecause?.contains("855") == true)
        #expect(try await gateway.store.trackedOrders(number: "BO-1").first?.status == .confirmed)
    }

    @Test("an 855 with a changed quantity and a rejected line: reconciled per line, discrepancy and rejection alerts")
    func confirmationWithChanges() async throws {
        let (gateway, _, _) = try await Self.deliveredOrder()
        try gateway.drop(SupplierDocuments.confirmation(order: "BO-1", control: 701, lines: .changed), as: "855.edi")
        try await gateway.runOnce()
        let leg = try #require(try await gateway.store.trackedOrders(number: "BO-1").first)
        #expect(leg.status == .confirmedWithChanges)
        let lines = try Self.reconciliation(leg).lines
        #expect(lines.map(\.confirmed) == ["48", "30", "0"])
        #expect(lines.map(\.status) == ["accepted", "quantityChanged", "rejected"])
        #expect(leg.discrepancyCount == 2)
        let discrepancy = try await Self.openAlerts(gateway, kind: .discrepancy)
        #expect(discrepancy.map(\.key) == ["BO-1@tidewater-kitchenworks#confirmation"])
        #expect(discrepancy.first?.evidence.contains("\"quantity\"") == true)
        #expect(try await Self.openAlerts(gateway, kind: .confirmationRejected).map(\.orderNumber) == ["BO-1"])

        // A later 855 confirming everything as ordered closes both.
        try gateway.drop(
            SupplierDocuments.confirmation(order: "BO-1", control: 703, lines: .asOrdered), as: "855-2.edi")
        try await gateway.runOnce()
        #expect(try await Self.openAlerts(gateway, kind: .discrepancy).isEmpty)
        #expect(try await Self.openAlerts(gateway, kind: .confirmationRejected).isEmpty)
        let confirmed = try #require(try await gateway.store.trackedOrders(number: "BO-1").first)
        #expect(try Self.reconciliation(confirmed).lines.map(\.confirmed) == ["48", "36", "120"])
    }

    @Test("an 856 short shipment: shipped quantities per line, partiallyShipped, a discrepancy alert")
    func shortShipment() async throws {
        let (gateway, _, _) = try await Self.deliveredOrder()
        try gateway.drop(SupplierDocuments.shipNotice(order: "BO-1", control: 800, shipped: [48, 20]), as: "856.edi")
        try await gateway.runOnce()
        let leg = try #require(try await gateway.store.trackedOrders(number: "BO-1").first)
        #expect(leg.status == .partiallyShipped)
        #expect(try Self.reconciliation(leg).lines.map(\.shipped) == ["48", "20", "0"])
        let alerts = try await Self.openAlerts(gateway, kind: .discrepancy)
        #expect(alerts.map(\.key) == ["BO-1@tidewater-kitchenworks#shipment"])
        #expect(alerts.first?.message.contains("shortShipment") == true)

        // The rest ships: the order is shipped in full and the alert closes.
        try gateway.drop(
            SupplierDocuments.shipNotice(order: "BO-1", control: 801, shipped: [0, 16, 120], id: "SN-2"),
            as: "856-2.edi")
        try await gateway.runOnce()
        let shipped = try #require(try await gateway.store.trackedOrders(number: "BO-1").first)
        #expect(shipped.status == .shipped)
        #expect(try Self.reconciliation(shipped).lines.map(\.shipped) == ["48", "36", "120"])
        #expect(try await Self.openAlerts(gateway, kind: .discrepancy).isEmpty)
    }

    @Test("a cancellation of a sent order is its next version; the leg is cancelled and awaits no 855")
    func cancellation() async throws {
        let (gateway, clock, _) = try await Self.deliveredOrder()
        clock.advance(by: 3600)
        let cancel = String(decoding: try retailOrder(number: 77), as: UTF8.self)
            .replacingOccurrences(of: "BEG*00*SA*BO-77", with: "BEG*01*SA*BO-1")
        try gateway.drop(Data(cancel.utf8), as: "cancel.edi")
        try await gateway.runOnce()
        let leg = try #require(try await gateway.store.trackedOrders(number: "BO-1").first)
        #expect(leg.status == .cancelled)
        #expect(leg.version == 2)
        #expect(leg.confirmationDue == nil)
        #expect(try await gateway.store.orderVersions(number: "BO-1").map(\.kind) == ["original", "cancellation"])
        clock.advance(by: 48 * 3600)
        try await gateway.runtime.alertMonitor.check()
        #expect(try await Self.openAlerts(gateway, kind: .confirmationOverdue).isEmpty)
        #expect(try await gateway.store.trackingEvents(orderNumber: "BO-1").map(\.kind).contains("cancelled"))
    }

    @Test(
        "an 860 for an order sent to a cXML supplier: version 2, sent as an OrderRequest update restating the stored order"
    )
    func changeRestatedForCXML() async throws {
        let accepted = ScriptedHTTPServer.Reply.cxml(code: 200, text: "OK")
        try await HTTPDeliveryTests.withGateway([accepted, accepted]) { gateway, server in
            let order = try await HTTPDeliveryTests.runOrder(gateway)
            let number = try #require(order.draft.orderNumber)
            var reader = X12DocumentReader(
                source: try FileByteSource(
                    path: repositoryRoot.appending(path: "Fixtures/x12/860/004010-change.edi").path),
                sourceName: "860")
            var change: OrderChange?
            while let event = try reader.next() {
                if case .document(let set) = event, case .orderChange(let decoded)? = set.document { change = decoded }
            }
            var sent = try #require(change)
            // The change names no supplier: the gateway sends it to the one that received the order.
            sent.orderNumber = number
            sent.envelope.receiver = EnvelopeIdentity(qualifier: "ZZ", id: "")
            try gateway.drop(
                Data(BusinessDocument.orderChange(sent).encodeCanonicalJSON()), as: "change.json", folder: "erp-orders")
            let results = try await gateway.runOnce()
            #expect(results.map(\.disposition) == [.archived])

            let requests = server.requests
            try #require(requests.count == 2)
            let body = String(decoding: requests[1].body, as: UTF8.self)
            #expect(body.contains("type=\"update\""))
            // Restated in full: line 1 raised to 60, line 2 kept (new price), line 3 deleted, line 4 added.
            #expect(body.components(separatedBy: "<ItemOut ").count - 1 == 3)
            #expect(body.contains("quantity=\"60\""))
            let leg = try #require(try await gateway.store.trackedOrders(number: number).first)
            #expect(leg.version == 2)
            #expect(leg.status == .changed)
            #expect(try await gateway.store.orderVersions(number: number).map(\.kind) == ["original", "change"])
        }
    }

    @Test("a release against a blanket order counts the released quantity on the blanket's lines")
    func blanketRelease() async throws {
        let gateway = try TestGateway()
        let blanket = String(decoding: try retailOrder(number: 31), as: UTF8.self)
            .replacingOccurrences(of: "BEG*00*SA*BO-31**20250304", with: "BEG*00*BK*BLK-31**20250304")
        try gateway.drop(Data(blanket.utf8), as: "blanket.edi")
        try await gateway.runOnce()
        let release = String(decoding: try retailOrder(number: 32), as: UTF8.self)
            .replacingOccurrences(of: "BEG*00*SA*BO-32**20250304", with: "BEG*00*RL*REL-32*0001*20250304*BLK-31")
        try gateway.drop(Data(release.utf8), as: "release.edi")
        try await gateway.runOnce()
        let leg = try #require(try await gateway.store.trackedOrders(number: "BLK-31").first)
        #expect(leg.isBlanket)
        #expect(try Self.reconciliation(leg).lines.map(\.released) == ["48", "36", "120"])
        #expect(try await gateway.store.trackingEvents(orderNumber: "BLK-31").map(\.kind).contains("released"))
        #expect(try await gateway.store.trackedOrders(number: "REL-32").count == 1)
    }

    @Test("a cXML ConfirmationRequest is correlated by its OrderReference: the leg is confirmed")
    func cxmlConfirmation() async throws {
        let accepted = ScriptedHTTPServer.Reply.cxml(code: 200, text: "OK")
        try await HTTPDeliveryTests.withGateway([accepted]) { gateway, _ in
            let order = try await HTTPDeliveryTests.runOrder(gateway)
            let number = try #require(order.draft.orderNumber)
            let before = try #require(try await gateway.store.trackedOrders(number: number).first)
            #expect(before.status == .delivered)
            #expect(before.confirmationDue != nil)
            #expect(before.acknowledgmentDue == nil)  // cXML: the HTTP answer is the acknowledgment
            let confirmation = try String(
                contentsOf: repositoryRoot.appending(path: "Fixtures/cxml/ConfirmationRequest/accept.xml"),
                encoding: .utf8
            )
            .replacingOccurrences(of: "AN01000000202", with: "AN01000123456")
            .replacingOccurrences(of: "orderID=\"HME-BR-20931\"", with: "orderID=\"\(number)\"")
            try gateway.drop(Data(confirmation.utf8), as: "confirmation.xml")
            let results = try await gateway.runOnce()
            #expect(results.map(\.disposition) == [.archived])
            let leg = try #require(try await gateway.store.trackedOrders(number: number).first)
            #expect(leg.status == .confirmed)
            #expect(leg.confirmationDue == nil)
            #expect(try await gateway.store.trackingEvents(orderNumber: number).map(\.kind).contains("confirmed"))
        }
    }

    @Test("every discrepancy kind through the gateway: price, unit, date and unknown item (855), over-shipment (856)")
    func discrepancyKinds() async throws {
        let (gateway, _, _) = try await Self.deliveredOrder()
        let confirmation = SupplierDocuments.interchange(
            functionalID: "PR", control: 705,
            set: [
                "ST*855*0001", "BAK*00*AC*BO-1*20250304",
                "PO1*1*48*EA*13.1*PE*UP*084512300018", "ACK*IA*48*EA",  // price 13.1, ordered at 12.5
                "PO1*2*36*CA*27.95*PE*UP*084512300025", "ACK*IA*36*CA",  // cases, ordered in eaches
                "PO1*3*120*EA*4.25*PE*UP*084512300032", "ACK*IA*120*EA*068*20250420",  // ships after cancel-after
                "PO1*4*10*EA*9.99*PE*UP*099999999999", "ACK*IA*10*EA",  // an item the order does not have
                "CTT*4",
            ])
        try gateway.drop(confirmation, as: "855.edi")
        try await gateway.runOnce()
        try gateway.drop(
            SupplierDocuments.shipNotice(order: "BO-1", control: 806, shipped: [60, 36, 120]), as: "856.edi")
        try await gateway.runOnce()
        let leg = try #require(try await gateway.store.trackedOrders(number: "BO-1").first)
        let kinds = Set(try Self.reconciliation(leg).discrepancies.map(\.kind))
        #expect(kinds.isSuperset(of: [.price, .unit, .date, .unknownItem, .overShipment]), "\(kinds)")
        #expect(leg.status == .shipped)  // in full, but not as ordered: not closed
        let alerts = try await Self.openAlerts(gateway, kind: .discrepancy).map(\.key).sorted()
        #expect(alerts == ["BO-1@tidewater-kitchenworks#confirmation", "BO-1@tidewater-kitchenworks#shipment"])
    }

    @Test("confirmed, then shipped in full: the leg is closed and awaits nothing")
    func closedWhenShippedInFull() async throws {
        let (gateway, _, _) = try await Self.deliveredOrder()
        try gateway.drop(SupplierDocuments.confirmation(order: "BO-1", control: 706, lines: .asOrdered), as: "855.edi")
        try await gateway.runOnce()
        try gateway.drop(
            SupplierDocuments.shipNotice(order: "BO-1", control: 807, shipped: [48, 36, 120]), as: "856.edi")
        try await gateway.runOnce()
        let leg = try #require(try await gateway.store.trackedOrders(number: "BO-1").first)
        #expect(leg.status == .closed)
        #expect(leg.nextDue == nil)
        #expect(
            try await gateway.store.trackingEvents(orderNumber: "BO-1").map(\.kind).suffix(2) == ["shipped", "closed"])
    }

    @Test("the 850's 997 arriving after a replacement went out (another group) is still matched to the order")
    func acknowledgmentOfAnEarlierGroup() async throws {
        let (gateway, _, leg) = try await Self.deliveredOrder()
        let first = try #require(leg.groupControlNumber)
        let replace = String(decoding: try retailOrder(number: 78), as: UTF8.self)
            .replacingOccurrences(of: "BEG*00*SA*BO-78", with: "BEG*05*SA*BO-1")
        try gateway.drop(Data(replace.utf8), as: "replace.edi")
        try await gateway.runOnce()
        let replaced = try #require(try await gateway.store.trackedOrders(number: "BO-1").first)
        #expect(replaced.version == 2)
        #expect(replaced.groupControlNumber != first)
        try gateway.drop(SupplierDocuments.functionalAcknowledgment(group: first, control: 614), as: "997.edi")
        try await gateway.runOnce()
        let acknowledged = try #require(try await gateway.store.trackedOrders(number: "BO-1").first)
        #expect(acknowledged.acknowledgedAt != nil)
        #expect(try await gateway.store.trackingEvents(orderNumber: "BO-1").map(\.kind).contains("acknowledged"))
    }

    @Test("an 855 or 856 for an order Porter never sent raises a discrepancy")
    func unknownOrder() async throws {
        let (gateway, _, _) = try await Self.deliveredOrder()
        try gateway.drop(
            SupplierDocuments.confirmation(order: "BO-404", control: 702, lines: .asOrdered), as: "855.edi")
        try await gateway.runOnce()
        let alerts = try await Self.openAlerts(gateway, kind: .discrepancy)
        #expect(alerts.map(\.orderNumber) == ["BO-404"])
    }

    @Test("late interchanges narrow a gap alert, then close it when the last missing one arrives")
    func lateInterchangesCloseGaps() async throws {
        let gateway = try TestGateway()
        func openGaps() async throws -> [String] {
            try await gateway.store.alerts(openOnly: true, limit: 100).filter { $0.kind == .controlNumberGap }
                .map(\.key).sorted()
        }
        for (number, name) in [(1, "a.edi"), (5, "b.edi")] {
            try gateway.drop(try retailOrder(number: number), as: name)
            try await gateway.runOnce()
        }
        let partner = try #require(try await gateway.store.alerts(openOnly: true, limit: 10).first?.partner)
        #expect(try await openGaps() == ["\(partner):1-5"])
        let raised = try #require(try await gateway.store.alerts(openOnly: true, limit: 10).first)
        #expect(raised.message == "\(partner): 3 interchange(s) missing (ISA13 2–4) between 1 and 5")

        // 3 arrives: 2 and 4 are still missing, each its own gap.
        try gateway.drop(try retailOrder(number: 3), as: "c.edi")
        try await gateway.runOnce()
        #expect(try await openGaps() == ["\(partner):1-3", "\(partner):3-5"])
        let first = try #require(
            try await gateway.store.alerts(openOnly: false, limit: 100).first { $0.key == raised.key })
        #expect(first.closedBecause == "interchange 3 arrived in c.edi")

        // 2 and 4 arrive (one pass): nothing is missing any more.
        try gateway.drop(try retailOrder(number: 4), as: "d.edi")
        try gateway.drop(try retailOrder(number: 2), as: "e.edi")
        try await gateway.runOnce()
        #expect(try await openGaps() == [])
    }

    @Test("duplicates, control-number gaps, quarantined and failed files raise alerts")
    func fileAlerts() async throws {
        let clock = ManualClock(Self.start)
        let gateway = try TestGateway(clock: { clock.read() })
        try gateway.drop(try retailOrder(number: 5), as: "a.edi")
        try await gateway.runOnce()
        try gateway.drop(try retailOrder(number: 5), as: "b.edi")
        try gateway.drop(try retailOrder(number: 9), as: "c.edi")
        try gateway.drop(Data("hello".utf8), as: "note.txt")
        try gateway.drop(
            Data(
                try String(
                    contentsOf: repositoryRoot.appending(path: "Fixtures/x12/850/004010-retail-sdq.edi"),
                    encoding: .utf8
                )
                .replacingOccurrences(of: "*01*804417263      *", with: "*01*999999999      *").utf8),
            as: "stranger.edi")
        try await gateway.runOnce()
        let open = try await gateway.store.alerts(openOnly: true, limit: 100)
        let kinds = Dictionary(grouping: open, by: \.kind).mapValues(\.count)
        #expect(kinds[.duplicate] == 1)
        #expect(kinds[.controlNumberGap] == 1)
        #expect(kinds[.failedFile] == 1)
        #expect(kinds[.quarantined] == 1)

        // Fixed files sent again under their names close the file alerts.
        try gateway.drop(try retailOrder(number: 10), as: "note.txt")
        try await gateway.runOnce()
        try gateway.drop(try retailOrder(number: 11), as: "stranger.edi")
        try await gateway.runOnce()
        let remaining = try await gateway.store.alerts(openOnly: true, limit: 100)
        #expect(!remaining.contains { $0.kind == .failedFile || $0.kind == .quarantined })

        // A duplicate and a gap are closed by hand (`porter alerts close`), with the reason recorded.
        let manual = remaining.filter { [.duplicate, .controlNumberGap].contains($0.kind) }
        #expect(manual.count == 2, "\(manual.map(\.message))")
        let (closed, notOpen) = try await AlertClosing.close(
            ids: manual.map(\.id) + [9999], because: "checked with the partner", at: clock.read(), store: gateway.store)
        #expect(closed.count == 2)
        #expect(notOpen == [9999])
        #expect(try await gateway.store.alerts(openOnly: true, limit: 100).isEmpty)
        let history = try await gateway.store.alerts(openOnly: false, limit: 100).filter { $0.kind == .duplicate }
        #expect(history.first?.closedBecause == "checked with the partner")
    }

    @Test("an accuracy-rule hold raises accuracyHold")
    func accuracyHold() async throws {
        let gateway = try TestGateway()
        // Tidewater's rules cap a line at 2,000 each.
        let order = String(decoding: try retailOrder(number: 12), as: UTF8.self)
            .replacingOccurrences(of: "PO1*1*48*EA", with: "PO1*1*5000*EA")
        try gateway.drop(Data(order.utf8), as: "big.edi")
        try await gateway.runOnce()
        let alerts = try await gateway.store.alerts(openOnly: true, limit: 100).filter { $0.kind == .accuracyHold }
        #expect(alerts.map(\.orderNumber) == ["BO-12"])
        // The buyer corrects the quantity and sends the order again: it goes out and the hold closes.
        let fixed = String(decoding: try retailOrder(number: 12), as: UTF8.self)
            .replacingOccurrences(of: "000000012", with: "000000112")
            .replacingOccurrences(of: "*12*X*004010", with: "*112*X*004010")
            .replacingOccurrences(of: "GE*1*12~", with: "GE*1*112~")
        try gateway.drop(Data(fixed.utf8), as: "fixed.edi")
        try await gateway.runOnce()
        #expect(try await gateway.store.alerts(openOnly: true, limit: 100).filter { $0.kind == .accuracyHold }.isEmpty)
        #expect(try await gateway.store.trackedOrders(number: "BO-12").count == 1)
    }

    @Test("a message that goes dead raises deadLetter; delivering it after a retry closes the alert")
    func deadLetter() async throws {
        let refusal = ScriptedHTTPServer.Reply.cxml(code: 400, text: "Bad Request", detail: "unknown ship-to")
        try await HTTPDeliveryTests.withGateway([refusal, .cxml(code: 200, text: "OK")]) { gateway, _ in
            let dead = try await HTTPDeliveryTests.runOrder(gateway)
            let alerts = try await Self.openAlerts(gateway, kind: .deadLetter)
            #expect(alerts.map(\.key) == ["message:\(dead.id)"])
            #expect(alerts.first?.partner == "copperleaf-office")
            #expect(alerts.first?.message.contains("unknown ship-to") == true)
            #expect(try await gateway.store.retry(dead.id, at: Date()))
            try await gateway.runtime.deliverUntilIdle()
            #expect(try await Self.openAlerts(gateway, kind: .deadLetter).isEmpty)
        }
    }
}

/// X12 documents from tidewater-kitchenworks (01:612093384) to our ERP identity, about the retail order
/// BO-<number> (lines 1–3: 48, 36 and 120 each).
enum SupplierDocuments {
    enum ConfirmedLines { case asOrdered, changed }

    static func interchange(functionalID: String, control: Int, set: [String]) -> Data {
        let isa13 = String(format: "%09d", control)
        let segments = set.enumerated().map { index, segment in segment } + ["SE*\(set.count + 1)*0001"]
        let text =
            "ISA*00*          *00*          *01*612093384      *01*804417263      *250304*1200*U*00401*\(isa13)*0*P*>~"
            + "GS*\(functionalID)*612093384*804417263*20250304*1200*\(control)*X*004010~"
            + segments.map { $0 + "~" }.joined()
            + "GE*1*\(control)~IEA*1*\(isa13)~"
        return Data(text.utf8)
    }

    static func functionalAcknowledgment(group: String, control: Int, accepted: Bool = true) -> Data {
        self.interchange(
            functionalID: "FA", control: control,
            set: [
                "ST*997*0001", "AK1*PO*\(group)", "AK2*850*0001", accepted ? "AK5*A" : "AK5*R*5",
                accepted ? "AK9*A*1*1*1" : "AK9*R*1*1*0",
            ])
    }

    static func confirmation(order: String, control: Int, lines: ConfirmedLines) -> Data {
        let statuses =
            lines == .asOrdered
            ? ["ACK*IA*48*EA", "ACK*IA*36*EA", "ACK*IA*120*EA"] : ["ACK*IA*48*EA", "ACK*IQ*30*EA", "ACK*IR*120*EA"]
        return self.interchange(
            functionalID: "PR", control: control,
            set: [
                "ST*855*0001", "BAK*00*\(lines == .asOrdered ? "AD" : "AC")*\(order)*20250304",
                "PO1*1*48*EA*12.5*PE*UP*084512300018", statuses[0],
                "PO1*2*36*EA*27.95*PE*UP*084512300025", statuses[1],
                "PO1*3*120*EA*4.25*PE*UP*084512300032", statuses[2], "CTT*3",
            ])
    }

    /// A ship notice shipping `shipped[i]` of line i+1 (lines not listed or 0 are not in the notice).
    static func shipNotice(order: String, control: Int, shipped: [Int], id: String = "SN-1") -> Data {
        let upcs = ["084512300018", "084512300025", "084512300032"]
        var set = ["ST*856*0001", "BSN*00*\(id)*20250305*1200*0001", "HL*1**S", "HL*2*1*O", "PRF*\(order)"]
        var hl = 3
        for (index, quantity) in shipped.enumerated() where quantity > 0 {
            set += ["HL*\(hl)*2*I", "LIN*\(index + 1)*UP*\(upcs[index])", "SN1*\(index + 1)*\(quantity)*EA"]
            hl += 1
        }
        set.append("CTT*\(hl - 1)")
        return self.interchange(functionalID: "SH", control: control, set: set)
    }
}
