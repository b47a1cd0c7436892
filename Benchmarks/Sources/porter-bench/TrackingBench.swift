import ArgumentParser
import Foundation
import Store

/// `porter-bench tracking`: `porter status` and `porter track PO` over a store holding millions of tracking events.
///
/// Fills a fresh SQLite store with `--events` timeline events spread over order legs (five events a leg:
/// distributed, delivered, acknowledged, confirmed, shipped; about two legs an order, `--partners` suppliers), their
/// versions (5% changed), inbound files with the orders' documents (1% failed) and alerts for about 2% of the legs
/// (half of them closed), written with ``GatewayStore/track(_:)`` in batches. Then times, median of `--runs` runs,
/// the status report and the reads of `porter track` for a random order.
struct TrackingBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tracking", abstract: "porter status and porter track over millions of tracking events.")

    @Option(help: "Tracking events to store (five per order leg).") var events = 1_000_000
    @Option(help: "Suppliers the legs are spread over.") var partners = 10
    @Option(help: "Legs per write transaction while filling.") var batchSize = 5_000
    @Option(help: "Runs of each measurement (the median is shown).") var runs = 5
    @Option(help: "The store file (removed and created again).") var path = "/tmp/porter-tracking-bench.sqlite"

    func run() async throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: self.path + suffix) }
        let store = try SQLiteGatewayStore(path: self.path)
        let legs = max(self.events / 5, 1)
        let fillStart = monotonicSeconds()
        var random = SplitMix64(seed: 8)
        for batchStart in stride(from: 0, to: legs, by: self.batchSize) {
            let batch = (batchStart..<min(batchStart + self.batchSize, legs)).map { index in
                Self.leg(index, partners: self.partners, random: &random)
            }
            try await store.track { session throws(StoreError) in
                for leg in batch {
                    try session.save(leg.order)
                    for version in leg.versions { try session.addVersion(version) }
                    for event in leg.events { try session.record(event) }
                    if let alert = leg.alert {
                        try session.raise(alert, at: leg.order.updatedAt)
                        if leg.closesAlert {
                            try session.closeAlerts(
                                kind: alert.kind, key: alert.key, at: leg.order.updatedAt.addingTimeInterval(600),
                                because: "bench")
                        }
                    }
                }
            }
            _ = try await store.commit(
                Self.files(forLegs: batchStart..<batchStart + batch.count, partners: self.partners))
        }
        let fillSeconds = monotonicSeconds() - fillStart

        var statusTimes: [Double] = []
        var report = StatusReport()
        for _ in 0..<self.runs {
            let start = monotonicSeconds()
            report = try await store.statusReport()
            statusTimes.append(monotonicSeconds() - start)
        }
        var trackTimes: [Double] = []
        var shown = (legs: 0, events: 0, versions: 0, documents: 0)
        for _ in 0..<self.runs {
            let number = "PO-\(Int(random.next() % UInt64((legs + 1) / 2)))"
            let start = monotonicSeconds()
            let orders = try await store.trackedOrders(number: number)
            let events = try await store.trackingEvents(orderNumber: number)
            let versions = try await store.orderVersions(number: number)
            let documents = try await store.documents(orderNumber: number)
            trackTimes.append(monotonicSeconds() - start)
            shown = (orders.count, events.count, versions.count, documents.count)
        }
        try store.close()

        let size = ["", "-wal"].compactMap { fileSize(self.path + $0) }.reduce(0, +)
        print(
            """
            store \(self.path): \(legs) order legs, \(legs * 5) tracking events, \(self.partners) partners, \
            \(report.openAlerts.values.reduce(0, +)) open alerts; \(size / 1_000_000) MB
            filled in \(String(format: "%.1f", fillSeconds)) s

            | measurement (median of \(self.runs)) | time |
            |---|---|
            | statusReport() (\(report.partners.count) partners) | \(Self.milliseconds(statusTimes)) |
            | porter track PO: legs + events + versions + documents (last: \(shown.legs) + \(shown.events) + \
            \(shown.versions) + \(shown.documents)) | \(Self.milliseconds(trackTimes)) |
            """)
    }

    private static func milliseconds(_ times: [Double]) -> String {
        let sorted = times.sorted()
        return String(format: "%.2f ms", sorted[sorted.count / 2] * 1000)
    }

    /// One leg with its versions, five events and maybe an alert.
    private struct Leg {
        var order: TrackedOrder
        var versions: [OrderVersion]
        var events: [TrackingEvent]
        var alert: AlertDraft?
        var closesAlert: Bool
    }

    /// Leg `index`: order `PO-(index / 2)` (two suppliers an order) sent to a partner picked by index.
    private static func leg(_ index: Int, partners: Int, random: inout SplitMix64) -> Leg {
        let number = "PO-\(index / 2)"
        let partner = "partner-\(index % partners)"
        let distributed = Date(timeIntervalSinceReferenceDate: 800_000_000 + Double(index) * 30)
        let delivered = distributed.addingTimeInterval(Double(random.next() % 120))
        let acknowledged = delivered.addingTimeInterval(60 + Double(random.next() % 9_000))
        let confirmed = delivered.addingTimeInterval(3_600 + Double(random.next() % 90_000))
        let shipped = confirmed.addingTimeInterval(86_400 + Double(random.next() % 400_000))
        let changed = random.next() % 20 == 0
        let discrepancies = random.next() % 10 == 0 ? 1 + Int(random.next() % 3) : 0
        let document = Data(#"{"kind":"purchaseOrder","orderNumber":"\#(number)","lines":[]}"#.utf8)
        let order = TrackedOrder(
            orderNumber: number, partner: partner, buyer: "erp", status: .shipped, version: changed ? 2 : 1,
            distributedAt: distributed, updatedAt: shipped, deliveredAt: delivered, acknowledgedAt: acknowledged,
            confirmedAt: confirmed, shippedAt: shipped, acknowledgmentAllowance: 7_200, confirmationAllowance: 86_400,
            acknowledgedOnTime: acknowledged.timeIntervalSince(delivered) <= 7_200,
            groupControlNumber: String(index + 1), controlReference: String(format: "%09d", index + 1),
            discrepancyCount: discrepancies, document: document, reconciliation: Data(#"{"lines":[]}"#.utf8))
        let versions = (1...order.version).map { version in
            OrderVersion(
                orderNumber: number, partner: partner, version: version, kind: version == 1 ? "original" : "change",
                at: distributed.addingTimeInterval(Double(version - 1) * 3_600), document: document, order: document)
        }
        let events = [
            ("distributed", distributed), ("delivered", delivered), ("acknowledged", acknowledged),
            ("confirmed", confirmed), ("shipped", shipped),
        ].map { kind, at in
            TrackingEvent(orderNumber: number, partner: partner, kind: kind, at: at, detail: #"{"bench":true}"#)
        }
        let alerted = random.next() % 50 == 0
        let alert =
            alerted
            ? AlertDraft(
                kind: discrepancies > 0 ? .discrepancy : .confirmationOverdue, key: "\(number)@\(partner)",
                partner: partner, orderNumber: number, message: "\(number) for \(partner) needs a look")
            : nil
        return Leg(order: order, versions: versions, events: events, alert: alert, closesAlert: random.next() % 2 == 0)
    }

    /// One inbound file for every 50 legs, holding a confirmation document of each; one file in a hundred failed.
    private static func files(forLegs legs: Range<Int>, partners: Int) -> [InboundCommit] {
        stride(from: legs.lowerBound, to: legs.upperBound, by: 50).map { first in
            let claim = "bench-\(first)"
            let partner = "partner-\(first % partners)"
            let failed = (first / 50) % 100 == 99
            let documents = (first..<min(first + 50, legs.upperBound)).map { index in
                DocumentRecord(
                    kind: "purchaseOrderAcknowledgment", partner: "partner-\(index % partners)",
                    orderNumber: "PO-\(index / 2)", controlReference: String(format: "%09d", index + 1),
                    isTest: false, status: .recorded, json: Data(#"{"kind":"purchaseOrderAcknowledgment"}"#.utf8))
            }
            return InboundCommit(
                file: InboundFile(
                    claim: claim, originalName: "\(claim).edi", contentHash: claim, size: 4_096, partner: partner,
                    receivedAt: Date(timeIntervalSinceReferenceDate: 800_000_000 + Double(first) * 30),
                    outcome: failed ? .failed(reason: "bench") : .processed, storedPath: "archive/\(claim).edi"),
                documents: failed ? [] : documents)
        }
    }
}

/// A small deterministic generator (SplitMix64), so every run builds the same store.
private struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { self.state = seed }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
