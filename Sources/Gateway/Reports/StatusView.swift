public import Foundation
public import Store

/// What `porter status` shows: counts of messages, order legs, files and open alerts, one row per partner, and
/// the open alerts.
///
/// JSON:
/// ```json
/// {"generatedAt":"2025-03-04T18:00:00Z",
///  "messages":{"delivered":9},"orders":{"acknowledged":3},"files":{"processed":10,"failed":1},
///  "openAlerts":{"acknowledgmentOverdue":1},
///  "partners":[{"partner":"tidewater-kitchenworks","orders":3,"files":4,
///    "acknowledgmentLatency":{"count":2,"medianSeconds":1500,"p95Seconds":2700},
///    "confirmationLatency":{…},"onTimeAcknowledgmentRate":0.5,"changeOrderRate":0,"discrepancyRate":0.5,
///    "errorRate":0.25,"oldestOpenAlert":AlertItem}],
///  "alerts":[AlertItem…]}
/// ```
/// Rates are fractions from 0 to 1; a rate or latency with nothing to measure yet is left out.
public struct StatusView: Hashable, Sendable, Codable {
    /// Latency percentiles, in seconds.
    public struct Latency: Hashable, Sendable, Codable {
        /// How many were measured.
        public var count: Int
        public var medianSeconds: Double
        public var p95Seconds: Double

        public init(_ summary: LatencySummary) {
            self.count = summary.count
            self.medianSeconds = summary.median
            self.p95Seconds = summary.percentile95
        }
    }

    /// One partner's figures (see ``Store/PartnerStatistics``).
    public struct Partner: Hashable, Sendable, Codable {
        public var partner: String
        /// Order legs sent to the partner.
        public var orders: Int
        /// Inbound files from the partner.
        public var files: Int
        /// Delivery to 997/999.
        public var acknowledgmentLatency: Latency?
        /// Delivery to 855.
        public var confirmationLatency: Latency?
        public var onTimeAcknowledgmentRate: Double?
        public var changeOrderRate: Double?
        public var discrepancyRate: Double?
        public var errorRate: Double?
        /// The oldest open alert (exception) about the partner.
        public var oldestOpenAlert: AlertItem?

        public init(_ statistics: PartnerStatistics, now: Date) {
            self.partner = statistics.partner
            self.orders = statistics.orders
            self.files = statistics.files
            self.acknowledgmentLatency = statistics.acknowledgmentLatency.map(Latency.init)
            self.confirmationLatency = statistics.confirmationLatency.map(Latency.init)
            self.onTimeAcknowledgmentRate = statistics.onTimeAcknowledgmentRate
            self.changeOrderRate = statistics.changeOrderRate
            self.discrepancyRate = statistics.discrepancyRate
            self.errorRate = statistics.errorRate
            self.oldestOpenAlert = statistics.oldestOpenAlert.map { AlertItem($0, now: now) }
        }
    }

    public var generatedAt: Date
    /// Queue messages by state.
    public var messages: [String: Int]
    /// Order legs by status.
    public var orders: [String: Int]
    /// Inbound files by outcome.
    public var files: [String: Int]
    /// Open alerts by kind.
    public var openAlerts: [String: Int]
    public var partners: [Partner]
    /// The open alerts, newest first (at most the limit asked for).
    public var alerts: [AlertItem]

    public init(report: StatusReport, openAlerts: [Alert], now: Date) {
        self.generatedAt = now
        self.messages = report.messages
        self.orders = report.orders
        self.files = report.files
        self.openAlerts = report.openAlerts
        self.partners = report.partners.map { Partner($0, now: now) }
        self.alerts = openAlerts.map { AlertItem($0, now: now) }
    }

    /// Reads the status report and up to `alertLimit` open alerts from `store`.
    public static func load(
        from store: any GatewayStore, now: Date, alertLimit: Int = 20
    ) async throws(StoreError) -> StatusView {
        let report = try await store.statusReport()
        let alerts = try await store.alerts(openOnly: true, limit: alertLimit)
        return StatusView(report: report, openAlerts: alerts, now: now)
    }

    /// The plain-text form: counts, the partner table, the open alerts.
    public var text: String {
        var lines = [
            "Porter status at \(ReportText.timestamp(self.generatedAt))",
            "  messages     \(ReportText.counts(self.messages))",
            "  order legs   \(ReportText.counts(self.orders))",
            "  inbound      \(ReportText.counts(self.files))",
            "  open alerts  \(ReportText.counts(self.openAlerts))",
            "",
        ]
        if self.partners.isEmpty {
            lines.append("No partner has exchanged documents yet.")
        } else {
            lines.append(Self.partnerTable(self.partners).render())
        }
        lines.append("")
        if self.alerts.isEmpty {
            lines.append("No open alerts.")
        } else {
            let total = self.openAlerts.values.reduce(0, +)
            let shown = total > self.alerts.count ? " (newest \(self.alerts.count) of \(total))" : ""
            lines.append("Open alerts\(shown):")
            lines.append(AlertItem.table(self.alerts).render(indent: "  "))
        }
        return lines.joined(separator: "\n")
    }

    static func partnerTable(_ partners: [Partner]) -> TextTable {
        let rows = partners.map { partner in
            [
                partner.partner, String(partner.orders), String(partner.files),
                ReportText.duration(partner.acknowledgmentLatency?.medianSeconds),
                ReportText.duration(partner.acknowledgmentLatency?.p95Seconds),
                ReportText.duration(partner.confirmationLatency?.medianSeconds),
                ReportText.duration(partner.confirmationLatency?.p95Seconds),
                ReportText.percent(partner.onTimeAcknowledgmentRate), ReportText.percent(partner.changeOrderRate),
                ReportText.percent(partner.discrepancyRate), ReportText.percent(partner.errorRate),
                partner.oldestOpenAlert.map { "\($0.kind), \(ReportText.duration($0.ageSeconds)) old" } ?? "-",
            ]
        }
        return TextTable(
            headers: [
                "PARTNER", "ORDERS", "FILES", "997 MEDIAN", "997 P95", "855 MEDIAN", "855 P95", "ACK ON TIME",
                "CHANGES", "DISCREPANCIES", "ERRORS", "OLDEST OPEN EXCEPTION",
            ],
            rows: rows, rightAligned: Set(1...10))
    }
}
