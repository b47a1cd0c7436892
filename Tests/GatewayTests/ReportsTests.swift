import Foundation
import Gateway
import Orders
import Store
import Testing

/// The report views (`porter status`, `porter track`, `porter alerts`) over stores filled through the store API:
/// their JSON shapes and their plain text.
@Suite("Reports")
struct ReportsTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case sqlite, memory
        var testDescription: String { self.rawValue }
    }

    static let start = Date(timeIntervalSince1970: 1_741_075_200)  // 2025-03-04T08:00:00Z

    @Test(
        "track: the legs of a split order, one timeline, the lines, the documents and the open alerts",
        arguments: Kind.allCases)
    func trackSplitOrder(_ kind: Kind) async throws {
        try await Self.withFilledStore(kind) { store in
            let now = Self.start.addingTimeInterval(6 * 3600)
            let view = try #require(try await TrackView.load(number: "PO-7", from: store, now: now))
            #expect(view.legs.map(\.orderNumber) == ["PO-7-1", "PO-7-2"])
            #expect(view.legs.map(\.partner) == ["tidewater-kitchenworks", "ironbridge-fastener"])
            #expect(
                view.timeline.map(\.kind) == [
                    "received", "distributed", "distributed", "acknowledged", "confirmedWithChanges",
                ])
            #expect(view.timeline.map(\.at) == view.timeline.map(\.at).sorted())
            #expect(view.versions.map(\.kind) == ["original"])
            #expect(view.documents.map(\.kind) == ["purchaseOrder", "orderAcknowledgment"])
            #expect(view.alerts.map(\.kind) == ["acknowledgmentOverdue", "discrepancy"])
            let leg = view.legs[0]
            #expect(leg.lines.map(\.lineNumber) == ["1", "2"])
            #expect(leg.lines[1].confirmed == "30")
            #expect(leg.discrepancies.map(\.kind) == [.quantity])
            // The second leg has no reconciliation yet: its lines as ordered.
            #expect(view.legs[1].lines.map(\.ordered) == ["40"])

            let json = ReportJSON.encode(view)
            #expect(json.contains(#""orderNumber":"PO-7-1""#))
            #expect(json.contains(#""distributedAt":"2025-03-04T08:00:00Z""#))
            #expect(!json.contains("\"document\""), "the stored order documents are not repeated")
            #expect(try ReportJSON.decode(TrackView.self, from: json) == view)

            let text = view.text
            #expect(text.contains("PO-7-2"))
            #expect(text.contains("line 2 quantity: ordered 36 each, confirmed 30 each"))
            #expect(text.contains("997 overdue 2h"))
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
            // A leg asked for by its own number is found too; an unknown number is nil.
            #expect(try await TrackView.load(number: "PO-7-2", from: store, now: now)?.legs.count == 1)
            #expect(try await TrackView.load(number: "PO-404", from: store, now: now) == nil)
        }
    }

    @Test(
        "status and alerts: counts, per-partner rows, open and closed alerts with their evidence",
        arguments: Kind.allCases)
    func statusAndAlerts(_ kind: Kind) async throws {
        try await Self.withFilledStore(kind) { store in
            let now = Self.start.addingTimeInterval(6 * 3600)
            let status = try await StatusView.load(from: store, now: now)
            #expect(status.openAlerts == ["acknowledgmentOverdue": 1, "discrepancy": 1])
            #expect(status.alerts.count == 2)
            #expect(status.partners.map(\.partner).contains("tidewater-kitchenworks"))
            let json = ReportJSON.encode(status)
            #expect(json.hasPrefix(#"{"alerts":["#))
            #expect(json.contains(#""generatedAt":"2025-03-04T14:00:00Z""#))
            #expect(try ReportJSON.decode(StatusView.self, from: json) == status)
            let text = status.text
            #expect(text.contains("PARTNER"))
            #expect(text.contains("997 MEDIAN"))
            #expect(text.contains("OLDEST OPEN EXCEPTION"))
            #expect(text.contains("1 acknowledgmentOverdue"))

            let open = try await AlertsView.load(from: store, openOnly: true, limit: 10, now: now)
            #expect(open.alerts.map(\.kind) == ["discrepancy", "acknowledgmentOverdue"], "newest first")
            #expect(open.openByKind == ["acknowledgmentOverdue": 1, "discrepancy": 1])
            let overdue = try #require(open.alerts.last)
            #expect(overdue.evidence == .object(["dueAt": .string("2025-03-04T12:00:00Z"), "group": .string("17")]))
            #expect(overdue.ageSeconds == 4 * 3600)
            let all = try await AlertsView.load(from: store, openOnly: false, limit: 10, now: now)
            #expect(all.alerts.count == 3)
            #expect(all.open == 2)
            let closed = try #require(all.alerts.first { !$0.open })
            #expect(closed.closedBecause == "997 received")
            #expect(ReportJSON.encode(all).contains(#""evidence":{"dueAt":"2025-03-04T12:00:00Z","group":"17"}"#))
            let alertsText = all.text
            #expect(alertsText.contains("3 alert(s), 2 open"))
            #expect(alertsText.contains("dueAt=2025-03-04T12:00:00Z group=17"))
            #expect(alertsText.contains("4h"))
            #expect(try await AlertsView.load(from: store, openOnly: true, limit: 1, now: now).alerts.count == 1)
        }
    }

    @Test("an empty store: no partners, no alerts, unknown orders")
    func emptyStore() async throws {
        try await Self.withStore(.sqlite) { store in
            let status = try await StatusView.load(from: store, now: Self.start)
            #expect(status.partners.isEmpty)
            #expect(status.text.contains("No open alerts."))
            #expect(
                try await AlertsView.load(from: store, openOnly: true, limit: 5, now: Self.start).text
                    == "No open alerts.")
        }
    }

    @Test(
        "durations for people, percentages, and text cleaned of control characters",
        arguments: [
            (0.0, "0s"), (45, "45s"), (125, "2m 5s"), (4320, "1h 12m"), (7200, "2h"), (90061, "1d 1h"), (-90, "1m 30s"),
        ])
    func durations(_ seconds: Double, _ text: String) {
        #expect(ReportText.duration(seconds) == text)
    }

    @Test("tables align columns and never carry control characters")
    func tables() {
        let table = TextTable(
            headers: ["NAME", "COUNT"], rows: [["a\u{1B}[31mred", "3"], ["tab\there", "12"]], rightAligned: [1])
        #expect(table.render() == "NAME       COUNT\na [31mred      3\ntab here      12")
        #expect(ReportText.percent(2.0 / 3.0) == "67%")
        #expect(ReportText.percent(nil) == "-")
        #expect(ReportText.timestamp(Self.start) == "2025-03-04T08:00:00Z")
    }

    // MARK: Support

    static func withStore(_ kind: Kind, _ body: (any GatewayStore) async throws -> Void) async throws {
        switch kind {
        case .memory:
            try await body(InMemoryGatewayStore())
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appending(path: "porter-reports-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try SQLiteGatewayStore(path: folder.appending(path: "porter.sqlite").path)
            try await body(store)
            try store.close()
        }
    }

    /// A split order PO-7 (legs PO-7-1 to Tidewater, PO-7-2 to Ironbridge), Tidewater's 855 with a changed
    /// quantity, two open alerts and a closed one.
    static func withFilledStore(_ kind: Kind, _ body: (any GatewayStore) async throws -> Void) async throws {
        try await Self.withStore(kind) { store in
            let order = Self.order(lines: [("1", "48"), ("2", "36")])
            var confirmed = TrackedOrder(
                orderNumber: "PO-7-1", partner: "tidewater-kitchenworks", buyer: "erp-orders",
                status: .confirmedWithChanges,
                distributedAt: Self.t(0), updatedAt: Self.t(1.5), deliveredAt: Self.t(0), acknowledgedAt: Self.t(0.5),
                confirmedAt: Self.t(1.5),
                acknowledgmentAllowance: 7200, confirmationAllowance: 86400, acknowledgedOnTime: true,
                groupControlNumber: "16", controlReference: "000000016", discrepancyCount: 1, document: order)
            let discrepancy = Discrepancy(
                kind: .quantity, lineNumber: "2", ordered: .quantity("36", unit: .each),
                confirmed: .quantity("30", unit: .each))
            confirmed.reconciliation = try JSONEncoder().encode(
                OrderReconciliation(
                    lines: [
                        .init(
                            lineNumber: "1", items: [], unit: .each, ordered: "48", unitPrice: "12.5", confirmed: "48"),
                        .init(
                            lineNumber: "2", items: [], unit: .each, ordered: "36", unitPrice: "27.95", confirmed: "30"),
                    ], discrepancies: [discrepancy]))
            let tidewater = confirmed
            let ironbridge = TrackedOrder(
                orderNumber: "PO-7-2", partner: "ironbridge-fastener", buyer: "erp-orders", status: .delivered,
                distributedAt: Self.t(0), deliveredAt: Self.t(0), acknowledgmentDue: Self.t(4),
                acknowledgmentAllowance: 14400,
                groupControlNumber: "17", controlReference: "000000017", document: Self.order(lines: [("1", "40")]))
            let orderFile = InboundFile(
                claim: "claim-1", originalName: "po-7.json", contentHash: "h1", size: 10, partner: "erp-orders",
                receivedAt: Self.t(0), outcome: .processed, storedPath: "archive/po-7.json")
            let received = TrackingEvent(
                orderNumber: "PO-7", partner: "erp-orders", kind: "received", at: Self.t(0), detail: "json#1")
            let first = try await store.commit([
                InboundCommit(
                    file: orderFile,
                    documents: [
                        DocumentRecord(
                            kind: "purchaseOrder", partner: "erp-orders", orderNumber: "PO-7",
                            controlReference: "json#1",
                            isTest: false, status: .routed, json: order)
                    ], events: [received],
                    track: { session, _ throws(StoreError) in
                        for leg in [tidewater, ironbridge] {
                            var saved = leg
                            saved.status = .distributed
                            try session.save(saved)
                            try session.record(
                                TrackingEvent(
                                    orderNumber: leg.orderNumber, partner: leg.partner, kind: "distributed",
                                    at: Self.t(0),
                                    detail: "purchase order to \(leg.partner)"))
                        }
                        try session.addVersion(
                            OrderVersion(
                                orderNumber: "PO-7-1", partner: "tidewater-kitchenworks", version: 1, kind: "original",
                                at: Self.t(0), document: order, order: order))
                    })
            ])
            try #require(first.count == 1)
            guard case .committed = first[0] else {
                Issue.record("the order file did not commit: \(first[0])")
                return
            }
            let acknowledgmentFile = InboundFile(
                claim: "claim-2", originalName: "855.edi", contentHash: "h2", size: 10,
                partner: "tidewater-kitchenworks", receivedAt: Self.t(1.5), outcome: .processed,
                storedPath: "archive/855.edi")
            _ = try await store.commit([
                InboundCommit(
                    file: acknowledgmentFile,
                    documents: [
                        DocumentRecord(
                            kind: "orderAcknowledgment", partner: "tidewater-kitchenworks", orderNumber: "PO-7-1",
                            controlReference: "000000701/701/0001", isTest: false, status: .recorded,
                            json: Data("{}".utf8))
                    ])
            ])
            try await store.track { session throws(StoreError) in
                try session.save(tidewater)
                try session.record(
                    TrackingEvent(
                        orderNumber: "PO-7-1", partner: "tidewater-kitchenworks", kind: "acknowledged", at: Self.t(0.5),
                        detail: "997 accepted"))
                try session.record(
                    TrackingEvent(
                        orderNumber: "PO-7-1", partner: "tidewater-kitchenworks", kind: "confirmedWithChanges",
                        at: Self.t(1.5),
                        detail: "855"))
                try session.raise(
                    AlertDraft(
                        kind: .acknowledgmentOverdue, key: "PO-7-1@tidewater-kitchenworks",
                        partner: "tidewater-kitchenworks", orderNumber: "PO-7-1", message: "no 997 yet"),
                    at: Self.t(0.25))
                try session.closeAlerts(
                    kind: .acknowledgmentOverdue, key: "PO-7-1@tidewater-kitchenworks", at: Self.t(0.5),
                    because: "997 received")
                try session.raise(
                    AlertDraft(
                        kind: .acknowledgmentOverdue, key: "PO-7-2@ironbridge-fastener", partner: "ironbridge-fastener",
                        orderNumber: "PO-7-2", message: "no 999 from ironbridge-fastener within 4 h",
                        evidence: #"{"dueAt":"2025-03-04T12:00:00Z","group":"17"}"#), at: Self.t(2))
                try session.raise(
                    AlertDraft(
                        kind: .discrepancy, key: "PO-7-1@tidewater-kitchenworks/855", partner: "tidewater-kitchenworks",
                        orderNumber: "PO-7-1", message: "855: line 2 quantity (ordered 36, confirmed 30)"),
                    at: Self.t(2.5))
            }
            try await body(store)
        }
    }

    /// The demo day's start plus `hours`.
    static func t(_ hours: Double) -> Date { Self.start.addingTimeInterval(hours * 3600) }

    /// A purchase order's canonical JSON with the given lines (number, quantity).
    static func order(lines: [(String, String)]) -> Data {
        let items = lines.map { number, quantity in
            #"{"lineNumber":"\#(number)","quantity":"\#(quantity)","unit":"each","unitPrice":"1"}"#
        }
        let json = #"""
            {"document":"purchaseOrder","schemaVersion":1,"number":"PO-7","purpose":"original","orderType":"standAlone",
             "orderDate":{"date":"2025-03-04"},"envelope":{"standard":"x12","sender":{"id":"A"},"receiver":{"id":"B"},
             "usage":"production"},"lines":[\#(items.joined(separator: ","))]}
            """#
        return Data(json.utf8)
    }
}
