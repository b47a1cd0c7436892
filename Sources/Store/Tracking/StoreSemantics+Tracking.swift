import Foundation

// What every store decides the same way about tracking: the figures of `porter status` and the reasons recorded.
extension StoreSemantics {
    /// The reason recorded when a commit's track closure throws.
    static func trackFailure(_ error: any Error, claim: String) -> String {
        "tracking the orders of the file claimed as \(claim) failed: \(error)"
    }

    /// The index of the nearest-rank `percent` percentile among `count` sorted values: `ceil(percent/100 * count) - 1`
    /// (integer arithmetic, so 95% of 20 is exactly the 19th value). `count` must be above 0.
    static func nearestRankIndex(percent: Int, count: Int) -> Int {
        (percent * count + 99) / 100 - 1
    }

    /// Count, median and 95th percentile (nearest rank) of latencies sorted ascending; nil when there are none.
    static func latency(sorted values: [TimeInterval]) -> LatencySummary? {
        guard !values.isEmpty else { return nil }
        return LatencySummary(
            count: values.count, median: values[Self.nearestRankIndex(percent: 50, count: values.count)],
            percentile95: values[Self.nearestRankIndex(percent: 95, count: values.count)])
    }

    /// `part / whole`, nil when `whole` is 0.
    static func rate(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }

    /// The seconds from `start` to `end`, computed as SQLite computes it from the stored REAL columns (so both
    /// stores give bit-identical figures).
    static func latency(from start: Date?, to end: Date?) -> TimeInterval? {
        guard let start, let end else { return nil }
        return end.storeSeconds - start.storeSeconds
    }

    /// Whether a leg counts for the on-time acknowledgment rate, and if so whether it was on time: legs whose
    /// 997/999 came (on time or late), and legs delivered, awaiting one (allowance above 0), not acknowledged and
    /// no longer with a deadline (the overdue alert was raised): late.
    static func acknowledgmentOutcome(_ order: TrackedOrder) -> Bool? {
        if let onTime = order.acknowledgedOnTime { return onTime }
        let overdue =
            order.acknowledgedAt == nil && order.acknowledgmentDue == nil && order.deliveredAt != nil
            && order.acknowledgmentAllowance > 0
        return overdue ? false : nil
    }

    /// Whether an 855 or 856 was reconciled against the leg (the discrepancy rate's denominator).
    static func isReconciled(_ order: TrackedOrder) -> Bool {
        order.confirmedAt != nil || order.shippedAt != nil
    }

    /// Order statuses after which nothing more is expected: such legs are swept once not updated since the date.
    static let finishedStatuses: Set<OrderStatus> = [.closed, .cancelled]
}
