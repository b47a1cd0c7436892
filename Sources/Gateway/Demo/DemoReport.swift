import Foundation
import Orders
import Store

/// What `porter demo` prints: counts of what happened, then the status, one order's timeline and the open alerts.
///
/// JSON (`porter demo --json`, one object):
/// ```json
/// {"workspace":"/tmp/kept/workspace",          // only with --keep
///  "files":{"archived":14,"failed":1},          // inbound files by disposition
///  "ordersPerSupplier":{"copperleaf-office":1,"ironbridge-fastener":2,"tidewater-kitchenworks":4},
///  "copies":{"finance-ledger":4},               // internal copies
///  "httpRequests":1,                            // cXML POSTs the local supplier endpoint received
///  "split":{"order":"BO-8100003","legs":[{"orderNumber":"BO-8100003-1","partner":"tidewater-kitchenworks"},…]},
///  "acknowledgmentsSent":5,                     // 997/999 files the suppliers dropped
///  "acknowledgedLegs":5,                        // order legs the tracker marked acknowledged
///  "confirmationDiscrepancies":2,               // BO-8100001's 855 against the order
///  "shortShipments":1,                          // BO-8100001's 856 against the order
///  "duplicates":1,                              // interchanges received twice
///  "errorFiles":1,                              // files in error/ (not counting their .error.json)
///  "openAlerts":{"acknowledgmentOverdue":1,…},  // open alerts by kind
///  "status":StatusView,"track":TrackView,"alerts":AlertsView}
/// ```
public struct DemoReport: Hashable, Sendable, Codable {
    /// One leg of the split order.
    public struct Leg: Hashable, Sendable, Codable {
        public var orderNumber: String
        public var partner: String
    }

    /// The order the router split, and its legs.
    public struct Split: Hashable, Sendable, Codable {
        public var order: String
        public var legs: [Leg]
    }

    /// The kept workspace (with `--keep`).
    public var workspace: String?
    public var files: [String: Int]
    public var ordersPerSupplier: [String: Int]
    public var copies: [String: Int]
    public var httpRequests: Int
    public var split: Split
    public var acknowledgmentsSent: Int
    public var acknowledgedLegs: Int
    public var confirmationDiscrepancies: Int
    public var shortShipments: Int
    public var duplicates: Int
    public var errorFiles: Int
    public var openAlerts: [String: Int]
    public var status: StatusView
    public var track: TrackView?
    public var alerts: AlertsView

    /// Reads the counts and views from the demo's store and workspace.
    static func make(
        runtime: GatewayRuntime, script: DemoScript, acknowledgments: Int, httpRequests: Int, now: Date
    ) async throws -> DemoReport {
        let store = runtime.store
        let messages = try await store.messages(state: nil, limit: 10_000).filter {
            $0.draft.documentKind == BusinessDocument.Kind.purchaseOrder.rawValue
        }
        let orders = messages.filter { !$0.draft.isCopy }
        let legs = orders.filter { $0.draft.orderNumber?.hasPrefix(GatewayDemo.splitOrder + "-") == true }
            .map { Leg(orderNumber: $0.draft.orderNumber ?? "", partner: $0.draft.partner) }
            .sorted { $0.orderNumber < $1.orderNumber }
        let status = try await StatusView.load(from: store, now: now, alertLimit: 50)
        let track = try await TrackView.load(number: GatewayDemo.trackedOrder, from: store, now: now)
        let discrepancies = track?.legs.flatMap(\.discrepancies) ?? []
        var acknowledged = 0
        for number in Set(orders.compactMap(\.draft.orderNumber)) {
            acknowledged += try await store.trackedOrders(number: number).filter { $0.acknowledgedAt != nil }.count
        }
        return DemoReport(
            workspace: nil,
            files: Dictionary(grouping: script.results, by: \.disposition.rawValue).mapValues(\.count),
            ordersPerSupplier: Dictionary(grouping: orders, by: \.draft.partner).mapValues(\.count),
            copies: Dictionary(grouping: messages.filter(\.draft.isCopy), by: \.draft.partner).mapValues(\.count),
            httpRequests: httpRequests, split: Split(order: GatewayDemo.splitOrder, legs: legs),
            acknowledgmentsSent: acknowledgments, acknowledgedLegs: acknowledged,
            confirmationDiscrepancies: discrepancies.filter { $0.confirmed != nil }.count,
            shortShipments: discrepancies.filter { $0.kind == .shortShipment }.count,
            duplicates: try await store.duplicates(limit: 1_000).count,
            errorFiles: script.files(in: "error").filter { !$0.hasSuffix(".error.json") }.count,
            openAlerts: status.openAlerts, status: status, track: track,
            alerts: try await AlertsView.load(from: store, openOnly: true, limit: 50, now: now))
    }

    /// The plain-text form: what happened, the status, the timeline of one order, the open alerts.
    public var text: String {
        var lines = ["Porter demo: one day of purchase orders (2025-03-04, UTC), run in a second.", ""]
        lines.append("  inbound files      \(ReportText.counts(self.files))")
        lines.append("  orders sent        \(ReportText.counts(self.ordersPerSupplier))")
        lines.append("  internal copies    \(ReportText.counts(self.copies))")
        lines.append("  cXML over HTTP     \(self.httpRequests) POST(s) to the local supplier endpoint")
        lines.append(
            "  split              \(self.split.order) -> "
                + self.split.legs.map { "\($0.orderNumber) (\($0.partner))" }.joined(separator: ", "))
        lines.append(
            "  997/999 received   \(self.acknowledgmentsSent) file(s); \(self.acknowledgedLegs) order leg(s) acknowledged"
        )
        lines.append("  855 discrepancies  \(self.confirmationDiscrepancies)")
        lines.append("  short shipments    \(self.shortShipments)")
        lines.append("  duplicates         \(self.duplicates)")
        lines.append("  files in error/    \(self.errorFiles)")
        if let workspace = self.workspace { lines.append("  workspace kept at  \(workspace)") }
        lines += ["", "== porter status", "", self.status.text, ""]
        if let track = self.track {
            lines += ["== porter track \(track.orderNumber)", "", track.text, ""]
        }
        lines += ["== porter alerts --open", "", self.alerts.text]
        return lines.joined(separator: "\n")
    }
}
