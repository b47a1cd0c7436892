public import Foundation

/// Latency percentiles, in seconds.
public struct LatencySummary: Hashable, Sendable, Codable {
    public var count: Int
    public var median: TimeInterval
    public var percentile95: TimeInterval

    public init(count: Int, median: TimeInterval, percentile95: TimeInterval) {
        self.count = count
        self.median = median
        self.percentile95 = percentile95
    }
}

/// One partner's figures for `porter status` (over the order legs and files the store holds).
public struct PartnerStatistics: Hashable, Sendable, Codable {
    public var partner: String
    /// Order legs sent to the partner.
    public var orders: Int
    /// Delivery to 997/999 (legs acknowledged).
    public var acknowledgmentLatency: LatencySummary?
    /// Delivery to 855 (legs confirmed).
    public var confirmationLatency: LatencySummary?
    /// Acknowledged within the allowance / legs acknowledged or overdue; nil when none was due yet.
    public var onTimeAcknowledgmentRate: Double?
    /// Legs with more than one version / legs.
    public var changeOrderRate: Double?
    /// Legs with a discrepancy / legs confirmed or shipped.
    public var discrepancyRate: Double?
    /// Inbound files from the partner that failed / inbound files from the partner.
    public var errorRate: Double?
    /// Inbound files from the partner.
    public var files: Int
    /// The oldest open alert about the partner.
    public var oldestOpenAlert: Alert?

    public init(
        partner: String, orders: Int, acknowledgmentLatency: LatencySummary? = nil,
        confirmationLatency: LatencySummary? = nil, onTimeAcknowledgmentRate: Double? = nil,
        changeOrderRate: Double? = nil, discrepancyRate: Double? = nil, errorRate: Double? = nil, files: Int = 0,
        oldestOpenAlert: Alert? = nil
    ) {
        self.partner = partner
        self.orders = orders
        self.acknowledgmentLatency = acknowledgmentLatency
        self.confirmationLatency = confirmationLatency
        self.onTimeAcknowledgmentRate = onTimeAcknowledgmentRate
        self.changeOrderRate = changeOrderRate
        self.discrepancyRate = discrepancyRate
        self.errorRate = errorRate
        self.files = files
        self.oldestOpenAlert = oldestOpenAlert
    }
}

/// What `porter status` shows.
public struct StatusReport: Hashable, Sendable, Codable {
    /// Queue messages by state.
    public var messages: [String: Int]
    /// Order legs by status.
    public var orders: [String: Int]
    /// Inbound files by outcome ("processed", "duplicate", "failed", "quarantined").
    public var files: [String: Int]
    /// Open alerts by kind.
    public var openAlerts: [String: Int]
    /// Every partner that has order legs or inbound files, by name.
    public var partners: [PartnerStatistics]

    public init(
        messages: [String: Int] = [:], orders: [String: Int] = [:], files: [String: Int] = [:],
        openAlerts: [String: Int] = [:], partners: [PartnerStatistics] = []
    ) {
        self.messages = messages
        self.orders = orders
        self.files = files
        self.openAlerts = openAlerts
        self.partners = partners
    }
}
