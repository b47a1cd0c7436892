public import Foundation
public import Store

/// One alert as reports show it: the stored ``Store/Alert`` with its evidence as a JSON object and its age.
///
/// JSON: `{"id":7,"kind":"acknowledgmentOverdue","key":"BO-1@tidewater-kitchenworks","partner":"…",
/// "orderNumber":"…","message":"…","evidence":{…},"raisedAt":"2025-03-04T12:00:00Z","open":true,
/// "ageSeconds":4320}`, plus `closedAt` and `closedBecause` once closed.
public struct AlertItem: Hashable, Sendable, Codable {
    public var id: Int64
    /// ``Store/Alert/Kind`` raw value.
    public var kind: String
    public var key: String
    public var partner: String?
    public var orderNumber: String?
    public var message: String
    /// The evidence (control numbers, values compared, file names).
    public var evidence: ReportJSONValue
    public var raisedAt: Date
    public var closedAt: Date?
    public var closedBecause: String?
    public var open: Bool
    /// Seconds from raising to the report's time (open alerts) or to closing.
    public var ageSeconds: Double

    public init(_ alert: Alert, now: Date) {
        self.id = alert.id
        self.kind = alert.kind.rawValue
        self.key = alert.key
        self.partner = alert.partner
        self.orderNumber = alert.orderNumber
        self.message = alert.message
        self.evidence = ReportJSONValue(parsing: alert.evidence)
        self.raisedAt = alert.raisedAt
        self.closedAt = alert.closedAt
        self.closedBecause = alert.closedBecause
        self.open = alert.isOpen
        self.ageSeconds = max(0, (alert.closedAt ?? now).timeIntervalSince(alert.raisedAt))
    }

    /// A table of alerts: id, kind, partner, order, raised, age, state, message.
    static func table(_ alerts: [AlertItem]) -> TextTable {
        let rows = alerts.map { alert in
            [
                String(alert.id), alert.kind, alert.partner ?? "-", alert.orderNumber ?? "-",
                ReportText.timestamp(alert.raisedAt), ReportText.duration(alert.ageSeconds),
                alert.open ? "open" : "closed", alert.message,
            ]
        }
        return TextTable(
            headers: ["ID", "KIND", "PARTNER", "ORDER", "RAISED", "AGE", "STATE", "MESSAGE"], rows: rows,
            rightAligned: [0, 5])
    }

    /// One line per alert with its evidence (`7  controlReference=000000001 dueAt=…`), for alerts that have some.
    static func evidenceLines(_ alerts: [AlertItem], indent: String = "") -> [String] {
        alerts.compactMap { alert in
            let summary = ReportText.clean(alert.evidence.summary)
            return summary.isEmpty ? nil : "\(indent)\(alert.id)  \(summary)"
        }
    }
}
