public import Foundation
public import Store

/// What `porter alerts` shows: alerts newest first, each with its evidence; all of them, or only the open ones.
///
/// JSON: `{"generatedAt":"…","openOnly":false,"open":2,"openByKind":{"acknowledgmentOverdue":1,…},
/// "alerts":[AlertItem…]}` (see ``AlertItem``).
public struct AlertsView: Hashable, Sendable, Codable {
    public var generatedAt: Date
    public var openOnly: Bool
    /// Open alerts among those listed.
    public var open: Int
    /// Open alerts among those listed, by kind.
    public var openByKind: [String: Int]
    public var alerts: [AlertItem]

    public init(generatedAt: Date, openOnly: Bool, alerts: [AlertItem]) {
        self.generatedAt = generatedAt
        self.openOnly = openOnly
        self.alerts = alerts
        let open = alerts.filter(\.open)
        self.open = open.count
        self.openByKind = Dictionary(grouping: open, by: \.kind).mapValues(\.count)
    }

    /// Reads the alerts from `store`: the newest `limit`, only open ones when `openOnly`.
    public static func load(
        from store: any GatewayStore, openOnly: Bool, limit: Int, now: Date
    ) async throws(StoreError) -> AlertsView {
        let alerts = try await store.alerts(openOnly: openOnly, limit: limit)
        return AlertsView(generatedAt: now, openOnly: openOnly, alerts: alerts.map { AlertItem($0, now: now) })
    }

    /// The plain-text form: a line of counts, then a table with the evidence.
    public var text: String {
        guard !self.alerts.isEmpty else {
            return self.openOnly ? "No open alerts." : "No alerts."
        }
        let heading =
            "\(self.alerts.count) alert(s)\(self.openOnly ? " open" : ", \(self.open) open")"
            + (self.openByKind.isEmpty ? "" : ": " + ReportText.counts(self.openByKind))
        let evidence = AlertItem.evidenceLines(self.alerts, indent: "  ")
        return
            ([heading, "", AlertItem.table(self.alerts).render()]
            + (evidence.isEmpty ? [] : ["", "Evidence:"] + evidence)).joined(separator: "\n")
    }
}
